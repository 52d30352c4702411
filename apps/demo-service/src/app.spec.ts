import { expectErrorResponse as expectError, testService } from '@platform/service-runtime/testing';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { greetingFrom } from './routes.js';
import { service } from './service.js';

const JSON_TYPE = /^application\/json; charset=utf-8$/;
const testApp = () => testService(service);

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

  it('answers another method on its paths with 405 and Allow', async () => {
    const response = await request(testApp().app).delete('/api/echo');
    expectError(response, 405, 'method_not_allowed');
    expect(response.headers['allow']).toBe('POST');
  });
});

describe('the greeting from configuration', () => {
  it('is GREETING when set, Hello otherwise', () => {
    expect(greetingFrom({ GREETING: 'Bonjour' })).toBe('Bonjour');
    expect(greetingFrom({})).toBe('Hello');
  });

  it('stops the start-up on a bad value, naming it', () => {
    expect(() => greetingFrom({ GREETING: '<b>hi</b>' })).toThrow(
      'GREETING "<b>hi</b>" must be 1-32 letters or spaces',
    );
  });
});
