// A chart module as an app keeps it (apps/<app>/deploy/src/chart.ts), for import-chart.spec.ts.
import { FixtureWebChart } from '../fixture-workspace.js';

export default FixtureWebChart;
