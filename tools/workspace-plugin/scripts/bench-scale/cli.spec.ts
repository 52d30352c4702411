import { describe, expect, it } from 'vitest';
import { runBenchCli, type ScaleBenchmark } from './cli.js';
import type { Measurement } from './measure.js';
import { scaleFigures, STEPS, type StepName, type StepTime } from './report.js';

const steps = Object.fromEntries(STEPS.map((step) => [step, { seconds: 2, cpuSeconds: 1 }]));
const measurement = (services: number): Measurement => ({
  figures: scaleFigures({
    services,
    generateSeconds: 1,
    steps: steps as Record<StepName, StepTime>,
    affectedProjects: 1,
    affectedChartProjects: 1,
    affectedBumpProjects: 2,
  }),
  affected: ['@platform/scale-001'],
  affectedByChart: ['@platform/scale-001-deploy'],
  affectedByBump: ['@platform/scale-001-deploy', 'rendered-manifests'],
  pushedSubject: 'deploy(staging): scale-001 scale-1 -> scale-1-next',
});

async function run(argv: string[], benchmark: ScaleBenchmark) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBenchCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    benchmark,
  );
  return { code, out, err };
}

describe('bench:scale command line', () => {
  it('runs the benchmark with the count and prints the table, then the JSON line last', async () => {
    const calls: { count: number; keep: boolean }[] = [];
    const { code, out } = await run(['--services', '7', '--keep'], (count, { keep }) => {
      calls.push({ count, keep });
      return Promise.resolve(measurement(count));
    });
    expect(code).toBe(0);
    expect(calls).toEqual([{ count: 7, keep: true }]);
    expect(out[0]).toMatch(/^STEP/);
    const last = JSON.parse(out.at(-1) ?? '') as Record<string, unknown>;
    expect(last).toMatchObject({ services: 7, affectedProjects: 1 });
    for (const key of [
      'renderAllSeconds',
      'renderOneAppSeconds',
      'affectedSeconds',
      'bumpSeconds',
    ]) {
      expect(typeof last[key]).toBe('number');
    }
  });

  it.each([['0'], ['-3'], ['many'], ['2.5']])(
    'refuses --services %s with one line naming it, running nothing',
    async (value) => {
      let ran = false;
      const { code, out, err } = await run(['--services', value], () => {
        ran = true;
        return Promise.resolve(measurement(1));
      });
      expect(code).toBe(1);
      expect(ran).toBe(false);
      expect(out).toEqual([]);
      expect(err.join('\n')).toContain(`'${value}'`);
    },
  );

  it('requires --services', async () => {
    const { code, err } = await run([], () => Promise.resolve(measurement(1)));
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('--services');
  });
});
