import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';

const deps = { service: 'demo-service', version: '1.2.3', isReady: () => true };

describe('createApp', () => {
  it('GET / names the service and its version', async () => {
    const response = await request(createApp(deps)).get('/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ service: 'demo-service', version: '1.2.3' });
  });

  it('GET /healthz answers 200 while the process is alive', async () => {
    const response = await request(createApp(deps)).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when ready and 503 once shutdown began', async () => {
    let ready = true;
    const app = createApp({ ...deps, isReady: () => ready });
    expect((await request(app).get('/readyz')).status).toBe(200);
    ready = false;
    const response = await request(app).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'shutting-down' });
  });

  it('answers an unknown route with a JSON 404 and no x-powered-by header', async () => {
    const response = await request(createApp(deps)).get('/nope');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
