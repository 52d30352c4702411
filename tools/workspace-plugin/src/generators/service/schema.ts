/** The options of `nx g @platform/workspace-plugin:service` (schema.json). */
export interface ServiceGeneratorSchema {
  readonly name: string;
  readonly description?: string;
}
