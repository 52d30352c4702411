import { describe, expect, it } from 'vitest';
import {
  applyCustomManager,
  CustomManagerError,
  filePatternRegex,
  re2Incompatibilities,
  regexCustomManagers,
  selectFiles,
  type RegexCustomManager,
} from './custom-managers.js';

const charts = {
  path: 'lib/charts.ts',
  text: [
    "export const A = { chart: 'argo-cd', repo: 'https://example.test/helm', version: '1.2.3' };",
    "export const B = { chart: 'gateway', repo: 'registry.test/team', version: 'v0.4.0', oci: true };",
  ].join('\n'),
};

const helm: RegexCustomManager = {
  customType: 'regex',
  description: 'helm charts',
  managerFilePatterns: ['/^lib/charts\\.ts$/'],
  matchStrings: [
    "chart: '(?<depName>[^']+)', repo: '(?<registryUrl>https://[^']+)', version: '(?<currentValue>[^']+)'",
  ],
  datasourceTemplate: 'helm',
};

describe('applyCustomManager', () => {
  it('finds every match of a matchString, with its capture groups and templates', () => {
    expect(applyCustomManager(helm, [charts, { path: 'other.ts', text: charts.text }])).toEqual([
      {
        manager: 'helm charts',
        file: 'lib/charts.ts',
        depName: 'argo-cd',
        packageName: 'argo-cd',
        currentValue: '1.2.3',
        datasource: 'helm',
        registryUrl: 'https://example.test/helm',
      },
    ]);
  });

  it('builds the package name from named groups of the match', () => {
    const oci: RegexCustomManager = {
      customType: 'regex',
      managerFilePatterns: ['/charts\\.ts$/'],
      matchStrings: [
        "chart: '(?<depName>[^']+)', repo: '(?<repository>[^']+)', version: '(?<currentValue>[^']+)', oci: true",
      ],
      datasourceTemplate: 'docker',
      packageNameTemplate: '{{{repository}}}/{{{depName}}}',
      versioningTemplate: 'semver',
    };
    expect(applyCustomManager(oci, [charts])).toMatchObject([
      { depName: 'gateway', packageName: 'registry.test/team/gateway', currentValue: 'v0.4.0' },
    ]);
  });

  it('lets a template win over the capture group of the same field', () => {
    const named = { ...helm, depNameTemplate: 'fixed' };
    expect(applyCustomManager(named, [charts]).map((dep) => dep.depName)).toEqual(['fixed']);
  });

  it('refuses a match without a datasource, naming the manager and the file', () => {
    const withoutDatasource: RegexCustomManager = {
      customType: 'regex',
      description: 'helm charts',
      managerFilePatterns: helm.managerFilePatterns,
      matchStrings: helm.matchStrings,
    };
    expect(() => applyCustomManager(withoutDatasource, [charts])).toThrow(
      "'helm charts' matched in lib/charts.ts without a depName, currentValue and datasource",
    );
  });

  it('refuses a template naming a group nothing captured', () => {
    const bad = { ...helm, packageNameTemplate: '{{{registry}}}/{{{depName}}}' };
    expect(() => applyCustomManager(bad, [charts])).toThrow("names 'registry'");
  });

  it('refuses a template with Handlebars helpers, which it would not evaluate', () => {
    const bad = { ...helm, depNameTemplate: '{{#if depName}}x{{/if}}' };
    expect(() => applyCustomManager(bad, [charts])).toThrow(CustomManagerError);
  });

  it('refuses a matchString that RE2 cannot run', () => {
    const bad = { ...helm, matchStrings: ["chart: '(?<depName>(?!x)[^']+)'"] };
    expect(() => applyCustomManager(bad, [charts])).toThrow('lookahead, not in RE2');
  });
});

describe('re2Incompatibilities', () => {
  it.each([
    ['a(?=b)', ['lookahead']],
    ['a(?!b)', ['lookahead']],
    ['(?<=a)b', ['lookbehind']],
    ['(?<!a)b', ['lookbehind']],
    ['(a)\\1', ['backreference']],
    ['(?<x>a)\\k<x>', ['backreference']],
    ["(?<depName>[^']+)\\s+\\d", []],
  ])('%s uses %j', (pattern, features) => {
    expect(re2Incompatibilities(pattern)).toEqual(features);
  });
});

describe('file patterns', () => {
  it('reads /regex/ patterns, with their flags', () => {
    expect(filePatternRegex('/^infra/[^/]+/Pulumi\\.yaml$/i').test('infra/X/pulumi.YAML')).toBe(
      true,
    );
  });

  it('refuses a glob, which Renovate reads differently', () => {
    expect(() => filePatternRegex('**/Dockerfile')).toThrow(
      "managerFilePatterns '**/Dockerfile' is a glob",
    );
  });

  it('selects the files any pattern matches', () => {
    const files = ['a/Dockerfile', 'b/Dockerfile.dockerignore', 'c/x.ts'].map((path) => ({
      path,
      text: '',
    }));
    expect(
      selectFiles({ managerFilePatterns: ['/(^|/)Dockerfile$/', '/\\.ts$/'] }, files).map(
        (file) => file.path,
      ),
    ).toEqual(['a/Dockerfile', 'c/x.ts']);
  });
});

describe('regexCustomManagers', () => {
  it('keeps the regex managers of a config', () => {
    const config = { customManagers: [helm, { customType: 'jsonata', fileFormat: 'json' }] };
    expect(regexCustomManagers(config)).toEqual([helm]);
    expect(regexCustomManagers({})).toEqual([]);
  });
});
