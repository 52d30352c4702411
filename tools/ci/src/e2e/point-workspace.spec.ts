import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pointWorkspace, REPOSITORY_FILE } from './point-workspace.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const template = readFileSync(join(ROOT, REPOSITORY_FILE), 'utf8');
const E2E = {
  url: 'https://github.com/acme/platform.git',
  revision: 'e2e/run-123456',
};

describe('pointWorkspace', () => {
  it("rewrites the template's url and revision, and no other line", () => {
    const next = pointWorkspace(template, E2E);
    expect(next).toContain("  url: 'https://github.com/acme/platform.git',\n");
    expect(next).toContain("  revision: 'e2e/run-123456',\n");
    const changed = next.split('\n').filter((line, index) => line !== template.split('\n')[index]);
    expect(changed).toEqual([
      "  url: 'https://github.com/acme/platform.git',",
      "  revision: 'e2e/run-123456',",
    ]);
  });

  it('takes the ssh form as given (the deploy-key run)', () => {
    const url = 'git@github.com:acme/platform.git';
    expect(pointWorkspace(template, { ...E2E, url })).toContain(`  url: '${url}',\n`);
  });

  it('changes nothing when pointed where it already is', () => {
    const once = pointWorkspace(template, E2E);
    expect(pointWorkspace(once, E2E)).toBe(once);
  });

  it.each([
    [{ ...E2E, url: "https://x/y.git', evil: '" }, "--url 'https://x/y.git', evil: '' is not"],
    [{ ...E2E, revision: 'a b' }, "--revision 'a b' is not a plain URL or git ref"],
    [{ ...E2E, revision: '${x}' }, "--revision '${x}' is not"],
  ])('refuses a value that would not stay a plain literal: %j', (repository, message) => {
    expect(() => pointWorkspace(template, repository)).toThrow(message);
  });

  it('refuses a file without exactly one url and one revision field', () => {
    expect(() => pointWorkspace("export const x = { revision: 'main' };\n", E2E)).toThrow(
      `${REPOSITORY_FILE} declares 0 \`url: '…',\` lines, not exactly one`,
    );
    const twice = `${template}\n  url: 'https://other/x.git',\n`;
    expect(() => pointWorkspace(twice, E2E)).toThrow('declares 2 `url:');
  });
});
