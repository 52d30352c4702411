import pulumi from '@pulumi/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // An Output in a template literal prints "Calling [toString] on an Output<T> is not supported":
    // pulumi.interpolate (or .apply) is the way.
    files: ['**/*.ts'],
    plugins: { '@pulumi': pulumi },
    rules: {
      '@pulumi/no-output-in-template-literal': 'error',
      '@pulumi/no-output-instance-in-template-literal': 'error',
    },
  },
];
