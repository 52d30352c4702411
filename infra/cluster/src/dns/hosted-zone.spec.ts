import { promiseOf, type ResourceRecorder } from '@platform/infra-stack-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineStacks, stackNamed, type DefinedStack } from '../testing/define-stacks.js';
import { MOCK_NAME_SERVERS } from '../testing/platform-mocks.js';
import { adoptedZoneId } from './hosted-zone.js';
import { addonDocuments, iamDocuments } from '../testing/iam-documents.js';

let recorder: ResourceRecorder;
let engine: Awaited<ReturnType<typeof defineStacks>>['engine'];
let stacks: Record<string, DefinedStack>;

beforeAll(async () => {
  ({ recorder, engine, stacks } = await defineStacks([
    'staging',
    'production',
    // A team that already has the zone adopts it by id.
    { stack: 'staging', overrides: { platformName: 'adopt', hostedZoneId: 'Z0EXISTINGSTAGING' } },
  ]));
});

const ZONE = 'aws:route53/zone:Zone';

describe.each(['staging', 'production'])('the %s hosted zone', (stack) => {
  const prefix = `platform-${stack}`;

  it("is the public zone of the environment's domain, never force-destroyed", () => {
    const zone = recorder.find(ZONE, `${prefix}-dns-zone`);
    expect(zone.inputs['name']).toBe(`${stack}.test`);
    expect(zone.inputs['forceDestroy']).toBe(false);
    expect(zone.inputs['vpcs']).toBeUndefined();
  });

  it('is protected and retained on delete: a new zone would break the delegation', () => {
    const registration = engine.get(`${ZONE} ${prefix}-dns-zone`);
    expect(registration?.protect).toBe(true);
    expect(registration?.retainOnDelete).toBe(true);
  });

  it('outputs its id and the name servers to delegate to', async () => {
    const { outputs } = stackNamed(stacks, prefix);
    expect(await promiseOf(outputs.hostedZoneId)).toBe(
      recorder.find(ZONE, `${prefix}-dns-zone`).state['zoneId'],
    );
    expect(await promiseOf(outputs.nameServers)).toEqual(MOCK_NAME_SERVERS);
  });
});

describe('an adopted hosted zone (hostedZoneId)', () => {
  it('is looked up by id, never created, and is the zone the add-ons may write', async () => {
    expect(recorder.named(ZONE, 'adopt-staging-')).toEqual([]);
    expect(recorder.invokes).toContainEqual({
      token: 'aws:route53/getZone:getZone',
      inputs: { zoneId: 'Z0EXISTINGSTAGING', privateZone: false },
    });
    const { outputs } = stackNamed(stacks, 'adopt-staging');
    expect(await promiseOf(outputs.hostedZoneId)).toBe('Z0EXISTINGSTAGING');
    expect(await promiseOf(outputs.nameServers)).toEqual(MOCK_NAME_SERVERS);
    const policy = addonDocuments(() => recorder).policy('adopt-staging', 'external-dns');
    expect(policy.Statement[0].Resource).toBe('arn:aws:route53:::hostedzone/Z0EXISTINGSTAGING');
  });

  it('leaves the deploy role no right to create a zone', () => {
    const sids = (prefix: string) =>
      iamDocuments(() => recorder)
        .policy(prefix, 'deploy', 'deploy-infrastructure')
        .Statement.map((s: { Sid: string }) => s.Sid);
    expect(sids('adopt-staging')).not.toContain('CreateTheHostedZone');
    expect(sids('platform-staging')).toContain('CreateTheHostedZone');
  });
});

describe('adoptedZoneId', () => {
  it("accepts the environment's zone, with or without the trailing dot", () => {
    expect(adoptedZoneId({ zoneId: 'Z1', name: 'staging.test.' }, 'staging.test')).toBe('Z1');
    expect(adoptedZoneId({ zoneId: 'Z1', name: 'Staging.Test' }, 'staging.test')).toBe('Z1');
  });

  it('refuses another zone, naming both', () => {
    expect(() => adoptedZoneId({ zoneId: 'Z2', name: 'other.test.' }, 'staging.test')).toThrow(
      "hostedZoneId 'Z2' is the zone of 'other.test', not of the environment's domain 'staging.test'",
    );
  });
});
