/**
 * Renovate's regex custom managers, applied the way Renovate applies them, so a spec can prove
 * that each one finds the pins it is meant to (a dry run of the regexes over the workspace).
 * Covers what renovate.json uses: `/regex/` file patterns, the default `any` match strategy
 * (every match of every matchString is a dependency) and `{{{group}}}` templates.
 */

/** One `customManagers` entry of renovate.json (customType regex). */
export interface RegexCustomManager {
  readonly customType: 'regex';
  readonly description?: string;
  readonly managerFilePatterns: readonly string[];
  readonly matchStrings: readonly string[];
  readonly matchStringsStrategy?: string;
  readonly depNameTemplate?: string;
  readonly packageNameTemplate?: string;
  readonly datasourceTemplate?: string;
  readonly versioningTemplate?: string;
  readonly registryUrlTemplate?: string;
}

/** A dependency a custom manager found: what Renovate would look up and update. */
export interface FoundDependency {
  readonly manager: string;
  readonly file: string;
  readonly depName: string;
  readonly packageName: string;
  readonly currentValue: string;
  readonly datasource: string;
  readonly versioning?: string;
  readonly registryUrl?: string;
}

/** A workspace file, by its path relative to the root (forward slashes). */
export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

/** renovate.json asks for something this dry run (and so the spec) would get wrong. */
export class CustomManagerError extends Error {
  override name = 'CustomManagerError';
}

/**
 * RE2, the engine Renovate runs matchStrings with, has no lookaround and no backreferences:
 * a pattern using them fails there even though JavaScript accepts it.
 */
const NOT_IN_RE2 = [
  ['lookahead', /\(\?[=!]/],
  ['lookbehind', /\(\?<[=!]/],
  ['backreference', /\\[1-9]|\\k</],
] as const;

/** The RE2 features `pattern` uses that RE2 lacks, by name; empty when RE2 accepts it. */
export function re2Incompatibilities(pattern: string): string[] {
  return NOT_IN_RE2.filter(([, feature]) => feature.test(pattern)).map(([name]) => name);
}

/** The regular expression of a `/regex/` file pattern; Renovate reads any other text as a glob. */
export function filePatternRegex(pattern: string): RegExp {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (!regex?.[1])
    throw new CustomManagerError(
      `managerFilePatterns '${pattern}' is a glob: write it as /regex/, which this dry run reads`,
    );
  return new RegExp(regex[1], regex[2]);
}

/** The files a manager reads: those whose path matches any of its file patterns. */
export function selectFiles(
  manager: Pick<RegexCustomManager, 'managerFilePatterns'>,
  files: readonly WorkspaceFile[],
): WorkspaceFile[] {
  const patterns = manager.managerFilePatterns.map(filePatternRegex);
  return files.filter((file) => patterns.some((pattern) => pattern.test(file.path)));
}

/** A Renovate template with triple-stash fields only: `{{{name}}}` is the capture group `name`. */
function compileTemplate(template: string, groups: Readonly<Record<string, string>>): string {
  if (template.replace(/\{\{\{\w+\}\}\}/g, '').includes('{{'))
    throw new CustomManagerError(
      `template '${template}' uses more than {{{group}}}, which this dry run does not evaluate`,
    );
  return template.replace(/\{\{\{(\w+)\}\}\}/g, (_whole, name: string) => {
    const value = groups[name];
    if (value === undefined)
      throw new CustomManagerError(
        `template '${template}' names '${name}', which nothing captured`,
      );
    return value;
  });
}

/** How a manager is named in messages and reports: its description, else its matchStrings. */
export function managerName(manager: RegexCustomManager): string {
  return manager.description ?? manager.matchStrings.join(' | ');
}

/** Every dependency one manager finds in the files it selects. */
export function applyCustomManager(
  manager: RegexCustomManager,
  files: readonly WorkspaceFile[],
): FoundDependency[] {
  const name = managerName(manager);
  if ((manager.matchStringsStrategy ?? 'any') !== 'any')
    throw new CustomManagerError(
      `'${name}': matchStringsStrategy ${manager.matchStringsStrategy} is not the dry run's 'any'`,
    );
  for (const pattern of manager.matchStrings) {
    const missing = re2Incompatibilities(pattern);
    if (missing.length > 0)
      throw new CustomManagerError(`'${name}': matchString uses ${missing.join(', ')}, not in RE2`);
  }
  const found: FoundDependency[] = [];
  for (const file of selectFiles(manager, files)) {
    for (const pattern of manager.matchStrings) {
      for (const match of file.text.matchAll(new RegExp(pattern, 'g'))) {
        found.push(dependencyOf(manager, name, file.path, match.groups ?? {}));
      }
    }
  }
  return found;
}

function dependencyOf(
  manager: RegexCustomManager,
  name: string,
  file: string,
  captured: Readonly<Record<string, string | undefined>>,
): FoundDependency {
  const groups = Object.fromEntries(
    Object.entries(captured).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  // As in Renovate: a template wins over the capture group of the same field.
  const field = (key: string, template: string | undefined) =>
    template === undefined ? groups[key] : compileTemplate(template, groups);
  const depName = field('depName', manager.depNameTemplate);
  const currentValue = groups['currentValue'];
  const datasource = field('datasource', manager.datasourceTemplate);
  if (!depName || !currentValue || !datasource)
    throw new CustomManagerError(
      `'${name}' matched in ${file} without a depName, currentValue and datasource`,
    );
  const versioning = field('versioning', manager.versioningTemplate);
  const registryUrl = field('registryUrl', manager.registryUrlTemplate);
  return {
    manager: name,
    file,
    depName,
    packageName: field('packageName', manager.packageNameTemplate) ?? depName,
    currentValue,
    datasource,
    ...(versioning === undefined ? {} : { versioning }),
    ...(registryUrl === undefined ? {} : { registryUrl }),
  };
}

/** The regex custom managers of a parsed renovate.json. */
export function regexCustomManagers(config: unknown): RegexCustomManager[] {
  const managers = (config as { customManagers?: unknown }).customManagers;
  if (!Array.isArray(managers)) return [];
  return managers.filter(
    (manager): manager is RegexCustomManager =>
      (manager as { customType?: unknown }).customType === 'regex',
  );
}
