import { describe, expect, it } from 'vitest';
import {
  formatTable,
  jsonLine,
  parseChildCpuSeconds,
  parseProjectList,
  scaleFigures,
  serviceNames,
  STEPS,
  type StepName,
  type StepTime,
} from './report.js';

/** Step times 1 s, 2 s… of wall clock, a tenth of that in CPU. */
const steps = Object.fromEntries(
  STEPS.map((step, i) => [step, { seconds: i + 1, cpuSeconds: (i + 1) / 10 }]),
) as Record<StepName, StepTime>;
const FIGURES = scaleFigures({
  services: 500,
  generateSeconds: 61.5,
  steps,
  affectedProjects: 1,
  affectedChartProjects: 2,
  affectedBumpProjects: 2,
});

describe('scaleFigures', () => {
  it('holds the issue keys and the wall clock and CPU time of every step', () => {
    expect(FIGURES).toMatchObject({
      services: 500,
      renderAllSeconds: 2,
      renderOneAppSeconds: 3,
      affectedSeconds: 4,
      affectedProjects: 1,
      renderChangedChartSeconds: 7,
      bumpSeconds: 8,
      bumpCpuSeconds: 0.8,
      // One app's render over all's: 3 s / 2 s, 7 s / 2 s.
      renderOneAppRatio: 1.5,
      renderChangedChartRatio: 3.5,
    });
    expect(Object.keys(FIGURES)).toHaveLength(7 + 2 * STEPS.length);
  });
});

describe('formatTable', () => {
  it('puts every step on its own line with its wall clock and CPU time, aligned', () => {
    const lines = formatTable(FIGURES).split('\n');
    expect(lines[0]).toMatch(/^STEP\s+WALL\s+CPU$/);
    expect(lines).toHaveLength(3 + STEPS.length);
    expect(lines[1]).toMatch(/^500 services: generate \(in process\)\s+61\.50 s$/);
    expect(lines).toContainEqual(expect.stringMatching(/^render one app\s+3\.00 s\s+0\.30 s$/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^nx affected, one service file \(cold graph\) \(1 project\)\s+4\.00 s/,
      ),
    );
    expect(lines).toContainEqual(expect.stringMatching(/one chart file \(2 projects\)\s+6\.00 s/));
    // The CPU column ends where the header's does.
    const end = lines[0]?.length;
    for (const line of lines.slice(2, -1)) expect(line.length).toBe(end);
    expect(lines.at(-1)).toBe('one app / all (wall): 1.500, after a chart change 3.500');
  });
});

describe('jsonLine', () => {
  it('is one line of JSON holding every figure', () => {
    const line = jsonLine(FIGURES);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(FIGURES);
  });
});

describe('parseProjectList', () => {
  it('reads the JSON list of projects after whatever Nx logged', () => {
    expect(
      parseProjectList('NX  Daemon is not running\n["@platform/a","@platform/a-deploy"]\n'),
    ).toEqual(['@platform/a', '@platform/a-deploy']);
    expect(parseProjectList('[]')).toEqual([]);
  });

  it('fails, showing the output, when there is no list', () => {
    expect(() => parseProjectList('NX  failed to process the project graph')).toThrow(
      /printed no JSON list of projects:\nNX {2}failed/,
    );
  });
});

describe('serviceNames', () => {
  it('makes zero-padded names in order, skipping the apps the workspace has', () => {
    expect(serviceNames(3, new Set(['scale-002']))).toEqual([
      'scale-001',
      'scale-003',
      'scale-004',
    ]);
    expect(serviceNames(1000)[999]).toBe('scale-1000');
    expect(serviceNames(1000)[0]).toBe('scale-0001');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s services', (count) => {
    expect(() => serviceNames(count)).toThrow(
      `--services must be a positive integer, not ${count}`,
    );
  });
});

describe('parseChildCpuSeconds', () => {
  // A real line's shape: pid, (comm), state, then numbers; cutime 250 and cstime 30 ticks.
  const stat = (comm: string) =>
    `4242 (${comm}) S 1 4242 4242 0 -1 4194560 900 0 0 0 120 15 250 30 20 0 11 0 5000 1000 300`;

  it("sums the waited-for children's user and system time", () => {
    expect(parseChildCpuSeconds(stat('node'))).toBeCloseTo(2.8);
    expect(parseChildCpuSeconds(stat('node'), 1000)).toBeCloseTo(0.28);
  });

  it('finds the fields after a command name with spaces and parentheses', () => {
    expect(parseChildCpuSeconds(stat('my (odd) node'))).toBeCloseTo(2.8);
  });

  it('refuses a line it cannot read', () => {
    expect(() => parseChildCpuSeconds('4242 (node) S 1')).toThrow(/unexpected \/proc\/self\/stat/);
  });
});
