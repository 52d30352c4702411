import { platformServiceContract } from '@platform/service-contracts';
import type { App } from './app.js';

/**
 * Every app the workspace deploys. The image registry (infra/cluster), the
 * rendered environments and Argo CD all read this list, so an app is named once.
 */
export const apps: readonly App[] = [
  {
    contract: { ...platformServiceContract, name: 'demo-service' },
    description: 'The demo HTTP service: the model for the services teams add next to it.',
    source: 'apps/demo-service',
  },
];
