// Usage: tsx tools/ci/src/build-service-main.ts <project-root>
import { resolve } from 'node:path';
import { buildService } from './build-service.js';

const projectRoot = process.argv[2];
if (!projectRoot) {
  process.stderr.write('usage: build-service <project-root>\n');
  process.exit(1);
}
await buildService(resolve(projectRoot));
process.stdout.write(`built ${projectRoot}/dist/main.js\n`);
