import { workspaceCatalog } from '@platform/environments';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  snapshotTree,
} from './testing/temp-workspace.js';

let root: string;
const run = async (...args: string[]) => {
  const { io, out, err } = captureIo();
  const code = await runCli(['--root', root, ...args], io, workspaceCatalog);
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const deploymentFile = 'manifests/staging/demo-service/deployment-demo-service.yaml';

beforeEach(async () => {
  root = await createTempWorkspace();
});
afterEach(async () => {
  await removeTempWorkspace(root);
});

describe('manifests CLI', () => {
  it('render writes every environment, prints the table and leaves nothing to re-render', async () => {
    const result = await run('render');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^ENVIRONMENT\s+APP\s+IMAGE\s+REPLICAS$/m);
    expect(result.out).toMatch(/^staging\s+demo-service\s+\S+demo-service:0\.1\.0\s+2-4$/m);
    expect(result.out).toMatch(/^production\s+demo-service\s+\S+demo-service:0\.1\.0\s+3-12$/m);
    expect(result.out).toContain('0 validation problems');
    expect(Object.keys(await snapshotTree(join(root, 'manifests')))).toHaveLength(18);
    expect((await run('check-fresh')).code).toBe(0);
    expect((await run('validate')).out).toBe('validate: 18 objects in 18 files, 0 problems');
  });

  it('synth a second time changes nothing on disk', async () => {
    await run('synth');
    const before = await snapshotTree(join(root, 'manifests'));
    expect((await run('synth')).out).toContain('no changes');
    expect(await snapshotTree(join(root, 'manifests'))).toEqual(before);
  });

  it('synth removes stale files and directories of environments that no longer exist', async () => {
    await run('synth');
    await writeFile(join(root, 'manifests/staging/demo-service/configmap-old.yaml'), 'x');
    await mkdir(join(root, 'manifests/qa/demo-service'), { recursive: true });
    const result = await run('synth');
    expect(result.out).toContain('removed qa');
    const files = Object.keys(await snapshotTree(join(root, 'manifests')));
    expect(files.some((f) => f.includes('configmap-old') || f.startsWith('qa/'))).toBe(false);
  });

  it('synth --env renders one environment only', async () => {
    const result = await run('synth', '--env', 'staging');
    expect(result.code).toBe(0);
    expect(
      Object.keys(await snapshotTree(join(root, 'manifests'))).every((f) =>
        f.startsWith('staging/'),
      ),
    ).toBe(true);
  });

  it('check-fresh lists hand edits, missing and stale files, and fails', async () => {
    await run('synth');
    await writeFile(
      join(root, deploymentFile),
      (await readFile(join(root, deploymentFile), 'utf8')).replace('2-4', '') + '# edited\n',
    );
    await rm(join(root, 'manifests/production/demo-service/service-demo-service.yaml'));
    await writeFile(join(root, 'manifests/staging/demo-service/extra.yaml'), 'x');
    const result = await run('check-fresh');
    expect(result.code).toBe(1);
    expect(result.err).toContain('manifests/ is out of date');
    expect(result.err).toContain(`differs   ${deploymentFile}`);
    expect(result.err).toContain(
      'missing   manifests/production/demo-service/service-demo-service.yaml',
    );
    expect(result.err).toContain('stale     manifests/staging/demo-service/extra.yaml');
  });

  it('validate reports a hand-edited file and exits non-zero', async () => {
    await run('synth');
    const text = await readFile(join(root, deploymentFile), 'utf8');
    await writeFile(
      join(root, deploymentFile),
      text.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false'),
    );
    const result = await run('validate');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `${deploymentFile}: Deployment/demo-service: container 'demo-service' has a writable root filesystem`,
    );
  });

  it('validate fails when nothing has been rendered', async () => {
    const result = await run('validate');
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: manifests/ holds no rendered files; run `npm run synth`');
  });

  describe('bad input: one clear error, non-zero exit, manifests/ untouched', () => {
    const cases: [string, () => Promise<void>, string[], string][] = [
      [
        'an unknown environment',
        async () => undefined,
        ['synth', '--env', 'qa'],
        "error: unknown environment 'qa' (known: staging, production)",
      ],
      [
        'latest as a tag',
        () =>
          writeFile(
            join(root, 'libs/image-catalog/images/staging/demo-service.yaml'),
            'image: ghcr.io/acme/demo-service:latest\n',
          ),
        ['synth'],
        "error: libs/image-catalog/images/staging/demo-service.yaml: invalid image reference 'ghcr.io/acme/demo-service:latest': tag 'latest' is mutable",
      ],
      [
        'a malformed image file',
        () =>
          writeFile(
            join(root, 'libs/image-catalog/images/production/demo-service.yaml'),
            'image: [\n',
          ),
        ['render'],
        'error: libs/image-catalog/images/production/demo-service.yaml: is not valid YAML',
      ],
      [
        'a missing image file',
        () => rm(join(root, 'libs/image-catalog/images/production/demo-service.yaml')),
        ['synth'],
        'error: libs/image-catalog/images/production/demo-service.yaml: does not exist',
      ],
    ];
    it.each(cases)('%s', async (_case, breakInput, args, message) => {
      await run('synth');
      const before = await snapshotTree(join(root, 'manifests'));
      await breakInput();
      const result = await run(...args);
      expect(result.code).toBe(1);
      expect(result.err.split('\n')[0]).toContain(message);
      expect(result.err).not.toContain('    at ');
      expect(await snapshotTree(join(root, 'manifests'))).toEqual(before);
    });
  });

  it('rejects an unknown command with a usage error', async () => {
    const result = await run('deploy');
    expect(result.code).toBe(1);
    expect(result.err).toContain("unknown command 'deploy'");
  });
});
