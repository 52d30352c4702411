// The container's process: the runtime reads the configuration, listens and drains on SIGTERM.
import { startService } from '@platform/service-runtime';
import { service } from './service.js';

await startService(service);
