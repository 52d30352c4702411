import type * as pulumi from '@pulumi/pulumi';

/** One resource the program registered under mocks: what it asked for and what the mock said back. */
export interface RecordedResource {
  readonly type: string;
  readonly name: string;
  /** Inputs as the mocks see them (a nested secret already lifted to its property). */
  readonly inputs: Record<string, any>;
  /** The provider reference (`<urn>::<id>`) of a custom resource. */
  readonly provider: string | undefined;
  readonly custom: boolean;
  readonly state: Record<string, any>;
}

/** The resources and invokes a program made, found by type token and name (never by position). */
export class ResourceRecorder {
  readonly resources: RecordedResource[] = [];
  readonly invokes: { readonly token: string; readonly inputs: Record<string, any> }[] = [];

  record(args: pulumi.runtime.MockResourceArgs, state: Record<string, any>): void {
    this.resources.push({
      type: args.type,
      name: args.name,
      inputs: args.inputs as Record<string, any>,
      provider: args.provider,
      custom: args.custom ?? false,
      state,
    });
  }

  ofType(type: string): RecordedResource[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  /** The one resource of this type and name; throws naming the ones of that type otherwise. */
  find(type: string, name: string): RecordedResource {
    const found = this.resources.filter((r) => r.type === type && r.name === name);
    if (found.length !== 1 || !found[0]) {
      const names = this.ofType(type).map((r) => r.name);
      throw new Error(
        `expected one ${type} named '${name}', found ${found.length} (registered: ${names.join(', ') || 'none'})`,
      );
    }
    return found[0];
  }

  /** The resources of this type whose name starts with `prefix` (one stack's, or one component's). */
  named(type: string, prefix: string): RecordedResource[] {
    return this.ofType(type).filter((resource) => resource.name.startsWith(prefix));
  }
}
