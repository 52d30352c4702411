import { loadKnownFields, type FieldNode } from './known-fields.js';
import { kindKey } from './kinds.js';
import { problemFor, type ManifestObject, type Problem } from './problem.js';

const knownFields = loadKnownFields();

/**
 * Rejects fields the Kubernetes API does not define. The API server drops
 * unknown fields silently (or warns), so a typo such as
 * `readOnlyRootFilesytem` would leave the real setting off.
 */
export function checkStrictFields(manifest: ManifestObject): Problem[] {
  const root = knownFields.kinds[kindKey(manifest.object.apiVersion, manifest.object.kind)];
  if (!root) return []; // the schema check already reports unknown kinds
  const problem = problemFor(manifest, 'strict-fields');
  const problems: Problem[] = [];
  walk(manifest.object, { ref: root }, '', (path, field, known) => {
    const suggestion = closest(field, known);
    problems.push(
      problem(
        `unknown field '${path}/${field}'`,
        suggestion
          ? `did you mean '${suggestion}'? Fix the name in the workload definition`
          : `remove '${field}'`,
      ),
    );
  });
  return problems;
}

type Report = (path: string, field: string, known: readonly string[]) => void;

function walk(value: unknown, node: FieldNode, path: string, report: Report): void {
  if (value === null || value === undefined) return;
  if ('ref' in node) {
    const definition = knownFields.definitions[node.ref];
    if (!definition || typeof value !== 'object' || Array.isArray(value)) return;
    const known = Object.keys(definition.properties);
    for (const [field, child] of Object.entries(value)) {
      const childNode = definition.properties[field];
      if (!childNode) report(path, field, known);
      else walk(child, childNode, `${path}/${field}`, report);
    }
    return;
  }
  if (node.type === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => walk(item, node.items, `${path}/${index}`, report));
  } else if (node.type === 'map' && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      walk(item, node.values, `${path}/${key}`, report);
  }
}

/** The known field nearest to a misspelt one (edit distance ≤ 3), to suggest in the fix. */
function closest(field: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(field.toLowerCase(), name.toLowerCase());
    if (distance <= 3 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
