import { KubeConfig } from '@kubernetes/client-node';
import { request } from 'node:https';
import { KubeSim } from '..';
import { call, watch } from './http';

const LIST_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const OBJECT_ACCEPT = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

const deployment = (name: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'meta', labels: { app: name }, annotations: { owner: 'team-a' } },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'nginx' }] } } },
  status: { replicas: 1 },
});

describe('metadata-only reads (PartialObjectMetadata), as a real API server serves them', () => {
  let sim: KubeSim;
  const path = '/apis/apps/v1/namespaces/meta/deployments';
  beforeAll(async () => {
    sim = await KubeSim.start({ tls: false, bookmarkIntervalMs: 100 });
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'meta' } });
    sim.apply(['a', 'b', 'c'].map(deployment));
  });
  afterAll(() => sim.stop());

  it('answers a list with a PartialObjectMetadataList whose items carry only apiVersion, kind and metadata', async () => {
    const res = await call(sim, 'GET', path, { accept: LIST_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(LIST_ACCEPT);
    expect(res.json).toMatchObject({ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadataList' });
    expect(res.json.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(res.json.items).toHaveLength(3);
    for (const item of res.json.items) {
      expect(Object.keys(item).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
      expect(item).toMatchObject({ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata' });
    }
    expect(res.json.items[0].metadata).toMatchObject({ name: 'a', namespace: 'meta', labels: { app: 'a' }, annotations: { owner: 'team-a' } });
    expect(res.json.items[0].metadata.uid).toBeTruthy();
  });

  it('paginates metadata-only lists with limit and continue', async () => {
    const first = await call(sim, 'GET', `${path}?limit=2`, { accept: LIST_ACCEPT });
    expect(first.json.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['a', 'b']);
    const token = first.json.metadata.continue;
    expect(token).toBeTruthy();
    const second = await call(sim, 'GET', `${path}?limit=2&continue=${encodeURIComponent(token)}`, { accept: LIST_ACCEPT });
    expect(second.json.kind).toBe('PartialObjectMetadataList');
    expect(second.json.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['c']);
    expect(second.json.metadata.continue).toBeUndefined();
  });

  it('answers a get with a PartialObjectMetadata', async () => {
    const res = await call(sim, 'GET', `${path}/b`, { accept: OBJECT_ACCEPT });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: expect.objectContaining({ name: 'b' }) });
  });

  it('streams watch events whose objects are PartialObjectMetadata', async () => {
    const rv = (await call(sim, 'GET', path, { accept: LIST_ACCEPT })).json.metadata.resourceVersion;
    const w = await watch(sim, `${path}?watch=1&resourceVersion=${rv}`, { accept: OBJECT_ACCEPT });
    sim.apply(deployment('d'));
    sim.delete('apps/v1', 'Deployment', 'd', 'meta');
    await w.until(ev => ev.length >= 2);
    w.close();
    expect(w.events.map(e => `${e.type} ${e.object.kind} ${e.object.metadata.name}`)).toEqual(['ADDED PartialObjectMetadata d', 'DELETED PartialObjectMetadata d']);
    expect(w.events[0].object.spec).toBeUndefined();
  });

  it('takes the first range it can serve: whole objects when plain JSON comes first, metadata when it comes first', async () => {
    const plainFirst = await call(sim, 'GET', path, { accept: `application/json, ${LIST_ACCEPT}` });
    expect(plainFirst.json.kind).toBe('DeploymentList');
    expect(plainFirst.json.items[0].spec).toBeDefined();
    const metaFirst = await call(sim, 'GET', path, { accept: `${LIST_ACCEPT}, application/json` });
    expect(metaFirst.json.kind).toBe('PartialObjectMetadataList');
  });

  it('still answers a Table when a Table is asked for', async () => {
    const res = await call(sim, 'GET', path, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(res.json.kind).toBe('Table');
  });

  it('answers 406 NotAcceptable when no range can be served (the object form on a list, an unknown kind, another media type)', async () => {
    for (const accept of [OBJECT_ACCEPT, 'application/json;as=Nonsense;g=meta.k8s.io;v=v1', 'text/html']) {
      const res = await call(sim, 'GET', path, { accept });
      expect(res.status).toBe(406);
      expect(res.json).toMatchObject({ kind: 'Status', reason: 'NotAcceptable', code: 406 });
    }
    const get = await call(sim, 'GET', `${path}/a`, { accept: LIST_ACCEPT });
    expect(get.status).toBe(406);
  });
});

describe('metadata-only lists through @kubernetes/client-node (a raw request authenticated by its KubeConfig)', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start();
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'meta' } });
    sim.apply(deployment('x'));
  });
  afterAll(() => sim.stop());

  it('reads a PartialObjectMetadataList over HTTPS with the token and CA the KubeConfig applies', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    const url = new URL('/apis/apps/v1/deployments?limit=500', kc.getCurrentCluster()!.server);
    const opts: { headers: Record<string, string> } & Record<string, unknown> = { headers: { accept: LIST_ACCEPT } };
    await kc.applyToHTTPSOptions(opts);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(url, opts, res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    const list = JSON.parse(body);
    expect(list.kind).toBe('PartialObjectMetadataList');
    expect(list.items).toEqual([{ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: expect.objectContaining({ name: 'x', namespace: 'meta' }) }]);
  });
});
