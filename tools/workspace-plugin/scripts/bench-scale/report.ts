/** The timed steps, in the order the benchmark runs them. */
export const STEPS = [
  'renderAllFirst',
  'renderAll',
  'renderOneApp',
  'affected',
  'affectedWarm',
  'affectedChart',
  'renderChangedChart',
  'bump',
  'affectedBump',
] as const;
export type StepName = (typeof STEPS)[number];

/** What each step is, as the table shows it. */
const STEP_LABELS: Readonly<Record<StepName, string>> = {
  renderAllFirst: 'render all, first (writes every file)',
  renderAll: 'render all (up to date)',
  renderOneApp: 'render one app',
  affected: 'nx affected, one service file (cold graph)',
  affectedWarm: 'nx affected, same (warm graph)',
  affectedChart: 'nx affected, one chart file',
  renderChangedChart: 'render that app (its chart changed)',
  bump: 'release bump --push',
  affectedBump: 'nx affected, the bump commit',
};

/** One step's cost: the wall clock, and the CPU time its processes used (what load does not inflate). */
export interface StepTime {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/**
 * What one run measured; the JSON line is this object. `<step>Seconds` is the wall clock,
 * `<step>CpuSeconds` the CPU time (user + system) of the step's processes.
 */
export type ScaleFigures = {
  readonly services: number;
  /** Generating the services with the real generator, in process. */
  readonly generateSeconds: number;
  /** Projects `nx show projects --affected` selects after a one-file change to one service. */
  readonly affectedProjects: number;
  /** The same after a one-file change to one app's chart. */
  readonly affectedChartProjects: number;
  /** The same for the commit a bump pushed (its image file and rendered directory). */
  readonly affectedBumpProjects: number;
  /** A one-app render's wall clock over a full render's, both of this run. */
  readonly renderOneAppRatio: number;
  /** The same for the render after the app's chart changed. */
  readonly renderChangedChartRatio: number;
} & { readonly [K in `${StepName}Seconds` | `${StepName}CpuSeconds`]: number };

/** The figures of a run, from its step times and the projects the affected questions selected. */
export function scaleFigures(input: {
  readonly services: number;
  readonly generateSeconds: number;
  readonly steps: Readonly<Record<StepName, StepTime>>;
  readonly affectedProjects: number;
  readonly affectedChartProjects: number;
  readonly affectedBumpProjects: number;
}): ScaleFigures {
  const times = Object.fromEntries(
    STEPS.flatMap((step) => [
      [`${step}Seconds`, input.steps[step].seconds],
      [`${step}CpuSeconds`, input.steps[step].cpuSeconds],
    ]),
  ) as Record<`${StepName}Seconds` | `${StepName}CpuSeconds`, number>;
  return {
    services: input.services,
    generateSeconds: input.generateSeconds,
    ...times,
    affectedProjects: input.affectedProjects,
    affectedChartProjects: input.affectedChartProjects,
    affectedBumpProjects: input.affectedBumpProjects,
    renderOneAppRatio: input.steps.renderOneApp.seconds / input.steps.renderAll.seconds,
    renderChangedChartRatio: input.steps.renderChangedChart.seconds / input.steps.renderAll.seconds,
  };
}

/** The benchmark's table: one line per step, its wall clock and CPU time, then the ratios. */
export function formatTable(figures: ScaleFigures): string {
  const selected: Partial<Record<StepName, number>> = {
    affected: figures.affectedProjects,
    affectedChart: figures.affectedChartProjects,
    affectedBump: figures.affectedBumpProjects,
  };
  const rows: [string, string, string][] = [
    [`${figures.services} services: generate (in process)`, seconds(figures.generateSeconds), ''],
    ...STEPS.map((step): [string, string, string] => {
      const count = selected[step];
      const label =
        count === undefined ? STEP_LABELS[step] : `${STEP_LABELS[step]} ${projects(count)}`;
      return [label, seconds(figures[`${step}Seconds`]), seconds(figures[`${step}CpuSeconds`])];
    }),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const line = ([name, wall, cpu]: readonly [string, string, string]) =>
    `${name.padEnd(width)}  ${wall.padStart(9)}  ${cpu.padStart(9)}`.trimEnd();
  const ratios =
    `one app / all (wall): ${figures.renderOneAppRatio.toFixed(3)}, ` +
    `after a chart change ${figures.renderChangedChartRatio.toFixed(3)}`;
  return [line(['STEP', 'WALL', 'CPU']), ...rows.map(line), ratios].join('\n');
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

/**
 * The CPU time (user + system, in seconds) of this process's children that have been waited
 * for, from `/proc/self/stat` (Linux): a child run with spawnSync counts once it exits, with the
 * grandchildren it waited for.
 */
export function parseChildCpuSeconds(stat: string, ticksPerSecond = 100): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 (cutime, cstime); `fields` starts at field 3.
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime))
    throw new Error(`unexpected /proc/self/stat: ${stat}`);
  return (cutime + cstime) / ticksPerSecond;
}

/** Seconds with two decimals: what a human compares between runs. */
function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

function projects(count: number): string {
  return `(${count} project${count === 1 ? '' : 's'})`;
}
