import { platformServiceContract } from '@platform/service-contracts';
import { DockerfileParser } from 'dockerfile-ast';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), 'utf8');
const dockerfile = DockerfileParser.parse(read('Dockerfile'));
const stages = dockerfile.getFROMs();
const finalStage = stages.at(-1);
const finalInstructions = dockerfile
  .getInstructions()
  .filter(
    (instruction) =>
      finalStage && instruction.getRange().start.line > finalStage.getRange().start.line,
  );
const arg = (name: string) =>
  dockerfile
    .getARGs()
    .find((a) => a.getProperty()?.getName() === name)
    ?.getProperty()
    ?.getValue();

describe('Dockerfile', () => {
  it('is multi-stage: a build stage and a runtime that takes only the built files', () => {
    expect(stages.map((s) => s.getBuildStage() ?? 'runtime')).toEqual(['build', 'runtime']);
    const copies = finalInstructions
      .filter((i) => i.getKeyword() === 'COPY')
      .map((i) => i.getTextContent());
    expect(copies).toEqual([
      'COPY --from=build /workspace/apps/demo-service/package.json ./package.json',
      'COPY --from=build /workspace/apps/demo-service/dist ./dist',
    ]);
  });

  it('runs on a supported distroless Node LTS image with no shell, pinned by tag', () => {
    expect(finalStage?.getImageName()).toBe('${RUNTIME_IMAGE}');
    expect(arg('RUNTIME_IMAGE')).toMatch(/^gcr\.io\/distroless\/nodejs(22|24)-debian13(:|@)/);
    expect(arg('RUNTIME_IMAGE')).not.toMatch(/:latest$/);
    expect(finalInstructions.some((i) => i.getKeyword() === 'RUN')).toBe(false);
  });

  it('installs from the lockfile and bundles this app with its production dependencies', () => {
    const runs = dockerfile
      .getInstructions()
      .filter((i) => i.getKeyword() === 'RUN')
      .map((i) => i.getTextContent());
    expect(runs.some((r) => r.includes('npm ci --ignore-scripts'))).toBe(true);
    expect(runs.some((r) => r.includes('build-service-main.ts apps/demo-service'))).toBe(true);
  });

  it('sizes the heap for the measured footprint', () => {
    const env = finalInstructions
      .filter((i) => i.getKeyword() === 'ENV')
      .map((i) => i.getTextContent())
      .join(' ');
    expect(env).toMatch(/NODE_OPTIONS="--max-semi-space-size=\d+ --max-old-space-size=\d+"/);
    expect(env).toContain('NODE_ENV=production');
  });

  it("runs as the contract's numeric non-root user", () => {
    const user = finalInstructions
      .filter((i) => i.getKeyword() === 'USER')
      .at(-1)
      ?.getArgumentsContent();
    expect(user).toBe(`${platformServiceContract.runAsUser}:${platformServiceContract.runAsUser}`);
  });

  it("exposes the contract's port and starts dist/main.js in exec form", () => {
    expect(finalInstructions.find((i) => i.getKeyword() === 'EXPOSE')?.getArgumentsContent()).toBe(
      String(platformServiceContract.port),
    );
    const cmd = finalInstructions.find((i) => i.getKeyword() === 'CMD')?.getArgumentsContent();
    expect(JSON.parse(cmd ?? 'null')).toEqual(['dist/main.js']);
  });

  it('has a .dockerignore that keeps local installs, builds and secrets out of the context', () => {
    const ignore = read('Dockerfile.dockerignore').split('\n');
    expect(ignore).toContain('*'); // an allow-list: everything not re-included is out
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '**/dist']));
    expect(ignore.some((l) => l.startsWith('!') && l.includes('.env'))).toBe(false);
  });
});
