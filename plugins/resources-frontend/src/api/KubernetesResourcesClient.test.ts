import { KubernetesResourcesClient } from './KubernetesResourcesClient';
import { NotAllowedError, ResourcesApiError } from './errors';

function response(status: number, body: string, statusText = ''): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    text: async () => body,
    json: async () => JSON.parse(body),
  } as Response;
}

function client(answer: Response) {
  const fetch = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => answer);
  const discoveryApi = { getBaseUrl: jest.fn(async (id: string) => `http://backstage/api/${id}`) };
  return { fetch, client: new KubernetesResourcesClient({ discoveryApi, fetchApi: { fetch } }) };
}

describe('KubernetesResourcesClient', () => {
  it('reads the tree from the discovered base URL with the entity ref encoded', async () => {
    const { fetch, client: c } = client(response(200, JSON.stringify({ root: 'a' })));
    await expect(c.getTree('resource:prod/orders-db.team payments')).resolves.toEqual({ root: 'a' });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage/api/kubernetes-resources/v1/tree?entityRef=resource%3Aprod%2Forders-db.team+payments',
    );
  });

  it('asks for a node view with the node id and view', async () => {
    const { fetch, client: c } = client(response(200, JSON.stringify({ view: 'yaml', nodeId: 'n&1', yaml: 'a: 1' })));
    const details = await c.getNodeDetails('component:a/b', 'n&1', 'yaml');
    expect(details.yaml).toBe('a: 1');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage/api/kubernetes-resources/v1/node?entityRef=component%3Aa%2Fb&nodeId=n%261&view=yaml',
    );
  });

  it('passes container and previous for logs only', async () => {
    const answer = JSON.stringify({ view: 'logs', nodeId: 'p', container: 'app', previous: true, lines: ['boom'] });
    const { fetch, client: c } = client(response(200, answer));
    await c.getNodeDetails('component:a/b', 'p', 'logs', { container: 'app', previous: true });
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backstage/api/kubernetes-resources/v1/node?entityRef=component%3Aa%2Fb&nodeId=p&view=logs&container=app&previous=true',
    );
    await c.getNodeDetails('component:a/b', 'p', 'yaml', { container: 'app', previous: true });
    expect(fetch.mock.calls[1][0]).toBe(
      'http://backstage/api/kubernetes-resources/v1/node?entityRef=component%3Aa%2Fb&nodeId=p&view=yaml',
    );
  });

  it('turns a 403 into NotAllowedError carrying the server message', async () => {
    const body = JSON.stringify({ error: { name: 'NotAllowedError', message: 'kubernetes-resources.read denied' } });
    const { client: c } = client(response(403, body, 'Forbidden'));
    const error = await c.getTree('component:a/b').catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe('kubernetes-resources.read denied');
  });

  it('keeps the server message of other errors, and falls back to the status line', async () => {
    const json = await client(response(404, JSON.stringify({ error: { message: 'entity not found' } })))
      .client.getTree('x:y/z')
      .catch(e => e);
    expect(json).toBeInstanceOf(ResourcesApiError);
    expect(json).not.toBeInstanceOf(NotAllowedError);
    expect(json).toMatchObject({ message: 'entity not found', status: 404 });
    const text = await client(response(502, 'upstream down')).client.getTree('x:y/z').catch(e => e);
    expect(text.message).toBe('upstream down');
    const empty = await client(response(500, '', 'Internal Server Error')).client.getTree('x:y/z').catch(e => e);
    expect(empty.message).toBe('Request failed with 500 Internal Server Error');
  });
});
