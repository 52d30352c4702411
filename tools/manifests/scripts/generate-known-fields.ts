// Regenerates src/validate/known-fields.generated.json. Run after adding a kind to src/validate/kinds.ts:
//   npm run generate-known-fields -w @platform/manifests
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KINDS } from '../src/validate/kinds.js';
import { deriveKnownFields } from './derive-known-fields.js';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(projectRoot, 'src/validate/known-fields.generated.json');
const fields = deriveKnownFields(KINDS, join(projectRoot, 'src'));
writeFileSync(output, `${JSON.stringify(fields, null, 1)}\n`);
console.log(
  `wrote ${Object.keys(fields.definitions).length} definitions for ${Object.keys(fields.kinds).length} kinds to ${output}`,
);
