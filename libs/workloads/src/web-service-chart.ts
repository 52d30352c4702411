import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { WebService } from './web-service.js';
import type { WebServiceProps } from './web-service-props.js';

/**
 * A chart holding one web service. Names are never hashed: every object has an
 * explicit `metadata.name`, so the rendered names are the names in the cluster.
 */
export class WebServiceChart extends Chart {
  readonly webService: WebService;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id, { disableResourceNameHashes: true });
    this.webService = new WebService(this, 'web-service', props);
  }
}
