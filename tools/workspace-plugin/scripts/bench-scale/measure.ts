import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProjectList, type ScaleFigures } from './report.js';
import { FIRST_TAG, type ScaleWorkspace } from './scale-workspace.js';

/** The figures, and what the affected questions answered (for a caller that checks them). */
export interface Measurement {
  readonly figures: ScaleFigures;
  readonly affected: readonly string[];
  readonly affectedByChart: readonly string[];
  /** The subject of the commit the bump pushed, as the bare remote has it. */
  readonly pushedSubject: string;
}

const RENDER = ['tools/manifests/src/main.ts'];
const RELEASE = ['tools/release/src/main.ts'];
const NX_AFFECTED = ['show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json'];

/**
 * Runs, in order, each step a team pays for at this size, as separate processes (start-up and
 * module loading included, as a user and CI pay them): the full render, a one-app render, the
 * affected projects of a one-file service change and of a one-file chart change, one bump.
 */
export function measure(
  workspace: ScaleWorkspace,
  log: (line: string) => void = () => undefined,
): Measurement {
  const { copy, services } = workspace;
  const app = services[Math.floor(services.length / 2)] ?? '';
  const tsx = join(copy.root, 'node_modules/.bin/tsx');
  const nx = join(copy.root, 'node_modules/.bin/nx');
  const timed = (what: string, command: string, args: readonly string[]) => {
    log(`${what}…`);
    const started = performance.now();
    const stdout = copy.ok(command, args);
    const elapsed = (performance.now() - started) / 1000;
    log(`${what}: ${elapsed.toFixed(2)} s`);
    return { seconds: elapsed, stdout };
  };

  const renderAllFirst = timed('render all, first', tsx, [...RENDER, 'render']);
  copy.commit('render every environment');
  const renderAll = timed('render all, up to date', tsx, [...RENDER, 'render']);
  const renderOne = timed(`render ${app}`, tsx, [...RENDER, 'synth', '--app', app]);
  if (copy.changed().length > 0)
    throw new Error(`a re-render of an up-to-date workspace changed ${copy.changed().join(', ')}`);

  appendFileSync(join(copy.root, `apps/${app}/src/routes.ts`), '// a one-line change\n');
  copy.commit(`change ${app}'s service`);
  const affectedCold = timed('nx affected, service change (cold)', nx, NX_AFFECTED);
  const affectedWarm = timed('nx affected, service change (warm)', nx, NX_AFFECTED);
  appendFileSync(join(copy.root, `apps/${app}/deploy/src/chart.ts`), '// a one-line change\n');
  copy.commit(`change ${app}'s chart`);
  const affectedChart = timed('nx affected, chart change', nx, NX_AFFECTED);
  copy.git('push', '-q', 'origin', 'main');

  const bumpArgs = ['bump', '--env', 'staging', '--app', app, '--image-tag', `${FIRST_TAG}-next`];
  const bump = timed('release bump --push', tsx, [...RELEASE, ...bumpArgs, '--push']);
  const pushedSubject = copy.git('--git-dir', workspace.remote, 'log', '-1', '--format=%s', 'main');

  const affected = parseProjectList(affectedCold.stdout);
  const affectedByChart = parseProjectList(affectedChart.stdout);
  return {
    figures: {
      services: services.length,
      generateSeconds: workspace.generateSeconds,
      renderAllFirstSeconds: renderAllFirst.seconds,
      renderAllSeconds: renderAll.seconds,
      renderOneAppSeconds: renderOne.seconds,
      affectedSeconds: affectedCold.seconds,
      affectedProjects: affected.length,
      affectedWarmSeconds: affectedWarm.seconds,
      affectedChartSeconds: affectedChart.seconds,
      affectedChartProjects: affectedByChart.length,
      bumpSeconds: bump.seconds,
    },
    affected,
    affectedByChart,
    pushedSubject: pushedSubject.trim(),
  };
}
