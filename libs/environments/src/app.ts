import type { ServiceContract } from '@platform/service-contracts';

/** A port a NetworkPolicy opens. */
export interface AppPort {
  readonly port: number;
  readonly protocol?: 'TCP' | 'UDP';
}

/** A destination an app may call besides cluster DNS: pods in a namespace, or a CIDR outside the cluster. */
export type AppEgress =
  | {
      readonly namespace: string;
      readonly podLabels?: Readonly<Record<string, string>>;
      readonly ports: readonly AppPort[];
    }
  | {
      readonly cidr: string;
      readonly except?: readonly string[];
      readonly ports: readonly AppPort[];
    };

/** An app the workspace builds and deploys to every environment. */
export interface App {
  /** What the service promises its platform; `contract.name` is the app's name everywhere. */
  readonly contract: ServiceContract & { readonly name: string };
  readonly description: string;
  /** The workspace directory holding its source and `Dockerfile`, e.g. `apps/demo-service`. */
  readonly source: string;
  /** Namespaces, besides each environment's own list, that may call it. @default none */
  readonly ingressFromNamespaces?: readonly string[];
  /** Destinations it may call besides cluster DNS. @default none */
  readonly egress?: readonly AppEgress[];
}

/** The app's name: its directory under `manifests/<env>/`, its namespace, its image repository. */
export function appName(app: App): string {
  return app.contract.name;
}
