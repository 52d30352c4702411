import { describe, expect, it } from 'vitest';
import { generatedHeader } from '../render/serialize.js';
import { loadManifests } from './load-manifests.js';

const header = `${generatedHeader('a')}\n`;

describe('loadManifests', () => {
  it('parses every document of every generated file', () => {
    const { manifests, problems } = loadManifests(
      new Map([
        [
          'manifests/s/a/x.yaml',
          `${header}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ServiceAccount\n`,
        ],
      ]),
    );
    expect(problems).toEqual([]);
    expect(manifests.map((m) => m.object.kind)).toEqual(['Namespace', 'ServiceAccount']);
  });

  it.each([
    [
      'a hand-written file without the header',
      'manifests/s/a/x.yaml',
      'apiVersion: v1\nkind: Namespace\n',
      'does not start with the generated-file header',
    ],
    ['a file that is not YAML', 'manifests/s/a/notes.txt', 'hello', 'is not a .yaml file'],
    ['broken YAML', 'manifests/s/a/x.yaml', `${header}kind: [`, 'is not valid YAML'],
    [
      'a document that is a list',
      'manifests/s/a/x.yaml',
      `${header}- a\n- b\n`,
      'holds a document that is not a Kubernetes object',
    ],
  ])('reports %s as a file problem', (_case, file, content, message) => {
    const { problems } = loadManifests(new Map([[file, content]]));
    expect(problems[0]).toMatchObject({ file, object: '(file)', check: 'file' });
    expect(problems[0]?.message).toContain(message);
  });
});
