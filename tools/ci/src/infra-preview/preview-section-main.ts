// Prints one stack's section of the infra preview comment (pr-comment.yml posts the sections).
//   npx tsx tools/ci/src/infra-preview/preview-section-main.ts --project infra-cluster --stack staging --preview preview.txt
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { previewSection } from './preview-section.js';

const options = new Command('preview-section')
  .requiredOption('--project <name>')
  .requiredOption('--stack <name>')
  .requiredOption('--preview <file>', 'file holding the preview output')
  .parse()
  .opts<{ project: string; stack: string; preview: string }>();
// A preview that never started (credentials) leaves no file: that is a failed preview too.
const preview = existsSync(options.preview) ? readFileSync(options.preview, 'utf8') : '';
process.stdout.write(previewSection({ ...options, preview }));
