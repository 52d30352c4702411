import { demoServiceContract } from '@platform/service-contracts';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from './testing/test-app.js';

const JSON_TYPE = /^application\/json; charset=utf-8$/;

/** Every error answers with this shape and a request id. */
function expectError(response: request.Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(JSON_TYPE);
  expect(response.body).toEqual({
    error: { code, message: expect.any(String), requestId: response.headers['x-request-id'] },
  });
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
}

describe('demo-service endpoints', () => {
  it('GET / reports service, version, git SHA and environment', async () => {
    const response = await request(testApp().app).get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(JSON_TYPE);
    expect(response.body).toEqual({
      service: 'demo-service',
      version: '1.2.3',
      gitSha: 'abc1234',
      environment: 'test',
    });
  });

  it('GET /healthz answers 200', async () => {
    const response = await request(testApp().app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200, then 503 from the moment shutdown begins', async () => {
    const { app, lifecycle } = testApp();
    expect((await request(app).get('/readyz')).body).toEqual({ status: 'ready' });
    lifecycle.beginShutdown();
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'shutting-down' });
    expect(response.headers['connection']).toBe('close');
  });

  it.each(['Ada', "O'Brien", 'Jean-Luc Picard', 'Zoë 2', 'x'.repeat(64)])(
    'GET /api/hello greets %j',
    async (name) => {
      const response = await request(testApp().app).get('/api/hello').query({ name });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(JSON_TYPE);
      expect(response.body).toEqual({ message: `Hello, ${name}!` });
    },
  );

  it.each([
    ['a missing name', ''],
    ['an empty name', '?name='],
    ['a name of 65 characters', `?name=${'x'.repeat(65)}`],
    ['markup', '?name=%3Cscript%3E'],
    ['a repeated parameter', '?name=a&name=b'],
    ['a semicolon', '?name=a%3Bb'],
  ])('GET /api/hello rejects %s with 400', async (_case, query) => {
    expectError(await request(testApp().app).get(`/api/hello${query}`), 400, 'invalid_name');
  });

  it('POST /api/echo echoes a JSON body with a server timestamp', async () => {
    const before = Date.now();
    const response = await request(testApp().app)
      .post('/api/echo')
      .send({ a: 1, nested: { b: [true, null] } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(JSON_TYPE);
    expect(response.body.echo).toEqual({ a: 1, nested: { b: [true, null] } });
    expect(Date.parse(response.body.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('POST /api/echo refuses a body that is not JSON with 415', async () => {
    expectError(
      await request(testApp().app)
        .post('/api/echo')
        .set('content-type', 'text/plain')
        .send('hello'),
      415,
      'unsupported_media_type',
    );
  });

  it('POST /api/echo refuses a body without a content type with 415', async () => {
    expectError(
      await request(testApp().app).post('/api/echo').send(Buffer.from('{}')).unset('content-type'),
      415,
      'unsupported_media_type',
    );
  });

  it('POST /api/echo refuses malformed JSON with 400', async () => {
    expectError(
      await request(testApp().app)
        .post('/api/echo')
        .set('content-type', 'application/json')
        .send('{"a":'),
      400,
      'invalid_json',
    );
  });

  it('POST /api/echo accepts 64 KiB and refuses more with 413', async () => {
    const padding = (size: number) => JSON.stringify({ p: 'x'.repeat(size - 8) });
    expect(
      (
        await request(testApp().app)
          .post('/api/echo')
          .set('content-type', 'application/json')
          .send(padding(64 * 1024))
      ).status,
    ).toBe(200);
    expectError(
      await request(testApp().app)
        .post('/api/echo')
        .set('content-type', 'application/json')
        .send(padding(64 * 1024 + 1)),
      413,
      'payload_too_large',
    );
  });

  it('answers an unknown path with a JSON 404', async () => {
    expectError(await request(testApp().app).get('/nope'), 404, 'not_found');
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const response = await request(testApp().app).delete('/api/echo');
    expectError(response, 405, 'method_not_allowed');
    expect(response.headers['allow']).toBe('POST');
    expect((await request(testApp().app).post('/healthz')).headers['allow']).toBe('GET, HEAD');
  });

  it('answers an unexpected error with a generic 500 and logs the stack', async () => {
    const { app, lines, metrics } = testApp();
    metrics.render = () => Promise.reject(new Error('secret internal detail'));
    const response = await request(app).get('/metrics');
    expectError(response, 500, 'internal_error');
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
});

describe('the contract the manifests rely on', () => {
  it('serves liveness, readiness and metrics at the paths of the service contract', async () => {
    const app = testApp().app;
    const paths = [
      demoServiceContract.livenessPath,
      demoServiceContract.readinessPath,
      demoServiceContract.metricsPath,
    ];
    const statuses = await Promise.all(
      paths.map(async (path) => [path, (await request(app).get(path)).status] as const),
    );
    expect(Object.fromEntries(statuses)).toEqual(
      Object.fromEntries(paths.map((path) => [path, 200])),
    );
  });
});
