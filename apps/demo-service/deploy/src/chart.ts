import { AppChart, AppConfig, WebService, type AppChartProps } from '@platform/workloads';
import type { Construct } from 'constructs';

/**
 * What demo-service runs as in each environment: the objects rendered to
 * `manifests/<env>/demo-service/`. This is cdk8s: edit it instead of YAML, then `npm run synth`.
 * The environment (`props.environment`) gives the sizing, the log level, the Gateway and its
 * domain; set a prop here to make it this app's own (`replicas: { max: 20 }`, `egress: [...]`).
 */
export default class DemoServiceChart extends AppChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    // The greeting of /api/hello; an environment's `config['demo-service']` can override it.
    const config = new AppConfig(this, 'config', { data: { GREETING: 'Hello' } });
    new WebService(this, 'web', {
      name: this.app,
      image: this.image,
      config: { from: config },
      // https://demo-service.<the environment's domain>/ through the environment's Gateway.
      route: {},
    });
  }
}
