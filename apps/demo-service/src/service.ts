import type { ServiceDefinition } from '@platform/service-runtime';
import { routes } from './routes.js';

/** The demo service: its name (its folder under apps/) and its routes. */
export const service: ServiceDefinition = { name: 'demo-service', routes };
