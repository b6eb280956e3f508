import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { clusterAuthHeaders } from '@kube-platform/plugin-kubernetes-node';
import express from 'express';
import Router from 'express-promise-router';
import type { Caller } from './cluster/types';
import type { ResourcesService } from './service/ResourcesService';

function optionalQuery(req: express.Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 253) throw new InputError(`query parameter ${name} must be given once, and short`);
  return value;
}

function queryString(req: express.Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || value === '') throw new InputError(`query parameter ${name} is required, once`);
  if (value.length > 1000) throw new InputError(`query parameter ${name} is too long`);
  return value;
}

/**
 * The HTTP surface: `GET /v1/tree` and `GET /v1/node`. Only reads the caller's credentials and query;
 * authorisation and everything else is the service's.
 */
export function createRouter(options: { httpAuth: HttpAuthService; service: ResourcesService }): express.Router {
  const { httpAuth, service } = options;
  const router = Router();
  router.use(express.json());

  const callerOf = async (req: express.Request): Promise<Caller> => {
    const headers = clusterAuthHeaders(req.headers);
    return {
      credentials: await httpAuth.credentials(req, { allow: ['user', 'service'] }),
      ...(Object.keys(headers).length ? { clusterAuthHeaders: headers } : {}),
    };
  };

  router.get('/v1/tree', async (req, res) => {
    const caller = await callerOf(req);
    res.json(await service.tree(queryString(req, 'entityRef'), caller));
  });

  router.get('/v1/node', async (req, res) => {
    const caller = await callerOf(req);
    const logs = { container: optionalQuery(req, 'container'), previous: optionalQuery(req, 'previous'), tailLines: optionalQuery(req, 'tailLines') };
    res.json(await service.node(queryString(req, 'entityRef'), queryString(req, 'nodeId'), queryString(req, 'view'), caller, logs));
  });

  return router;
}
