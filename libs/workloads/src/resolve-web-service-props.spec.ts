import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { InvalidPropError } from './invalid-prop-error.js';
import { resolveWebServiceProps } from './resolve-web-service-props.js';
import { MINIMAL_PROPS } from './testing/synth-helpers.js';
import type { WebServiceProps } from './web-service-props.js';

const resolve = (props: Partial<WebServiceProps>) =>
  resolveWebServiceProps(Testing.chart(), { ...MINIMAL_PROPS, ...props });

describe('resolveWebServiceProps', () => {
  it('applies the documented defaults', () => {
    expect(resolve({})).toMatchObject({
      namespace: 'orders',
      containerPort: 8080,
      servicePort: 80,
      livenessPath: '/healthz',
      readinessPath: '/readyz',
      runAsUser: 10001,
      writablePaths: ['/tmp'],
      minReplicas: 2,
      maxReplicas: 4,
      targetCpuUtilizationPercent: 70,
      cpuRequestMillis: 100,
      cpuLimitMillis: 500,
      memoryRequestMebibytes: 128,
      memoryLimitMebibytes: 256,
      maxUnavailable: 1,
      terminationGracePeriodSeconds: 30,
    });
  });

  it('keeps a limit default at or above an explicit request', () => {
    const resolved = resolve({ resources: { cpuRequestMillis: 800, memoryRequestMebibytes: 512 } });
    expect(resolved.cpuLimitMillis).toBe(800);
    expect(resolved.memoryLimitMebibytes).toBe(512);
  });

  it('raises a max replicas default to an explicit min', () => {
    expect(resolve({ replicas: { min: 6 } })).toMatchObject({ minReplicas: 6, maxReplicas: 6 });
  });

  it.each<[string, Partial<WebServiceProps>, string]>([
    [
      'min replicas above max',
      { replicas: { min: 5, max: 3 } },
      'replicas.min = 5 is above replicas.max (3)',
    ],
    [
      'zero min replicas',
      { replicas: { min: 0 } },
      'replicas.min = 0 must be an integer from 1 to 1000',
    ],
    [
      'memory limit below request',
      { resources: { memoryRequestMebibytes: 512, memoryLimitMebibytes: 256 } },
      'resources.memoryLimitMebibytes = 256 is below resources.memoryRequestMebibytes (512)',
    ],
    [
      'cpu limit below request',
      { resources: { cpuRequestMillis: 500, cpuLimitMillis: 100 } },
      'resources.cpuLimitMillis = 100 is below resources.cpuRequestMillis (500)',
    ],
    [
      'port out of range',
      { containerPort: 70000 },
      'containerPort = 70000 must be an integer from 1 to 65535',
    ],
    ['privileged port', { containerPort: 80 }, 'containerPort = 80 is a privileged port'],
    [
      'service port out of range',
      { servicePort: 0 },
      'servicePort = 0 must be an integer from 1 to 65535',
    ],
    ['root user', { runAsUser: 0 }, 'runAsUser = 0 must be an integer from 1'],
    [
      'mutable image tag',
      { image: 'ghcr.io/acme/orders:latest' },
      "image = \"ghcr.io/acme/orders:latest\" is not deployable: invalid image reference 'ghcr.io/acme/orders:latest': tag 'latest' is mutable",
    ],
    ['untagged image', { image: 'ghcr.io/acme/orders' }, 'it has no tag'],
    ['bad name', { name: 'Orders_Service' }, 'name = "Orders_Service" is not a DNS-1123 label'],
    [
      'relative probe path',
      { probes: { readiness: 'readyz' } },
      'probes.readiness = "readyz" must be an absolute HTTP path',
    ],
    [
      'root as writable path',
      { writablePaths: ['/'] },
      'writablePaths[0] = "/" must be an absolute directory',
    ],
    [
      'duplicate writable path',
      { writablePaths: ['/tmp', '/tmp'] },
      'writablePaths[1] = "/tmp" is listed twice',
    ],
    [
      'PORT in env',
      { env: { PORT: '1' } },
      'env.PORT = "1" is set by the construct; set its prop instead',
    ],
    [
      'invalid env name',
      { env: { 'BAD-NAME': 'x' } },
      'env.BAD-NAME = "x" has a name that is not a valid environment variable',
    ],
    ['zero max unavailable', { maxUnavailable: 0 }, 'maxUnavailable = 0 must be an integer from 1'],
    [
      'max unavailable above min replicas',
      { maxUnavailable: 3, replicas: { min: 2, max: 4 } },
      'maxUnavailable = 3 is above replicas.min (2)',
    ],
    [
      'cpu target out of range',
      { targetCpuUtilizationPercent: 150 },
      'targetCpuUtilizationPercent = 150 must be an integer from 1 to 100',
    ],
    [
      'egress without ports',
      { egress: [{ namespace: 'payments', ports: [] }] },
      'egress[0].ports = [] must list at least one port',
    ],
    [
      'egress bad cidr',
      { egress: [{ cidr: '10.0.0.0/33', ports: [{ port: 1 }] }] },
      'egress[0].cidr = "10.0.0.0/33" is not an IPv4 or IPv6 CIDR',
    ],
    [
      'ingress bad namespace',
      { ingressFromNamespaces: ['Not_A_Namespace'] },
      'ingressFromNamespaces[0] = "Not_A_Namespace" is not a DNS-1123 label',
    ],
  ])('rejects %s, naming the prop and the value', (_case, props, message) => {
    expect(() => resolve(props)).toThrow(InvalidPropError);
    expect(() => resolve(props)).toThrow(message);
  });

  it('names the construct in the error', () => {
    expect(() => resolve({ replicas: { min: 5, max: 3 } })).toThrow(/^WebService 'orders': /);
  });
});
