import { workspaceEnvironments } from '@platform/environments';
import { testEnvironments } from '@platform/environments/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gatewayHost } from './gateway-host.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('gatewayHost', () => {
  it("is the app under the environment's Gateway domain", () => {
    expect(gatewayHost(testEnvironments, 'test-stage', 'demo-service')).toBe(
      'demo-service.test-stage.test',
    );
  });

  it("is a host the demo service's rendered staging route answers on (what the e2e curls)", () => {
    const route = parse(
      readFileSync(
        join(ROOT, 'manifests/staging/demo-service/httproute-demo-service.yaml'),
        'utf8',
      ),
    ) as { spec: { hostnames: string[] } };
    expect(route.spec.hostnames).toContain(
      gatewayHost(workspaceEnvironments, 'staging', 'demo-service'),
    );
  });

  it('names the known environments when the environment is unknown', () => {
    expect(() => gatewayHost(testEnvironments, 'qa', 'demo-service')).toThrow(
      "unknown environment 'qa' (known: test-stage, test-live)",
    );
  });
});
