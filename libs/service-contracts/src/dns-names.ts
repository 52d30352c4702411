/**
 * The one rule for Kubernetes names made of DNS labels (RFC 1123). Here, the lowest library
 * every side can depend on: the service runtime checks its `ENVIRONMENT` with it inside the
 * image, the environments and the workload library check names with it at synth.
 */

/** One label, unanchored and of any length: the lengths differ by what is named. */
const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const ANY_LENGTH_LABEL = new RegExp(`^${LABEL}$`);

/** The longest RFC 1123 label. */
export const DNS_LABEL_MAX_LENGTH = 63;

/** The longest DNS subdomain (dot-separated labels), such as a hostname or a label key's prefix. */
export const DNS_SUBDOMAIN_MAX_LENGTH = 253;

/**
 * An RFC 1123 label of at most 63 characters: what Kubernetes accepts as a namespace or a
 * Service name. For schemas that take a pattern; code can call {@link isDnsLabel}.
 */
export const DNS_LABEL = new RegExp(`^(?=.{1,${DNS_LABEL_MAX_LENGTH}}$)${LABEL}$`);

/**
 * `value` is lowercase letters, digits and '-', starting and ending with a letter or digit,
 * and at most `maxLength` long: shorter for a name others derive names from, longer (253)
 * where Kubernetes takes a subdomain's length.
 */
export function isDnsLabel(value: string, maxLength: number = DNS_LABEL_MAX_LENGTH): boolean {
  return value.length <= maxLength && ANY_LENGTH_LABEL.test(value);
}

/** Dot-separated labels, at most 253 characters in all, as Kubernetes checks a subdomain. */
export function isDnsSubdomain(value: string): boolean {
  return (
    value.length <= DNS_SUBDOMAIN_MAX_LENGTH &&
    value.split('.').every((label) => isDnsLabel(label, DNS_SUBDOMAIN_MAX_LENGTH))
  );
}
