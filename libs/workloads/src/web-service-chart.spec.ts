import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { WebServiceChart } from './web-service-chart.js';
import { MINIMAL_PROPS } from './testing/synth-helpers.js';

describe('WebServiceChart', () => {
  it('renders stable names that ignore the construct ids', () => {
    const a = Testing.synth(new WebServiceChart(Testing.app(), 'first-id', MINIMAL_PROPS));
    const b = Testing.synth(new WebServiceChart(Testing.app(), 'renamed-id', MINIMAL_PROPS));
    expect(a).toEqual(b);
  });

  it('matches the reviewed rendering (a net for changes the targeted tests miss)', () => {
    expect(
      Testing.synth(new WebServiceChart(Testing.app(), 'orders', MINIMAL_PROPS)),
    ).toMatchSnapshot();
  });
});
