import { describe, expect, it } from 'vitest';
import {
  formatTable,
  jsonLine,
  parseProjectList,
  serviceNames,
  type ScaleFigures,
} from './report.js';

const FIGURES: ScaleFigures = {
  services: 500,
  generateSeconds: 61.5,
  renderAllFirstSeconds: 40.25,
  renderAllSeconds: 38,
  renderOneAppSeconds: 2.5,
  affectedSeconds: 12.345,
  affectedProjects: 1,
  affectedWarmSeconds: 3,
  affectedChartSeconds: 4,
  affectedChartProjects: 2,
  bumpSeconds: 3.5,
};

describe('formatTable', () => {
  it('puts every measurement on its own aligned line, in seconds with two decimals', () => {
    const lines = formatTable(FIGURES).split('\n');
    expect(lines[0]).toMatch(/^MEASUREMENT\s+VALUE$/);
    expect(lines).toContainEqual(expect.stringMatching(/^services\s+500$/));
    expect(lines).toContainEqual(expect.stringMatching(/^render one app\s+2\.50 s$/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^nx affected, one service file \(cold graph\)\s+12\.35 s {2}\(1 project\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/one chart file\s+4\.00 s {2}\(2 projects\)$/),
    );
    // Every value starts in the header's VALUE column, after at least two spaces.
    const column = lines[0]?.indexOf('VALUE') ?? -1;
    for (const line of lines) {
      expect(line.slice(column - 2, column)).toBe('  ');
      expect(line[column]).not.toBe(' ');
    }
    expect(lines).toHaveLength(10);
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
