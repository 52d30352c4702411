// Prints what each of renovate.json's regex custom managers finds in the workspace, one line a
// pin (the dry run the spec asserts):  npx tsx tools/ci/src/renovate/dry-run-main.ts
import { dryRunCustomManagers } from './workspace-pins.js';

for (const [manager, found] of dryRunCustomManagers(process.cwd())) {
  process.stdout.write(`${manager}: ${found.length} found\n`);
  for (const dep of found) {
    const lookup = dep.packageName === dep.depName ? '' : ` (looks up ${dep.packageName})`;
    process.stdout.write(
      `  ${dep.file}: ${dep.depName} ${dep.currentValue} [${dep.datasource}]${lookup}\n`,
    );
  }
}
