export { StackConfigError } from './config-issues.js';
export {
  boolean,
  integer,
  matching,
  oneOf,
  optional,
  quote,
  required,
  stringList,
} from './config-values.js';
export { parseStackConfig, readStackConfig, type RawStackConfig } from './parse-stack-config.js';
