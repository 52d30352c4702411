import { describe, expect, it } from 'vitest';
import { find, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import { WebService } from '../web-service.js';
import type { HttpRouteProps } from '../web-service-props.js';

const synthRouted = (route?: HttpRouteProps) =>
  synthApp(
    (chart) =>
      new WebService(chart, 'web', {
        name: 'shop',
        image: SHOP_IMAGE,
        ...(route ? { route } : {}),
      }),
  );
const namespacesLetIn = (objects: ReturnType<typeof synthRouted>) =>
  find(objects, 'NetworkPolicy', 'shop-ingress').spec.ingress.flatMap((rule: any) =>
    rule.from.map((peer: any) => peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name']),
  );

describe('a WebService exposed through the Gateway', () => {
  const objects = synthRouted({});
  const route = find(objects, 'HTTPRoute', 'shop');

  it("attaches an HTTPRoute to the environment's Gateway, on its TLS listener", () => {
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.spec.parentRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: 'edge',
        namespace: 'edge',
        sectionName: 'https',
      },
    ]);
  });

  it('answers <name>.<domain> by default and sends everything to the Service port', () => {
    expect(route.spec.hostnames).toEqual(['shop.qa.test']);
    expect(route.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ kind: 'Service', name: 'shop', port: 80 }],
      },
    ]);
  });

  it("lets the Gateway's namespace in only when routed", () => {
    expect(namespacesLetIn(objects)).toEqual(['metrics', 'edge']);
    const internal = synthRouted();
    expect(namespacesLetIn(internal)).toEqual(['metrics']);
    expect(internal.some((o) => o.kind === 'HTTPRoute')).toBe(false);
  });

  it('takes its own hostnames and path', () => {
    const custom = find(
      synthRouted({ hostnames: ['shop.example.org', '*.shop.example.org'], pathPrefix: '/api' }),
      'HTTPRoute',
      'shop',
    );
    expect(custom.spec.hostnames).toEqual(['shop.example.org', '*.shop.example.org']);
    expect(custom.spec.rules[0].matches[0].path.value).toBe('/api');
  });

  it.each<[HttpRouteProps, string]>([
    [
      { hostnames: ['Shop.Example.org'] },
      'route.hostnames[0] = "Shop.Example.org" is not a DNS name',
    ],
    [{ hostnames: ['shop'] }, 'route.hostnames[0] = "shop" is not a DNS name'],
    [{ hostnames: ['https://shop.example.org'] }, 'is not a DNS name'],
    [{ hostnames: [] }, 'route.hostnames = [] must list at least one hostname'],
    [{ pathPrefix: 'api' }, 'route.pathPrefix = "api" must be an absolute HTTP path'],
  ])('refuses %j, naming the prop and the value', (route, message) => {
    expect(() => synthRouted(route)).toThrow(message);
  });
});
