import path from 'node:path';
import { globMatches } from './glob.js';

/**
 * A test-only model of the ApplicationSet controller, for the generators this library renders:
 * the cluster generator (label selectors over cluster Secrets), the git directory generator
 * (Go's `path.Match`: `*` never spans `/`; an exclude wins), the matrix of the two, and the Go
 * templates the templates use (`{{.name}}`, `{{.server}}`, `{{.path.path}}`,
 * `{{.path.basename}}`, `{{index .metadata.labels "<key>"}}`), `missingkey=error` included.
 * It lets a spec assert which Applications a set of cluster Secrets and directories yields.
 */

/** A cluster Secret as the cluster generator reads it. */
export interface ClusterSecretFixture {
  readonly name: string;
  readonly server: string;
  readonly labels: Readonly<Record<string, string>>;
}

type Parameters = Record<string, unknown>;
type Generator = Record<string, unknown>;

interface Selector {
  readonly matchLabels?: Record<string, string>;
  readonly matchExpressions?: readonly { key: string; operator: string; values?: string[] }[];
}

function selects(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return values.includes(labels[key] ?? '\u0000');
    if (operator === 'NotIn') return !values.includes(labels[key] ?? '\u0000');
    if (operator === 'Exists') return key in labels;
    if (operator === 'DoesNotExist') return !(key in labels);
    throw new Error(`unknown selector operator '${operator}'`);
  });
  return byLabel && byExpression;
}

function generate(
  generator: Generator,
  clusters: readonly ClusterSecretFixture[],
  directories: readonly string[],
): Parameters[] {
  if ('clusters' in generator) {
    const { selector = {} } = generator.clusters as { selector?: Selector };
    return clusters
      .filter((cluster) => selects(selector, cluster.labels))
      .map((cluster) => ({
        name: cluster.name,
        server: cluster.server,
        metadata: { labels: cluster.labels },
      }));
  }
  if ('git' in generator) {
    const { directories: patterns } = generator.git as {
      directories: { path: string; exclude?: boolean }[];
    };
    return directories
      .filter((directory) =>
        patterns.some((p) => !p.exclude && globMatches(p.path, directory, 'within-segment')),
      )
      .filter(
        (directory) =>
          !patterns.some((p) => p.exclude && globMatches(p.path, directory, 'within-segment')),
      )
      .map((directory) => ({
        path: { path: directory, basename: path.posix.basename(directory) },
      }));
  }
  if ('matrix' in generator) {
    const [first, second, ...rest] = (generator.matrix as { generators: Generator[] }).generators;
    if (!first || !second || rest.length > 0)
      throw new Error('a matrix takes exactly two generators');
    return generate(first, clusters, directories).flatMap((a) =>
      generate(second, clusters, directories).map((b) => ({ ...a, ...b })),
    );
  }
  throw new Error(`unmodelled generator: ${Object.keys(generator).join(', ')}`);
}

function lookup(parameters: Parameters, expression: string): string {
  const index = /^index \.metadata\.labels "([^"]+)"$/.exec(expression);
  const keys = index?.[1]
    ? ['metadata', 'labels', index[1]]
    : expression.replace(/^\./, '').split('.');
  let value: unknown = parameters;
  for (const key of keys) {
    if (typeof value !== 'object' || value === null || !(key in value)) {
      throw new Error(`missingkey: '${expression}' is not a parameter`);
    }
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value !== 'string') throw new Error(`'${expression}' is not a string`);
  return value;
}

function render<T>(template: T, parameters: Parameters): T {
  if (typeof template === 'string') {
    return template.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) =>
      lookup(parameters, expression),
    ) as T;
  }
  if (Array.isArray(template))
    return template.map((item: unknown) => render(item, parameters)) as T;
  if (typeof template === 'object' && template !== null) {
    return Object.fromEntries(
      Object.entries(template).map(([k, v]) => [k, render(v, parameters)]),
    ) as T;
  }
  return template;
}

/** The Applications an ApplicationSet yields for these cluster Secrets and repository directories. */
export function generateApplications(
  applicationSet: { spec?: { generators?: unknown[]; template?: unknown } },
  clusters: readonly ClusterSecretFixture[],
  directories: readonly string[] = [],
): Record<string, unknown>[] {
  const spec = applicationSet.spec ?? {};
  const applications = (spec.generators ?? []).flatMap((generator) =>
    generate(generator as Generator, clusters, directories).map(
      (parameters) => render(spec.template, parameters) as Record<string, unknown>,
    ),
  );
  const names = applications.map((a) => (a['metadata'] as { name: string }).name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`two generators yield Application '${duplicate}'`);
  return applications;
}
