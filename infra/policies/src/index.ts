// The policy pack's entry point (PulumiPolicy.yaml `main`), run by the Pulumi CLI with
// `pulumi preview|up --policy-pack infra/policies`. Constructing the PolicyPack starts the
// analyzer server, so nothing imports this file: the rules live in policies.ts.
import { PolicyPack } from '@pulumi/policy';
import { platformPolicies } from './policies.js';

new PolicyPack('platform-cluster', {
  enforcementLevel: 'mandatory',
  policies: [...platformPolicies],
});
