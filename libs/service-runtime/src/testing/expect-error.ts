import type { Response } from 'supertest';
import { expect } from 'vitest';

/** Every error answers in the runtime's one shape, with the request id and no stack trace. */
export function expectErrorResponse(response: Response, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json; charset=utf-8$/);
  expect(response.body).toEqual({
    error: { code, message: expect.any(String), requestId: response.headers['x-request-id'] },
  });
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
}
