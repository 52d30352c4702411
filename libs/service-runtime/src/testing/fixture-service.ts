import { HttpError } from '../http-error.js';
import { jsonBody } from '../json-body.js';
import type { ServiceDefinition } from '../service-definition.js';

/** A small service for the runtime's own tests: an info route, a JSON route, and one that fails. */
export const fixtureService: ServiceDefinition = {
  name: 'fixture-service',
  routes: ({ info }) => [
    { method: 'get', path: '/', handlers: [(_req, res) => void res.json(info)] },
    {
      method: 'post',
      path: '/api/items',
      handlers: [
        ...jsonBody({ limit: '1kb' }),
        (req, res) => void res.status(201).json({ item: req.body as unknown }),
      ],
    },
    {
      method: 'get',
      path: '/api/items/:id',
      handlers: [(req, res) => void res.json({ id: req.params['id'] })],
    },
    {
      method: 'get',
      path: '/api/teapot',
      handlers: [
        () => {
          throw new HttpError(418, 'teapot', 'this route only brews tea');
        },
      ],
    },
    {
      method: 'get',
      path: '/api/crash',
      handlers: [
        () => {
          throw new Error('secret internal detail');
        },
      ],
    },
  ],
};
