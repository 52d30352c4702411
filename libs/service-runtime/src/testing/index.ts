export { expectErrorResponse } from './expect-error.js';
export { freePort } from './free-port.js';
export { runMain, waitForHttp } from './run-main.js';
export { testService } from './test-service.js';
