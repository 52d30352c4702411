import { describe, expect, it } from 'vitest';
import { manifestLocation } from '../manifest-file.js';
import { generatedHeader } from '../render/serialize.js';
import { loadManifests } from './load-manifests.js';

const header = `${generatedHeader('a')}\n`;
/** A file of app `a` in environment `s`, as reading `manifests/` records it. */
const fileOfA = (name: string, content: string) => ({
  ...manifestLocation('s', 'a', name),
  content,
});

describe('loadManifests', () => {
  it('parses every document of every generated file', () => {
    const { manifests, problems } = loadManifests([
      fileOfA(
        'x.yaml',
        `${header}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ServiceAccount\n`,
      ),
    ]);
    expect(problems).toEqual([]);
    expect(manifests.map((m) => m.object.kind)).toEqual(['Namespace', 'ServiceAccount']);
    expect(manifests.map((m) => [m.environment, m.app])).toEqual([
      ['s', 'a'],
      ['s', 'a'],
    ]);
  });

  it.each([
    [
      'a hand-written file without the header',
      'x.yaml',
      'apiVersion: v1\nkind: Namespace\n',
      'does not start with the generated-file header',
    ],
    ['a file that is not YAML', 'notes.txt', 'hello', 'is not a .yaml file'],
    ['broken YAML', 'x.yaml', `${header}kind: [`, 'is not valid YAML'],
    [
      'a document that is a list',
      'x.yaml',
      `${header}- a\n- b\n`,
      'holds a document that is not a Kubernetes object',
    ],
  ])('reports %s as a file problem', (_case, name, content, message) => {
    const { problems } = loadManifests([fileOfA(name, content)]);
    expect(problems[0]).toMatchObject({
      file: `manifests/s/a/${name}`,
      object: '(file)',
      check: 'file',
    });
    expect(problems[0]?.message).toContain(message);
  });

  it('reports a file outside an app directory, which no render produces', () => {
    const { problems } = loadManifests([
      { ...manifestLocation('s', undefined, 'x.yaml'), content: `${header}kind: Namespace\n` },
    ]);
    expect(problems[0]).toMatchObject({ file: 'manifests/s/x.yaml', check: 'file' });
    expect(problems[0]?.message).toBe('does not start with the generated-file header');
  });
});
