import { platformServiceContract as contract } from '@platform/service-contracts';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './create-app.js';
import { expectErrorResponse } from './testing/expect-error.js';
import { fixtureService } from './testing/fixture-service.js';
import { testService } from './testing/test-service.js';

const testApp = () => testService(fixtureService);

describe('createApp: what every service answers', () => {
  it('serves liveness, readiness and metrics at the paths of the service contract', async () => {
    const { app } = testApp();
    const paths = [contract.livenessPath, contract.readinessPath, contract.metricsPath];
    const statuses = await Promise.all(
      paths.map(async (path) => [path, (await request(app).get(path)).status] as const),
    );
    expect(Object.fromEntries(statuses)).toEqual(
      Object.fromEntries(paths.map((path) => [path, 200])),
    );
    expect((await request(app).get(contract.livenessPath)).body).toEqual({ status: 'ok' });
  });

  it('answers readiness 200, then 503 with Connection: close from the moment shutdown begins', async () => {
    const { app, lifecycle } = testApp();
    expect((await request(app).get(contract.readinessPath)).body).toEqual({ status: 'ready' });
    lifecycle.beginShutdown();
    const response = await request(app).get(contract.readinessPath);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'shutting-down' });
    expect(response.headers['connection']).toBe('close');
  });

  it("serves the service's own routes", async () => {
    const response = await request(testApp().app).post('/api/items').send({ a: 1 });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ item: { a: 1 } });
  });

  it('answers an unknown path with a JSON 404', async () => {
    expectErrorResponse(await request(testApp().app).get('/nope'), 404, 'not_found');
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const response = await request(testApp().app).delete('/api/items');
    expectErrorResponse(response, 405, 'method_not_allowed');
    expect(response.headers['allow']).toBe('POST');
    expect((await request(testApp().app).post('/healthz')).headers['allow']).toBe('GET, HEAD');
  });

  it('answers an HttpError with its status and code', async () => {
    expectErrorResponse(await request(testApp().app).get('/api/teapot'), 418, 'teapot');
  });

  it('answers an unexpected error with a generic 500 and logs the stack', async () => {
    const { app, lines } = testApp();
    const response = await request(app).get('/api/crash');
    expectErrorResponse(response, 500, 'internal_error');
    expect(JSON.stringify(response.body)).not.toContain('secret internal detail');
    expect(lines.find((l) => l['msg'] === 'unhandled error')?.['err']?.['stack']).toContain(
      'secret internal detail',
    );
  });

  it('sets the security headers of a JSON API and no x-powered-by', async () => {
    const response = await request(testApp().app).get('/');
    expect(response.headers).toMatchObject({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-dns-prefetch-control']).toBeUndefined(); // document-only headers are left out
  });

  it('refuses a service route on a path the platform serves', () => {
    const { logger, metrics, lifecycle, info } = testApp();
    const shadowing = {
      name: 'shadow',
      routes: () => [{ method: 'get' as const, path: '/healthz', handlers: [] }],
    };
    expect(() => createApp(shadowing, { logger, metrics, lifecycle, info })).toThrow(
      'shadow: route GET /healthz is on a path the platform serves',
    );
  });
});

describe('jsonBody', () => {
  const post = (type: string | undefined, body: string | Buffer) => {
    const req = request(testApp().app).post('/api/items');
    return type === undefined
      ? req.send(body).unset('content-type')
      : req.set('content-type', type).send(body);
  };

  it('refuses a body that is not JSON, or has no content type, with 415', async () => {
    expectErrorResponse(await post('text/plain', 'hello'), 415, 'unsupported_media_type');
    expectErrorResponse(await post(undefined, Buffer.from('{}')), 415, 'unsupported_media_type');
  });

  it('refuses malformed JSON with 400', async () => {
    expectErrorResponse(await post('application/json', '{"a":'), 400, 'invalid_json');
  });

  it('accepts a body up to its limit and refuses more with 413, naming the limit', async () => {
    const padding = (size: number) => JSON.stringify({ p: 'x'.repeat(size - 8) });
    expect((await post('application/json', padding(1024))).status).toBe(201);
    const response = await post('application/json', padding(1025));
    expectErrorResponse(response, 413, 'payload_too_large');
    expect(response.body.error.message).toBe('the request body is larger than 1 KiB');
  });
});
