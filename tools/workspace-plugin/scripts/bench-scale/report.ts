/** What one run of the scale benchmark measured; the JSON line is this object. */
export interface ScaleFigures {
  readonly services: number;
  /** Generating the services with the real generator, in process. */
  readonly generateSeconds: number;
  /** The first full render: every app in every environment, every file written. */
  readonly renderAllFirstSeconds: number;
  /** A full render of a workspace whose manifests are up to date (`npm start` again). */
  readonly renderAllSeconds: number;
  /** `synth --app <one>`: one app in every environment where it has an image. */
  readonly renderOneAppSeconds: number;
  /** `nx show projects --affected` after a one-file change to one service, on a cold graph. */
  readonly affectedSeconds: number;
  readonly affectedProjects: number;
  /** The same question again, with the project graph cached in `.nx/workspace-data`. */
  readonly affectedWarmSeconds: number;
  /** `nx show projects --affected` after a one-file change to one app's chart. */
  readonly affectedChartSeconds: number;
  readonly affectedChartProjects: number;
  /** `release bump --push`: write the image file, render, validate, commit, push. */
  readonly bumpSeconds: number;
}

/** The benchmark's table: one line per measurement, the figure and what it is. */
export function formatTable(figures: ScaleFigures): string {
  const rows: [string, string][] = [
    ['services', String(figures.services)],
    ['generate (in-process generator)', seconds(figures.generateSeconds)],
    ['render all, first (writes every file)', seconds(figures.renderAllFirstSeconds)],
    ['render all (up to date)', seconds(figures.renderAllSeconds)],
    ['render one app', seconds(figures.renderOneAppSeconds)],
    [
      'nx affected, one service file (cold graph)',
      `${seconds(figures.affectedSeconds)}  ${projects(figures.affectedProjects)}`,
    ],
    ['nx affected, same (warm graph)', seconds(figures.affectedWarmSeconds)],
    [
      'nx affected, one chart file',
      `${seconds(figures.affectedChartSeconds)}  ${projects(figures.affectedChartProjects)}`,
    ],
    ['release bump --push', seconds(figures.bumpSeconds)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `${'MEASUREMENT'.padEnd(width)}  VALUE`,
    ...rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`),
  ].join('\n');
}

/** The last line the benchmark prints: every figure, machine-readable. */
export function jsonLine(figures: ScaleFigures): string {
  return JSON.stringify(figures);
}

/**
 * The projects `nx show projects --json` printed: Nx may log lines before the JSON array, so the
 * array is the last line that parses as one.
 */
export function parseProjectList(stdout: string): string[] {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.trim().startsWith('[')) continue;
    const parsed: unknown = JSON.parse(line);
    if (Array.isArray(parsed) && parsed.every((entry) => typeof entry === 'string')) return parsed;
  }
  throw new Error(`nx show projects printed no JSON list of projects:\n${stdout}`);
}

/**
 * `count` service names that no app in `taken` has: `scale-001`…, zero-padded to the width of
 * `count` so they sort as they were made.
 */
export function serviceNames(count: number, taken: ReadonlySet<string> = new Set()): string[] {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--services must be a positive integer, not ${count}`);
  const width = Math.max(3, String(count).length);
  const names: string[] = [];
  for (let i = 1; names.length < count; i++) {
    const name = `scale-${String(i).padStart(width, '0')}`;
    if (!taken.has(name)) names.push(name);
  }
  return names;
}

/** Seconds with two decimals: what a human compares between runs. */
function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

function projects(count: number): string {
  return `(${count} project${count === 1 ? '' : 's'})`;
}
