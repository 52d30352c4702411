import * as pulumi from '@pulumi/pulumi';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStackConfig, cliConfig, rawStackConfig, readPulumiProject } from './stack-config.js';

function projectWith(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stack-kit-'));
  writeFileSync(join(dir, 'Pulumi.yaml'), yaml);
  return dir;
}

const project = readPulumiProject(
  projectWith(`name: infra-x
runtime: nodejs
config:
  pulumi:disable-default-providers: [kubernetes]
  region:
    type: string
  size:
    type: integer
    default: 2
  zones:
    type: array
    default: [a, b]
  bucket:
    type: string
    default: ''
`),
);

describe('readPulumiProject', () => {
  it("reads the name and the defaults of the project's own keys only", () => {
    expect(project).toEqual({
      name: 'infra-x',
      defaults: { size: 2, zones: ['a', 'b'], bucket: '' },
    });
  });
});

describe('rawStackConfig / cliConfig: what the CLI hands the program', () => {
  it('applies the defaults under the stack values, every value a string, lists as JSON', () => {
    expect(rawStackConfig(project, { region: 'eu-west-1', size: 3 })).toEqual({
      region: 'eu-west-1',
      size: '3',
      zones: '["a","b"]',
      bucket: '',
    });
  });

  it('leaves a key set to undefined unset, so its default applies', () => {
    expect(rawStackConfig(project, { size: undefined, region: undefined })).toEqual({
      size: '2',
      zones: '["a","b"]',
      bucket: '',
    });
  });

  it('namespaces every key with the project name', () => {
    expect(Object.keys(cliConfig(project, { region: 'r' })).sort()).toEqual([
      'infra-x:bucket',
      'infra-x:region',
      'infra-x:size',
      'infra-x:zones',
    ]);
  });
});

describe('applyStackConfig', () => {
  afterEach(() => pulumi.runtime.setAllConfig({}, []));

  it('sets the runtime config, the secret keys as secrets, replacing an earlier run', async () => {
    applyStackConfig(project, { region: 'first', extra: 'x' });
    applyStackConfig(project, { region: 'eu-west-1', bucket: 'b' }, ['bucket']);
    const config = new pulumi.Config('infra-x');
    expect(config.get('region')).toBe('eu-west-1');
    expect(config.get('extra')).toBeUndefined();
    expect(await pulumi.isSecret(config.requireSecret('bucket'))).toBe(true);
  });
});
