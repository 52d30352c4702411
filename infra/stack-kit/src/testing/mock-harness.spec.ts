import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks, settle } from './mock-harness.js';
import { promiseOf } from './promise-of.js';
import { runStack } from './run-stack.js';

const project = { name: 'infra-x', defaults: { size: 2 } };

/** A custom resource of any type token (CustomResource itself is abstract). */
class TestResource extends pulumi.CustomResource {
  constructor(
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(type, name, props, opts);
  }
}

describe('installMocks', () => {
  it("records each resource with the handler's state, and the engine's view of it", async () => {
    const { recorder, engine } = await installMocks('infra-x', 'staging', {
      newResource: (args) =>
        args.type === 'test:index:Thing'
          ? { id: 'thing-1', state: { arn: 'arn:thing' } }
          : undefined,
    });
    const thing = new TestResource(
      'test:index:Thing',
      'one',
      { size: 1 },
      { protect: true, ignoreChanges: ['size'], retainOnDelete: true },
    );
    const other = new TestResource('test:index:Other', 'two', { size: 2 });
    expect(await promiseOf(thing.id)).toBe('thing-1');
    expect(await promiseOf(other.id)).toBe('two-id');
    await settle();
    expect(recorder.find('test:index:Thing', 'one')).toMatchObject({
      inputs: { size: 1 },
      state: { arn: 'arn:thing' },
      custom: true,
    });
    expect(recorder.find('test:index:Other', 'two').state).toEqual({ size: 2 });
    expect(engine.get('test:index:Thing one')).toMatchObject({
      protect: true,
      ignoreChanges: ['size'],
      retainOnDelete: true,
    });
    expect(engine.get('test:index:Other two')).toMatchObject({
      protect: false,
      ignoreChanges: [],
      retainOnDelete: false,
    });
    expect(() => recorder.find('test:index:Thing', 'three')).toThrow(
      "expected one test:index:Thing named 'three', found 0 (registered: one)",
    );
  });

  it("names an organization, as a StackReference's full name needs: Pulumi's default unless told", async () => {
    await installMocks('infra-x', 'staging');
    expect(pulumi.getOrganization()).toBe('organization');
    await installMocks('infra-x', 'staging', {}, 'acme');
    expect(pulumi.getOrganization()).toBe('acme');
  });

  it('fails an invoke the handlers do not answer, and records it', async () => {
    const { recorder } = await installMocks('infra-x', 'staging');
    // The SDK reports the mock's error without its message: the record says which invoke.
    await expect(pulumi.runtime.invoke('test:index:lookup', { a: 1 })).rejects.toThrow();
    expect(recorder.invokes).toEqual([{ token: 'test:index:lookup', inputs: { a: 1 } }]);
  });
});

describe('runStack', () => {
  it('runs the program with the stack config and fresh mocks each time', async () => {
    const program = () => {
      const size = new pulumi.Config('infra-x').requireNumber('size');
      new TestResource('test:index:Thing', `thing-${size}`, { size });
      return { size, stack: pulumi.getStack() };
    };
    const first = await runStack({ project, stack: 'staging', values: {}, program });
    const second = await runStack({ project, stack: 'production', values: { size: 5 }, program });
    expect(first.outputs).toEqual({ size: 2, stack: 'staging' });
    expect(second.outputs).toEqual({ size: 5, stack: 'production' });
    expect(second.recorder.resources.map((r) => r.name)).toEqual(['thing-5']);
  });
});
