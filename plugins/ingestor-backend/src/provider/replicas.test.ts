import { mockCredentials } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { dropDatabases, startCatalogBackend } from '../integration/__testUtils__/postgresBackend';

// Two backends on one PostgreSQL, both running the module: the scheduler's global lock, identical
// entities and stable refs must leave one copy of every entity and nothing flapping.
const PREFIX = `ingestor_replicas_${process.pid}_`;

type CatalogEntity = { kind: string; metadata: { name: string; namespace: string; etag: string } };

async function components(server: Parameters<typeof request>[0]): Promise<CatalogEntity[]> {
  const res = await request(server).get('/api/catalog/entities?filter=kind=component').set('Authorization', mockCredentials.user.header());
  return res.status === 200 ? (res.body as CatalogEntity[]) : [];
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

describe('two backend replicas on one PostgreSQL', () => {
  let sim: KubeSim;
  afterAll(async () => {
    await sim?.stop();
    await dropDatabases(PREFIX);
  });

  it('emit each entity once and keep it stable across both replicas’ cycles', async () => {
    sim = await KubeSim.start();
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    const deploy = (name: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'shop' },
      spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'x' }] } } },
    });
    sim.apply([deploy('web'), deploy('api'), deploy('worker')]);
    const kubeconfig = sim.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'replicas-')), 'kubeconfig'));
    const config = {
      kubernetesIngestor: {
        clusters: { source: 'direct', kubeconfig },
        schedule: { frequency: { seconds: 2 }, timeout: { seconds: 30 } },
      },
    };
    const start = () => startCatalogBackend(PREFIX, config);
    const a = await start();
    const b = await start();
    try {
      const names = (list: CatalogEntity[]) => list.map(e => e.metadata.name).sort();
      await until(() => components(a.server), list => list.length === 3);
      expect(names(await components(b.server))).toEqual(['api.shop', 'web.shop', 'worker.shop']);

      // A change reaches the catalog once, whichever replica sees it first.
      sim.apply(deploy('billing'));
      sim.delete('apps/v1', 'Deployment', 'worker', 'shop');
      await until(() => components(b.server), list => names(list).join() === 'api.shop,billing.shop,web.shop');

      // Several cycles of both replicas later: same entities, same etags (nothing rewritten).
      const before = await components(a.server);
      await new Promise(r => setTimeout(r, 7000));
      const after = await components(b.server);
      expect(after.map(e => [e.metadata.name, e.metadata.etag]).sort()).toEqual(before.map(e => [e.metadata.name, e.metadata.etag]).sort());
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 120_000);
});
