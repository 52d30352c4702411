// The Pulumi program's entry point (Pulumi.yaml `main`): read and check the stack's
// configuration once, before any resource is declared, then declare the platform.
// Tests never import this file: they call defineCluster under mocks. An output a stack's role
// has none of (ClusterOutputs) is undefined, and Pulumi records no such output.
import { readStackConfig } from '@platform/infra-stack-kit';
import * as pulumi from '@pulumi/pulumi';
import { PROJECT, parseClusterConfig } from './config/parse-cluster-config.js';
import { defineCluster } from './program.js';

const outputs = defineCluster(parseClusterConfig(readStackConfig(PROJECT), pulumi.getStack()));

export const clusterName = outputs.clusterName;
export const clusterEndpoint = outputs.clusterEndpoint;
export const clusterCertificateAuthority = outputs.clusterCertificateAuthority;
export const kubeconfig = outputs.kubeconfig;
export const oidcProviderArn = outputs.oidcProviderArn;
export const imageRegistry = outputs.imageRegistry;
export const ciRoleArn = outputs.ciRoleArn;
export const ciPushRoleArn = outputs.ciPushRoleArn;
export const ciPreviewRoleArn = outputs.ciPreviewRoleArn;
export const hostedZoneId = outputs.hostedZoneId;
export const nameServers = outputs.nameServers;
export const argocdHubRoleArn = outputs.argocdHubRoleArn;
export const natPublicIps = outputs.natPublicIps;
