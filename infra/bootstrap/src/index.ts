// The Pulumi entry point (Pulumi.yaml `main`): read this stack's config once, run the program,
// export its outputs. Everything else lives in program.ts, which the tests run under mocks.
import { readStackConfig } from '@platform/infra-stack-kit';
import * as pulumi from '@pulumi/pulumi';
import { PROJECT } from './config/bootstrap-fields.js';
import { bootstrap } from './program.js';

const outputs = bootstrap({ raw: readStackConfig(PROJECT), stack: pulumi.getStack() });

export const environment = outputs.environment;
export const cluster = outputs.cluster;
export const platformPath = outputs.platformPath;
export const engine = outputs.engine;
export const engineNamespace = outputs.engineNamespace;
export const engineChartVersion = outputs.engineChartVersion;
export const sealedSecretsNamespace = outputs.sealedSecretsNamespace;
export const root = outputs.root;
export const inspect = outputs.inspect;
export const workloadClusters = outputs.workloadClusters;
