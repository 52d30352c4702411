import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const projectDirectory = new URL('../../', import.meta.url);

/** A committed file of this project (Pulumi.yaml, Pulumi.<stack>.yaml), parsed. */
export function readProjectYaml(file: string): any {
  return parse(readFileSync(new URL(file, projectDirectory), 'utf8'));
}
