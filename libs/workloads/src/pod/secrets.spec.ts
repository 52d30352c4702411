import { describe, expect, it } from 'vitest';
import { find, podSpecOf, SHOP_IMAGE, synthApp } from '../testing/synth-helpers.js';
import { WebService } from '../web-service.js';
import type { SecretReference } from './pod-props.js';

const SECRETS = [{ name: 'db', keys: ['url', 'password'] }];
const synthWith = (secrets: readonly SecretReference[], available = SECRETS) =>
  synthApp((chart) => new WebService(chart, 'web', { name: 'shop', image: SHOP_IMAGE, secrets }), {
    secrets: available,
  });

describe("a workload's secrets", () => {
  it('reads a key of a SealedSecret of the app as an environment variable', () => {
    const container = podSpecOf(
      find(synthWith([{ secret: 'db', key: 'url', env: 'DATABASE_URL' }]), 'Deployment', 'shop'),
    ).containers[0];
    expect(container.env).toContainEqual({
      name: 'DATABASE_URL',
      valueFrom: { secretKeyRef: { name: 'db', key: 'url' } },
    });
  });

  it('mounts a whole SealedSecret read-only, files readable by the owner only', () => {
    const spec = podSpecOf(
      find(synthWith([{ secret: 'db', mountPath: '/run/secrets/db' }]), 'Deployment', 'shop'),
    );
    expect(spec.containers[0].volumeMounts).toContainEqual({
      name: 'secret-0',
      mountPath: '/run/secrets/db',
      readOnly: true,
    });
    expect(spec.volumes).toContainEqual({
      name: 'secret-0',
      secret: { secretName: 'db', defaultMode: 0o400 },
    });
  });

  it.each<[string, SecretReference[], string]>([
    [
      'a secret the app does not have',
      [{ secret: 'stripe', key: 'token', env: 'STRIPE' }],
      'secrets[0].secret = "stripe" is not a secret of this app here (it has \'db\')',
    ],
    [
      'a key the secret does not hold',
      [{ secret: 'db', key: 'user', env: 'DB_USER' }],
      'secrets[0].key = "user" is not a key of secret \'db\' (url, password)',
    ],
    [
      'a bad variable name',
      [{ secret: 'db', key: 'url', env: 'db-url' }],
      'secrets[0].env = "db-url" is not a valid environment variable',
    ],
  ])('refuses %s at synth, naming it', (_case, secrets, message) => {
    expect(() => synthWith(secrets)).toThrow(`WebService 'shop': ${message}`);
  });

  it('refuses any reference when the app has no secret in the environment', () => {
    expect(() => synthWith([{ secret: 'db', key: 'url', env: 'URL' }], [])).toThrow(
      '(it has none)',
    );
  });
});
