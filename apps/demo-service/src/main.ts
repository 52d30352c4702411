import { demoServiceContract } from '@platform/service-contracts';
import { createApp } from './app.js';

const port = Number(process.env['PORT'] ?? demoServiceContract.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(`PORT: '${process.env['PORT']}' is not a port number (1-65535)\n`);
  process.exit(1);
}
let ready = true;
const app = createApp({
  service: demoServiceContract.name,
  version: process.env['SERVICE_VERSION'] ?? '0.0.0-dev',
  isReady: () => ready,
});
const server = app.listen(port, () =>
  process.stdout.write(`${demoServiceContract.name} listening on ${port}\n`),
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    ready = false;
    server.close(() => process.exit(0));
  });
}
