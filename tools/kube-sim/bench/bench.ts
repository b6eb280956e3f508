/**
 * kube-sim benchmark: holds 200,000 objects and serves a 10,000-object list in 500-item pages over
 * HTTPS, as the ingestor will read it. Prints figures; asserts nothing.
 */
import { Agent, request } from 'node:https';
import { KubeSim, type KubeObject } from '../src';

const TOTAL = Number(process.env.BENCH_OBJECTS ?? 200_000);
const DEPLOYMENTS = 10_000;
const NAMESPACES = 100;
const PAGE = 500;

function configMap(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: `ns-${i % NAMESPACES}`, labels: { app: `app-${i % 50}` } },
    data: { key: `value-${i}`, other: 'x'.repeat(64) },
  };
}

function deployment(i: number): KubeObject {
  const app = `svc-${i}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, namespace: `ns-${i % NAMESPACES}`, labels: { app, team: `team-${i % 20}` }, annotations: { 'kube-platform.io/owner': `group:default/team-${i % 20}` } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app } },
      template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'main', image: `registry.example.org/${app}:1.0.${i}`, ports: [{ containerPort: 8080 }] }] } },
    },
    status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 },
  };
}

function get(sim: KubeSim, agent: Agent, path: string): Promise<{ status: number; body: { items: unknown[]; metadata: { continue?: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, sim.url), { agent, ca: sim.caPem, headers: { authorization: `Bearer ${sim.adminToken}`, accept: 'application/json' } }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function pagedList(sim: KubeSim, agent: Agent, base: string): Promise<{ items: number; pages: number; ms: number; pageMs: number[] }> {
  const pageMs: number[] = [];
  let items = 0;
  let token: string | undefined;
  const started = performance.now();
  do {
    const t = performance.now();
    const sep = base.includes('?') ? '&' : '?';
    const res = await get(sim, agent, `${base}${sep}limit=${PAGE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
    if (res.status !== 200) throw new Error(`list answered ${res.status}`);
    pageMs.push(performance.now() - t);
    items += res.body.items.length;
    token = res.body.metadata.continue;
  } while (token);
  return { items, pages: pageMs.length, ms: performance.now() - started, pageMs };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  const sim = await KubeSim.start({ eventLogSize: 20_000 });
  const t0 = performance.now();
  sim.apply(Array.from({ length: NAMESPACES }, (_, i) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } })));
  for (let i = 0; i < DEPLOYMENTS; i++) sim.cluster.apply(deployment(i));
  for (let i = 0; i < TOTAL - DEPLOYMENTS; i++) sim.cluster.apply(configMap(i));
  const loadMs = performance.now() - t0;
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const stored = sim.cluster.store.count();

  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await pagedList(sim, agent, '/apis/apps/v1/deployments'); // warm-up
  const runs = [1, 2, 3].map(() => 0);
  const results = [];
  for (const _ of runs) results.push(await pagedList(sim, agent, '/apis/apps/v1/deployments'));
  const filtered = await pagedList(sim, agent, `/apis/apps/v1/deployments?fieldSelector=${encodeURIComponent('metadata.namespace!=ns-0,metadata.namespace!=ns-1')}&labelSelector=team%3Dteam-3`);
  const big = await pagedList(sim, agent, '/api/v1/configmaps');
  agent.destroy();
  await sim.stop();

  const best = results.reduce((a, b) => (a.ms < b.ms ? a : b));
  const allPages = results.flatMap(r => r.pageMs);
  console.log(`kube-sim benchmark (Node ${process.version}, HTTPS, one keep-alive connection)`);
  console.log(`  objects held:            ${stored} (${DEPLOYMENTS} Deployments, ${TOTAL - DEPLOYMENTS} ConfigMaps, ${NAMESPACES} namespaces)`);
  console.log(`  load time:               ${(loadMs / 1000).toFixed(2)} s (${Math.round(stored / (loadMs / 1000))} objects/s)`);
  console.log(`  heap used by objects:    ${mb(heapAfter - heapBefore)}${global.gc ? '' : ' (approximate: run with --expose-gc for a settled figure)'}`);
  console.log(`  10,000-object list:      ${best.pages} pages of ${PAGE} in ${best.ms.toFixed(0)} ms (best of 3); page p50 ${pct(allPages, 50).toFixed(1)} ms, p95 ${pct(allPages, 95).toFixed(1)} ms`);
  console.log(`  filtered list:           ${filtered.items} items (field + label selector) in ${filtered.ms.toFixed(0)} ms over ${filtered.pages} pages`);
  console.log(`  ${big.items}-object list:      ${big.pages} pages in ${(big.ms / 1000).toFixed(2)} s; page p50 ${pct(big.pageMs, 50).toFixed(1)} ms`);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
