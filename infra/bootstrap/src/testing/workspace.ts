import { fileURLToPath } from 'node:url';

/** This project's directory (infra/bootstrap/), where Pulumi.yaml and the stack files live. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The real workspace root: tests read its `manifests/`, never write to it. */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
