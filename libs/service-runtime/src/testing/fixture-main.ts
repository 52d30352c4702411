// The fixture service as a process, for start-service.spec.ts.
import { startService } from '../start-service.js';
import { fixtureService } from './fixture-service.js';

await startService(fixtureService);
