export { fixtureWorkspace, FixtureWebChart, writeImage } from './fixture-workspace.js';
export {
  captureIo,
  createTempWorkspace,
  removeTempWorkspace,
  snapshotTree,
} from './temp-workspace.js';
