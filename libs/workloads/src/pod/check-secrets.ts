import type { AppSecret } from '../app-chart.js';
import type { PropChecker } from '../prop-checker.js';
import type { SecretReference } from './pod-props.js';
import { ENV_NAME, isDirectory } from './pod-rules.js';

/** Every reference names a SealedSecret the app has in this environment, and a key it holds. */
export function checkSecrets(
  check: PropChecker,
  references: readonly SecretReference[],
  available: readonly AppSecret[],
  inAppChart: boolean,
): void {
  references.forEach((reference, index) => {
    const prop = `secrets[${index}]`;
    const secret = available.find((s) => s.name === reference.secret);
    if (!secret) {
      check.fail(
        `${prop}.secret`,
        reference.secret,
        inAppChart
          ? `is not a secret of this app here (it has ${available.length ? available.map((s) => `'${s.name}'`).join(', ') : 'none'}): seal it into deploy/sealed-secrets/<env>/`
          : 'can only be checked inside an AppChart, which knows the sealed secrets of the app',
      );
    }
    if ('key' in reference) {
      if (!secret.keys.includes(reference.key)) {
        check.fail(
          `${prop}.key`,
          reference.key,
          `is not a key of secret '${secret.name}' (${secret.keys.join(', ')})`,
        );
      }
      if (!ENV_NAME.test(reference.env)) {
        check.fail(`${prop}.env`, reference.env, 'is not a valid environment variable');
      }
    } else if (!isDirectory(reference.mountPath)) {
      check.fail(
        `${prop}.mountPath`,
        reference.mountPath,
        "must be an absolute directory other than '/'",
      );
    }
  });
}
