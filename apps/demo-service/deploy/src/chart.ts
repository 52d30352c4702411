import { AppChart, WebService, type AppChartProps } from '@platform/workloads';
import type { Construct } from 'constructs';

/**
 * What demo-service runs as in each environment: the objects rendered to
 * `manifests/<env>/demo-service/`. This is cdk8s: edit it instead of YAML, then `npm run synth`.
 * The environment (`props.environment`) gives the sizing, the log level and who may call it;
 * set a prop here to make it this app's own (`replicas: { max: 20 }`, `egress: [...]`).
 */
export default class DemoServiceChart extends AppChart {
  constructor(scope: Construct, props: AppChartProps) {
    super(scope, props);
    new WebService(this, 'web', { name: this.app, image: this.image });
  }
}
