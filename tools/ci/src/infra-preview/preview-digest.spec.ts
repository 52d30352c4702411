import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changeCounts,
  describeUrn,
  parsePreviewDigest,
  resourceChanges,
} from './preview-digest.js';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}.stdout`, import.meta.url), 'utf8');

describe('parsePreviewDigest (pulumi preview --json)', () => {
  it('reads the counts and steps, past the lines the CLI prints before the document', () => {
    const digest = parsePreviewDigest(fixture('preview-replace-delete'));
    expect(changeCounts(digest)).toEqual({ create: 1, delete: 1, replace: 1 });
    expect(resourceChanges(digest).map((c) => c.op)).toEqual(['replace', 'delete', 'create']);
  });

  it('leaves out what changes nothing', () => {
    const digest = parsePreviewDigest(fixture('refresh-drift'));
    expect(changeCounts(digest)).toEqual({ create: 1, update: 1 });
    expect(resourceChanges(digest)).toHaveLength(2);
    expect(changeCounts(parsePreviewDigest(fixture('preview-no-changes')))).toEqual({});
  });

  it('refuses what is not a digest, naming what is wrong', () => {
    expect(() => parsePreviewDigest('', 'preview.json')).toThrow(
      'preview.json holds no JSON document',
    );
    expect(() => parsePreviewDigest('{"changeSummary": {"create": "1"}}', 'preview.json')).toThrow(
      'preview.json: changeSummary {"create":"1"} is not a map of counts',
    );
    expect(() => parsePreviewDigest('{"steps": [{"op": "create"}]}', 'preview.json')).toThrow(
      'preview.json: steps[0] has no op and urn',
    );
    expect(() => parsePreviewDigest('{"steps": [', 'preview.json')).toThrow(
      'preview.json is not valid JSON',
    );
  });

  it('names a resource by its own type and name, not its parents', () => {
    expect(
      describeUrn(
        'urn:pulumi:staging::infra-cluster::platform:cluster:EksCluster$aws:eks/cluster:Cluster::platform-staging',
      ),
    ).toBe('aws:eks/cluster:Cluster platform-staging');
  });
});
