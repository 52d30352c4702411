import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { affectedPrograms, pulumiPrograms } from './affected-stacks.js';

let root: string;
const program = async (dir: string, project: string, name?: string) => {
  await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, dir, 'package.json'), JSON.stringify({ name: project }));
  if (name) await writeFile(join(root, dir, 'Pulumi.yaml'), `name: ${name}\nruntime: nodejs\n`);
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'stacks-'));
  await program('infra/bootstrap', '@platform/infra-bootstrap', 'infra-bootstrap');
  await program('infra/cluster', '@platform/infra-cluster', 'infra-cluster');
  await program('infra/policies', '@platform/infra-policies'); // no Pulumi.yaml: not a program
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('pulumiPrograms', () => {
  it('lists the programs in apply order: the cluster before what reads its outputs', () => {
    expect(pulumiPrograms(root).map((p) => [p.dir, p.project, p.name])).toEqual([
      ['infra/cluster', '@platform/infra-cluster', 'infra-cluster'],
      ['infra/bootstrap', '@platform/infra-bootstrap', 'infra-bootstrap'],
    ]);
  });

  it('keeps only the affected ones', () => {
    expect(
      affectedPrograms(root, ['@platform/infra-bootstrap', '@platform/workloads']).map(
        (p) => p.dir,
      ),
    ).toEqual(['infra/bootstrap']);
    expect(affectedPrograms(root, 'all')).toHaveLength(2);
  });
});
