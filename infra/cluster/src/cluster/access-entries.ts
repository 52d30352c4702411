import type * as eks from '@pulumi/eks';
import type * as pulumi from '@pulumi/pulumi';

/** A stable access-entry key for a principal ARN: `<account>-role-<name>`. */
export function accessEntryKey(principalArn: string): string {
  return principalArn
    .split(':')
    .slice(4)
    .join('-')
    .replace(/[^A-Za-z0-9-]/g, '-');
}

/**
 * Access entries giving each principal (by key) cluster-wide admin
 * (AmazonEKSClusterAdminPolicy). Keys, not positions, name the entries, so reordering
 * replaces nothing. The principal that creates the cluster already gets an admin entry from
 * EKS (bootstrapClusterCreatorAdminPermissions, which @pulumi/eks turns on): do not list it,
 * EKS refuses a second entry for the same principal.
 */
export function adminAccessEntries(
  principals: Readonly<Record<string, pulumi.Input<string>>>,
  partition: string,
): Record<string, eks.types.input.AccessEntryArgs> {
  return Object.fromEntries(
    Object.entries(principals).map(([key, principalArn]) => [
      key,
      {
        principalArn,
        accessPolicies: {
          admin: {
            policyArn: `arn:${partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
            accessScope: { type: 'cluster' },
          },
        },
      },
    ]),
  );
}

/**
 * Access entries mapping each principal (by key) to Kubernetes groups only, with no EKS access
 * policy: what the principal may do is what RBAC in git grants those groups (the drift check's
 * read-only role: `platform:drift-readers`, libs/platform drift-readers.ts).
 */
export function groupAccessEntries(
  principals: Readonly<Record<string, pulumi.Input<string>>>,
  groups: readonly string[],
): Record<string, eks.types.input.AccessEntryArgs> {
  return Object.fromEntries(
    Object.entries(principals).map(([key, principalArn]) => [
      key,
      { principalArn, type: 'STANDARD', kubernetesGroups: [...groups] },
    ]),
  );
}
