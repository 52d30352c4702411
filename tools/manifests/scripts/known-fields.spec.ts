import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/validate/kinds.js';
import { deriveKnownFields } from './derive-known-fields.js';

describe('known-fields.generated.json', () => {
  it('is current: regenerating from kubernetes-models gives the committed index', () => {
    const committed = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../src/validate/known-fields.generated.json', import.meta.url)),
        'utf8',
      ),
    ) as unknown;
    const derived = deriveKnownFields(KINDS, fileURLToPath(new URL('../src', import.meta.url)));
    expect(JSON.parse(JSON.stringify(derived))).toEqual(committed);
  }, 60_000);

  it('knows the fields the Pod Security checks rely on', () => {
    const deployment = KINDS['apps/v1/Deployment'];
    if (!deployment) throw new Error('Deployment is not a registered kind');
    const derived = deriveKnownFields(
      { 'apps/v1/Deployment': deployment },
      fileURLToPath(new URL('../src', import.meta.url)),
    );
    const securityContext = Object.entries(derived.definitions).find(([name]) =>
      name.endsWith('.ISecurityContext'),
    )?.[1];
    expect(Object.keys(securityContext?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'allowPrivilegeEscalation',
        'capabilities',
        'readOnlyRootFilesystem',
        'runAsNonRoot',
        'seccompProfile',
      ]),
    );
  }, 60_000);
});
