import { readPulumiProject } from '@platform/infra-stack-kit/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const projectDirectory = new URL('../../', import.meta.url);

/** A committed file of this project (Pulumi.yaml, Pulumi.<stack>.yaml), parsed. */
export function readProjectYaml(file: string): any {
  return parse(readFileSync(new URL(file, projectDirectory), 'utf8'));
}

/** Pulumi.yaml's name and defaults: the harness applies them as the CLI does. */
export const CLUSTER_PROJECT = readPulumiProject(fileURLToPath(projectDirectory));
