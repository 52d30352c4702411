import { describe, expect, it } from 'vitest';
import { asUrl, parseRepoUrl } from './repo-url.js';

describe('parseRepoUrl', () => {
  it.each([
    ['https://github.com/acme/platform.git', 'https', 'github.com'],
    ['https://github.com/acme/platform', 'https', 'github.com'],
    ['https://gitlab.example.com/group/sub/platform.git', 'https', 'gitlab.example.com'],
    ['git@github.com:acme/platform.git', 'ssh', 'github.com'],
    ['ssh://git@github.com/acme/platform.git', 'ssh', 'github.com'],
    ['ssh://git@git.example.com:2222/acme/platform.git', 'ssh', 'git.example.com'],
  ])('accepts %s as %s on %s, keeping the URL as written', (url, transport, host) => {
    expect(parseRepoUrl(url)).toEqual({ url, transport, host });
  });

  it.each([
    ['http://github.com/acme/platform.git', 'is neither https'],
    ['ftp://github.com/acme/platform.git', 'is neither https'],
    ['github.com/acme/platform', 'is neither https'],
    ['git@github.com/acme/platform.git', 'is neither https'],
    ['file:///srv/git/platform.git', 'is neither https'],
    ['', 'is neither https'],
    ['https://github.com/platform', 'has no <org>/<repo> path'],
    ['https://github.com/acme/platform.git?ref=main', 'has no <org>/<repo> path'],
    ['https://x-access-token:ghp_abc@github.com/acme/platform.git', 'carries credentials'],
    ['https://ghp_abc@github.com/acme/platform.git', 'carries credentials'],
    ['ssh://git:secret@github.com/acme/platform.git', 'carries credentials'],
  ])('refuses %s: %s', (url, problem) => {
    const parsed = parseRepoUrl(url);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: string }).problem).toContain(problem);
  });
});

describe('asUrl', () => {
  it.each([
    ['git@github.com:acme/platform.git', 'ssh://git@github.com/acme/platform.git'],
    ['ssh://git@github.com:2222/acme/platform.git', 'ssh://git@github.com:2222/acme/platform.git'],
    ['https://github.com/acme/platform.git', 'https://github.com/acme/platform.git'],
  ])('writes %s as %s', (url, expected) => {
    expect(asUrl(url)).toBe(expected);
  });
});
