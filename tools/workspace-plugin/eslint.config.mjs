import baseConfig from '../../eslint.config.mjs';

export default [{ ignores: ['src/**/files/**'] }, ...baseConfig];
