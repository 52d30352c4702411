import baseConfig, { appRules } from '../../eslint.config.mjs';

// deploy/ is the app's chart, a project of its own with its own rules.
export default [{ ignores: ['deploy/**'] }, ...baseConfig, ...appRules];
