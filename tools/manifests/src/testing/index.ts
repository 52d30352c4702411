export { fixtureWorkspace, FixtureWebChart } from './fixture-workspace.js';
