import * as pulumi from '@pulumi/pulumi';
import { z } from 'zod';
import { StackConfigError, formatConfigIssues } from './config-issues.js';

/** A stack's values as the Pulumi CLI hands them over: strings (lists as JSON), no namespace. */
export type RawStackConfig = Readonly<Record<string, string>>;

/**
 * Checks a stack's raw values against the program's schema, all at once, before anything is
 * declared; throws one StackConfigError listing every problem.
 */
export function parseStackConfig<T>(
  project: string,
  stack: string,
  schema: z.ZodType<T>,
  raw: RawStackConfig,
): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new StackConfigError(
    stack,
    formatConfigIssues(project, result.error.issues, keysOf(schema)),
  );
}

/** The keys of the object schema at the start of `schema` (a refined or transformed object). */
function keysOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return keysOf(schema.in as z.ZodType);
  return [];
}

/**
 * This project's namespace of the stack's config, keys without the `<project>:` prefix (other
 * namespaces, such as `aws:region`, stay out), with Pulumi.yaml's defaults already applied by
 * the CLI. Secret values arrive decrypted; the program takes them as secrets from
 * `pulumi.Config.requireSecret`, never from here.
 */
export function readStackConfig(project: string): Record<string, string> {
  const prefix = `${project}:`;
  return Object.fromEntries(
    Object.entries(pulumi.runtime.allConfig())
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
}
