export { DNS_LABEL, DNS_LABEL_MAX_LENGTH, isDnsLabel, isDnsSubdomain } from './dns-names.js';
export { platformServiceContract } from './platform-contract.js';
