/**
 * Ingestor benchmark: one full sync over a simulated fleet, through the same code the provider runs
 * (HTTPS, pagination, discovery, mapping). Prints figures; asserts nothing.
 *   BENCH_CLUSTERS (default 10), BENCH_WORKLOADS per cluster (default 2000)
 */
import { ConfigReader } from '@backstage/config';
import { KubeSimFleet, type KubeObject } from '@internal/kube-sim';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readIngestorConfig } from '../src/config/readConfig';
import { Ingestion } from '../src/provider/ingestion';
import { clusterSource } from '../src/provider/sources';

const CLUSTERS = Number(process.env.BENCH_CLUSTERS ?? 10);
const WORKLOADS = Number(process.env.BENCH_WORKLOADS ?? 2000);
const NAMESPACES = 20;

function workload(i: number): KubeObject {
  const kind = i % 10 === 0 ? 'StatefulSet' : 'Deployment';
  const name = `svc-${i}`;
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: {
      name,
      namespace: `team-${i % NAMESPACES}`,
      labels: { 'app.kubernetes.io/name': name },
      annotations: { 'kube-platform.io/owner': `group:default/team-${i % NAMESPACES}`, 'kubectl.kubernetes.io/last-applied-configuration': '{"big":"noise"}' },
    },
    spec: { replicas: 2, selector: { matchLabels: { 'app.kubernetes.io/name': name } }, template: { metadata: { labels: { 'app.kubernetes.io/name': name } }, spec: { containers: [{ name: 'main', image: `registry.example.org/${name}:1.0` }] } } },
    status: { replicas: 2, readyReplicas: 2 },
  };
}

async function main(): Promise<void> {
  const fleet = await KubeSimFleet.start(CLUSTERS, { name: 'bench' });
  for (const sim of fleet.clusters) {
    sim.apply(Array.from({ length: NAMESPACES }, (_, i) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${i}` } })));
    for (let i = 0; i < WORKLOADS; i++) sim.cluster.apply(workload(i));
  }
  const kubeconfig = fleet.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'bench-')), 'kubeconfig'));
  const config = readIngestorConfig(new ConfigReader({ kubernetesIngestor: { clusters: { source: 'direct', kubeconfig } } }));
  const ingestion = new Ingestion(config, clusterSource(config));

  const requestsBefore = fleet.clusters.reduce((n, c) => n + c.requests.length, 0);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const first = await ingestion.sync();
  const heapAfter = process.memoryUsage().heapUsed;
  const requests = fleet.clusters.reduce((n, c) => n + c.requests.length, 0) - requestsBefore;
  const second = await ingestion.sync();
  await fleet.stop();

  const s = first.summary;
  console.log(`ingestor sync benchmark (Node ${process.version}, ${CLUSTERS} clusters x ${WORKLOADS} workloads, HTTPS, page size ${config.clusters.pageSize})`);
  console.log(`  first sync:        ${(s.durationMs / 1000).toFixed(2)} s; objects listed ${s.objectsListed}; entities ${s.entitiesEmitted}`);
  console.log(`  second sync:       ${(second.summary.durationMs / 1000).toFixed(2)} s (unchanged fleet)`);
  console.log(`  requests:          ${requests} for one sync (${(requests / CLUSTERS).toFixed(1)} per cluster: linear in clusters)`);
  console.log(`  heap growth:       ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(0)} MiB after the first sync${global.gc ? '' : ' (run with --expose-gc for a settled figure)'}`);
  console.log(`  identical output:  ${JSON.stringify(first.emission.entities) === JSON.stringify(second.emission.entities)}`);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
