/** A TCP or UDP port a NetworkPolicy opens. */
export interface NetworkPort {
  /** Port number, 1–65535. */
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP';
}

/** Pods in another namespace this service may call. */
export interface NamespaceEgress {
  /** The destination namespace. */
  readonly namespace: string;
  /** Only pods with these labels. @default every pod in the namespace */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** The ports the service may call. */
  readonly ports: readonly NetworkPort[];
}

/** Addresses outside the cluster (a managed database, an external API) this service may call. */
export interface CidrEgress {
  /** An IPv4 or IPv6 CIDR, e.g. `10.20.0.0/16`. */
  readonly cidr: string;
  /** Sub-ranges of `cidr` that stay closed. @default none */
  readonly except?: readonly string[];
  /** The ports the service may call. */
  readonly ports: readonly NetworkPort[];
}

/** One destination a service's egress NetworkPolicy allows, besides cluster DNS. */
export type EgressDestination = NamespaceEgress | CidrEgress;
