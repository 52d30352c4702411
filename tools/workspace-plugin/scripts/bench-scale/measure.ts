import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseChildCpuSeconds,
  parseProjectList,
  scaleFigures,
  type ScaleFigures,
  type StepName,
  type StepTime,
} from './report.js';
import { FIRST_TAG, type ScaleWorkspace } from './scale-workspace.js';

/** The figures, and what the affected questions answered (for a caller that checks them). */
export interface Measurement {
  readonly figures: ScaleFigures;
  readonly affected: readonly string[];
  readonly affectedByChart: readonly string[];
  /** What the commit the bump pushed affects. */
  readonly affectedByBump: readonly string[];
  /** The subject of the commit the bump pushed, as the bare remote has it. */
  readonly pushedSubject: string;
}

const RENDER = ['tools/manifests/src/main.ts'];
const RELEASE = ['tools/release/src/main.ts'];
const NX_AFFECTED = ['show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json'];
const PROC_STAT = '/proc/self/stat';

/** CPU seconds of the children waited for so far; NaN (JSON null) where there is no /proc. */
function childCpuSeconds(): number {
  return existsSync(PROC_STAT) ? parseChildCpuSeconds(readFileSync(PROC_STAT, 'utf8')) : NaN;
}

/**
 * Runs, in order, each step a team pays for at this size, as separate processes (start-up and
 * module loading included, as a user and CI pay them, through workspace-cli as `npm run` runs
 * them): the full render, a one-app render, the affected projects of a one-file service change
 * and of a one-file chart change, the app's render after that change, one bump, and the
 * affected projects of the commit it pushed (what CI runs on it).
 */
export function measure(
  workspace: ScaleWorkspace,
  log: (line: string) => void = () => undefined,
): Measurement {
  const { copy, services } = workspace;
  const app = services[Math.floor(services.length / 2)] ?? '';
  // What `npm run synth` and `npm run release` run.
  const cli = join(copy.root, 'node_modules/.bin/workspace-cli');
  const nx = join(copy.root, 'node_modules/.bin/nx');
  const steps: Partial<Record<StepName, StepTime>> = {};
  const timed = (step: StepName, command: string, args: readonly string[]) => {
    log(`${step}…`);
    const cpu = childCpuSeconds();
    const started = performance.now();
    const stdout = copy.ok(command, args);
    const time = {
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: childCpuSeconds() - cpu,
    };
    steps[step] = time;
    log(`${step}: ${time.seconds.toFixed(2)} s (CPU ${time.cpuSeconds.toFixed(2)} s)`);
    return stdout;
  };

  timed('renderAllFirst', cli, [...RENDER, 'render']);
  copy.commit('render every environment');
  timed('renderAll', cli, [...RENDER, 'render']);
  timed('renderOneApp', cli, [...RENDER, 'synth', '--app', app]);
  if (copy.changed().length > 0)
    throw new Error(`a re-render of an up-to-date workspace changed ${copy.changed().join(', ')}`);

  appendFileSync(join(copy.root, `apps/${app}/src/routes.ts`), '// a one-line change\n');
  copy.commit(`change ${app}'s service`);
  const affected = parseProjectList(timed('affected', nx, NX_AFFECTED));
  timed('affectedWarm', nx, NX_AFFECTED);
  appendFileSync(join(copy.root, `apps/${app}/deploy/src/chart.ts`), '// a one-line change\n');
  copy.commit(`change ${app}'s chart`);
  const affectedByChart = parseProjectList(timed('affectedChart', nx, NX_AFFECTED));
  // The chart changed by a comment: its app's bundle is new, its manifests the same.
  timed('renderChangedChart', cli, [...RENDER, 'synth', '--app', app]);
  if (copy.changed().length > 0)
    throw new Error(`a comment in ${app}'s chart changed ${copy.changed().join(', ')}`);
  copy.git('push', '-q', 'origin', 'main');

  const bumpArgs = ['bump', '--env', 'staging', '--app', app, '--image-tag', `${FIRST_TAG}-next`];
  timed('bump', cli, [...RELEASE, ...bumpArgs, '--push']);
  const pushedSubject = copy.git('--git-dir', workspace.remote, 'log', '-1', '--format=%s', 'main');
  const affectedByBump = parseProjectList(timed('affectedBump', nx, NX_AFFECTED));

  return {
    figures: scaleFigures({
      services: services.length,
      generateSeconds: workspace.generateSeconds,
      steps: steps as Record<StepName, StepTime>,
      affectedProjects: affected.length,
      affectedChartProjects: affectedByChart.length,
      affectedBumpProjects: affectedByBump.length,
    }),
    affected,
    affectedByChart,
    affectedByBump,
    pushedSubject: pushedSubject.trim(),
  };
}
