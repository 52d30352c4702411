/** The options of `nx g @platform/workspace-plugin:init` (schema.json). */
export interface InitGeneratorSchema {
  readonly repository: string;
  readonly region: string;
  readonly accountId: string | number;
  readonly productionAccountId?: string | number;
  readonly pulumiOrg?: string;
  readonly availabilityZones?: string;
}
