import {
  AppChart,
  AppConfig,
  MigrationJob,
  ScheduledJob,
  StatefulService,
  WebService,
  Worker,
  type AppChartProps,
} from '@platform/workloads';
import type { Construct } from 'constructs';

/** One app with every workload kind of the library, configuration, a secret and a route. */
export class EveryKindChart extends AppChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    const config = new AppConfig(this, 'config', { data: { GREETING: 'Hello', PAGE_SIZE: '20' } });
    const secrets = [{ secret: 'db-credentials', key: 'password', env: 'DB_PASSWORD' }] as const;
    new WebService(this, 'web', {
      name: this.app,
      image: this.image,
      config: { from: config },
      secrets,
      route: {},
    });
    new Worker(this, 'worker', {
      name: `${this.app}-worker`,
      image: this.image,
      config: { from: config },
    });
    new ScheduledJob(this, 'nightly', {
      name: `${this.app}-nightly`,
      image: this.image,
      schedule: '0 3 * * *',
      timeZone: 'Europe/Berlin',
      command: ['node', 'dist/nightly.js'],
    });
    new StatefulService(this, 'store', {
      name: `${this.app}-store`,
      image: this.image,
      storage: { sizeGibibytes: this.environment.name === 'test-live' ? 50 : 5 },
      secrets: [{ secret: 'db-credentials', mountPath: '/run/secrets/db' }],
    });
    new MigrationJob(this, 'migrate', {
      name: `${this.app}-migrate`,
      image: this.image,
      command: ['node', 'dist/migrate.js'],
      secrets,
    });
  }
}
