import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { API_SECURITY_HEADERS, staticSecurityHeaders } from './security-headers.js';

describe('staticSecurityHeaders', () => {
  it('equals what helmet sets on a real response with the same options', async () => {
    const app = express();
    app.use(helmet(API_SECURITY_HEADERS));
    app.get('/', (_req, res) => void res.end());
    const response = await request(app).get('/');
    const fromHelmet = Object.fromEntries(
      staticSecurityHeaders().map(([name]) => [
        name.toLowerCase(),
        response.headers[name.toLowerCase()],
      ]),
    );
    expect(
      Object.fromEntries(
        staticSecurityHeaders().map(([name, value]) => [name.toLowerCase(), value]),
      ),
    ).toEqual(fromHelmet);
    expect(staticSecurityHeaders()).toHaveLength(5);
  });
});
