import baseConfig, { chartRules } from '../../../eslint.config.mjs';

export default [...baseConfig, ...chartRules];
