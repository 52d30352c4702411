import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ResolvedRoute } from '../resolve-web-service-props.js';

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
/** The Gateway's listener routes attach to: the one that terminates TLS. */
export const HTTPS_LISTENER = 'https';

export interface HttpRouteConstructProps {
  readonly metadata: { name: string; namespace: string; labels: Record<string, string> };
  readonly route: ResolvedRoute;
  /** The Service that receives the traffic. */
  readonly service: { readonly name: string; readonly port: number };
}

/**
 * A Gateway API v1 HTTPRoute: the environment's Gateway (its HTTPS listener, where TLS ends)
 * sends requests for these hostnames and path to the Service.
 */
export class HttpRoute extends Construct {
  constructor(scope: Construct, id: string, props: HttpRouteConstructProps) {
    super(scope, id);
    const { route, service } = props;
    new ApiObject(this, 'http-route', {
      apiVersion: `${GATEWAY_API_GROUP}/v1`,
      kind: 'HTTPRoute',
      metadata: props.metadata,
      spec: {
        parentRefs: [
          {
            group: GATEWAY_API_GROUP,
            kind: 'Gateway',
            name: route.gateway.name,
            namespace: route.gateway.namespace,
            sectionName: HTTPS_LISTENER,
          },
        ],
        hostnames: [...route.hostnames],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: route.pathPrefix } }],
            backendRefs: [{ kind: 'Service', name: service.name, port: service.port }],
          },
        ],
      },
    });
  }
}
