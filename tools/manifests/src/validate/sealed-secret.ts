import { z } from 'zod';

/** `apiVersion/kind` of a Bitnami SealedSecret: a Secret encrypted for one cluster's controller. */
export const SEALED_SECRET_KIND = 'bitnami.com/v1alpha1/SealedSecret';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const objectMeta = z.strictObject({
  name: z.string().regex(DNS_SUBDOMAIN, 'a DNS-1123 subdomain'),
  namespace: z.string().regex(DNS_SUBDOMAIN, 'a DNS-1123 label').optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
  // kubeseal writes `creationTimestamp: null`; the renderer drops it.
  creationTimestamp: z.null().optional(),
});

/**
 * The SealedSecret custom resource (sealed-secrets' CRD, bitnami.com/v1alpha1), strict: no
 * field the controller does not read. The CRD's own schema (kubernetes-models' Sealed Secrets
 * package, schema.ts) checks types first; like every kubernetes-models validator it accepts
 * unknown fields, which this one refuses.
 */
export const sealedSecretSchema = z.strictObject({
  apiVersion: z.literal('bitnami.com/v1alpha1'),
  kind: z.literal('SealedSecret'),
  metadata: objectMeta.extend({ namespace: z.string().regex(DNS_SUBDOMAIN, 'a DNS-1123 label') }),
  spec: z.strictObject({
    encryptedData: z
      .record(z.string(), z.string().min(1, 'an encrypted value'))
      .refine((data) => Object.keys(data).length > 0, 'at least one encrypted key'),
    template: z
      .strictObject({
        metadata: objectMeta.partial().optional(),
        type: z.string().optional(),
        immutable: z.boolean().optional(),
        data: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
  }),
});
