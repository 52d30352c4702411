/**
 * The cluster stack's `kubeconfig` output as the text the Kubernetes provider takes: @pulumi/eks
 * exports it as an object, a hand-written stack may export a YAML or JSON string.
 */
export function kubeconfigText(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return JSON.stringify(value);
  throw new Error(
    `the cluster stack's 'kubeconfig' output is ${describe(value)}, not a kubeconfig (object or string)`,
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return 'an empty string';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
