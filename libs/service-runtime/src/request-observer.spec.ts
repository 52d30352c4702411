import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { fixtureService } from './testing/fixture-service.js';
import { testService } from './testing/test-service.js';

const testApp = () => testService(fixtureService);

describe('request ids, access logs and metrics', () => {
  it('keeps a well-formed x-request-id and echoes it', async () => {
    const response = await request(testApp().app).get('/').set('x-request-id', 'req-123:abc.DEF_9');
    expect(response.headers['x-request-id']).toBe('req-123:abc.DEF_9');
  });

  it.each([
    ['with spaces', 'a b'],
    ['too long', 'x'.repeat(129)],
    ['with quotes', 'a"b'],
  ])('replaces an x-request-id %s with a new UUID', async (_case, id) => {
    const response = await request(testApp().app).get('/').set('x-request-id', id);
    expect(response.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('logs one JSON line per request with its id, route template, status and duration', async () => {
    const { app, lines } = testApp();
    await request(app).get('/api/items/42?name=Ada').set('x-request-id', 'trace-1');
    const entry = lines.find((l) => l['requestId'] === 'trace-1');
    expect(entry).toMatchObject({
      level: 'info',
      method: 'GET',
      route: '/api/items/:id',
      path: '/api/items/42',
      status: 200,
      msg: 'request',
    });
    expect(JSON.stringify(entry)).not.toContain('name=Ada');
    expect(lines.find((l) => l['status'] === 404 || l['route'] === 'unmatched')).toBeUndefined();
    expect(typeof entry?.['durationMs']).toBe('number');
  });

  it('chooses the level by status: warn for 4xx, error for 5xx, debug for probes', async () => {
    const { app, lines, metrics } = testApp();
    await request(app).get('/nope').set('x-request-id', 'r404');
    metrics.render = () => Promise.reject(new Error('boom'));
    await request(app).get('/metrics').set('x-request-id', 'r500');
    await request(app).get('/healthz').set('x-request-id', 'rprobe');
    const levelOf = (id: string) =>
      lines.find((l) => l['requestId'] === id && l['status'])?.['level'];
    expect([levelOf('r404'), levelOf('r500'), levelOf('rprobe')]).toEqual([
      'warn',
      'error',
      'debug',
    ]);
  });

  it('puts the request id in every log line of a failed request', async () => {
    const { app, lines, metrics } = testApp();
    metrics.render = () => Promise.reject(new Error('boom'));
    await request(app).get('/metrics').set('x-request-id', 'r-fail');
    const related = lines.filter((l) => l['msg'] === 'unhandled error' || l['status'] === 500);
    expect(related).toHaveLength(2);
    expect(related.every((l) => l['requestId'] === 'r-fail')).toBe(true);
  });

  it('never logs bodies or authorization headers', async () => {
    const { app, lines } = testApp();
    await request(app)
      .post('/api/items')
      .set('authorization', 'Bearer s3cret-token')
      .send({ password: 'hunter2' });
    const text = JSON.stringify(lines);
    expect(text).not.toContain('s3cret-token');
    expect(text).not.toContain('hunter2');
  });

  it('exposes Prometheus metrics by route template, never by raw path', async () => {
    const { app } = testApp();
    await request(app).get('/api/items/67890?name=Ada');
    await request(app).get('/api/items/24680?name=Bob');
    await request(app).get('/no/such/path/12345');
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toMatch(
      /^http_request_duration_seconds_count\{service="fixture-service",method="GET",route="\/api\/items\/:id",status_code="200"\} 2$/m,
    );
    expect(response.text).toMatch(/route="unmatched",status_code="404"/);
    // In the labels only: a process metric's value may happen to hold these digits.
    const labels = [...response.text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).join('\n');
    expect(labels).not.toMatch(/12345|67890|24680/);
    expect(response.text).not.toContain('name=Ada');
    expect(response.text).toMatch(
      /^process_resident_memory_bytes\{service="fixture-service"\} \d+/m,
    );
    expect(response.text).toMatch(/^nodejs_eventloop_lag_seconds/m);
  });
});
