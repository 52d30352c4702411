import baseConfig, { pulumiConfig } from '../../eslint.config.mjs';

export default [...baseConfig, ...pulumiConfig];
