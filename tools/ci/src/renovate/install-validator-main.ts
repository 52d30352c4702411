// Installs the pinned renovate-config-validator into the cache when it is not there yet, and
// prints where it is and how long that took (.ci/run calls it before the tests).
import { performance } from 'node:perf_hooks';
import {
  RENOVATE_VERSION,
  ensureRenovateValidator,
  renovateCacheDir,
} from './renovate-validator.js';

const started = performance.now();
const entry = ensureRenovateValidator();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `renovate ${RENOVATE_VERSION} validator: ${entry} (${seconds} s, ${renovateCacheDir()})\n`,
);
