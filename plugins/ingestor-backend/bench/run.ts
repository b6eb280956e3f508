/**
 * `npm run bench`: generates a fleet from a seed, serves it from kube-sim in separate processes, and
 * measures the production ingestor against it, each measurement in a fresh process. Prints a table and
 * one JSON line per metric, writes the lines to .cache/bench/results.jsonl, and exits 0 whatever the
 * verdicts (figures depend on the machine; tests never assert them).
 *
 *   npm run bench [-- --fleet tiny|quick|full] [--full] [--seed N] [--server-processes N] [--rounds N] [--catalog]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLEETS, type FleetSize } from '@internal/kube-sim/src/bench/fleet';
import { jsonLine, table, type Metric } from '@internal/kube-sim/src/bench/metrics';
import { buildKubeconfig } from '@internal/kube-sim/src/kubeconfig';
import { measure } from './process';
import { catalogMetrics, CORPUS_METRICS, corpusMetrics, SYNC_METRICS, syncMetrics, treeMetrics, unmeasured } from './report';
import { startServers } from './servers';
import type { BenchSetup } from './setup';
import type { SyncReport } from './measureSync';
import type { LimitReport } from './measureLimit';
import type { CorpusReport } from './measureCorpus';
import type { TreeReport } from './measureTree';
import type { CatalogReport } from './measureCatalog';

const ROOT = join(__dirname, '../../..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fleetFromArgs(): FleetSize {
  const name = process.argv.includes('--full') ? 'full' : option('fleet') ?? 'quick';
  const fleet = FLEETS[name as keyof typeof FLEETS];
  if (!fleet) throw new Error(`--fleet must be one of ${Object.keys(FLEETS).join(', ')}`);
  return fleet;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<void> {
  const fleet = fleetFromArgs();
  const seed = Number(option('seed') ?? 1);
  const rounds = Number(option('rounds') ?? 3);
  const serverProcesses = Number(option('server-processes') ?? 2);
  const work = mkdtempSync(join(tmpdir(), 'kube-bench-'));
  const here = (f: string) => join(__dirname, f);

  log(`fleet ${fleet.name} (seed ${seed}): ${fleet.clusters} clusters x ${fleet.workloads} workloads + ${fleet.claims} claims x ${fleet.composedPerClaim} composed + ${fleet.xrds} XRDs`);
  const started = performance.now();
  const servers = await startServers(fleet, seed, serverProcesses);
  const metrics: Metric[] = [];
  let entities: number | undefined;
  try {
    log(`${servers.clusters.reduce((n, c) => n + c.objects, 0)} objects served by ${serverProcesses} processes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const kubeconfig = join(work, 'kubeconfig');
    writeFileSync(kubeconfig, buildKubeconfig(servers.clusters.map(c => ({ name: c.name, server: c.url, caPem: c.caPem, token: c.token }))));
    const setup: BenchSetup = { fleet, seed, kubeconfig, clusters: servers.clusters };
    const setupFile = join(work, 'setup.json');
    writeFileSync(setupFile, JSON.stringify(setup));

    try {
      log('full sync, steady cycle and change latency (production provider)');
      // The two processes whose peak RSS is compared run compiled (compile.ts says why).
      const compiled = { compiledInto: join(work, 'compiled') };
      const sync = await measure<SyncReport>(here('measureSync.ts'), [setupFile, String(rounds)], 'sync measurement', compiled);
      const listsFile = join(work, 'lists.json');
      writeFileSync(listsFile, JSON.stringify(sync.traffic.requested));
      log('limit: the same lists with client-node, whole objects, JSON.parse only');
      const limit = await measure<LimitReport>(here('measureLimit.ts'), [setupFile, listsFile], 'limit measurement', compiled);
      log('the same lists, metadata only (PartialObjectMetadataList), for reference');
      const metadataLimit = await measure<LimitReport>(here('measureLimit.ts'), [setupFile, listsFile, 'metadata'], 'metadata limit measurement', compiled);
      metrics.push(...syncMetrics(fleet.name, sync, limit, metadataLimit));
      entities = sync.entities;
    } catch (err) {
      // One failed measurement must not hide the others: its metrics are reported unmeasured, with why.
      metrics.push(...unmeasured(SYNC_METRICS, fleet.name, (err as Error).message));
    }
    log('resource tree of the 200-resource claim');
    const tree = await measure<TreeReport>(here('measureTree.ts'), [setupFile], 'tree measurement').catch((err: Error) => ({ error: err.message }) as TreeReport);
    metrics.push(...treeMetrics(fleet.name, tree));
    if (process.argv.includes('--catalog')) {
      log('the full mutation in a catalog backend on PostgreSQL, until every entity is processed');
      const catalog = entities === undefined
        ? { error: 'the sync measurement failed, so the number of entities to wait for is unknown' }
        : await measure<CatalogReport>(here('measureCatalog.ts'), [setupFile, String(entities)], 'catalog measurement').catch((err: Error) => ({ error: err.message }));
      metrics.push(...catalogMetrics(fleet.name, catalog));
    }
  } finally {
    servers.stop();
  }
  log('template conversion of the shared corpus');
  try {
    const corpus = await measure<CorpusReport>(here('measureCorpus.ts'), [], 'corpus measurement');
    metrics.push(...corpusMetrics(fleet.name, corpus));
  } catch (err) {
    metrics.push(...unmeasured(CORPUS_METRICS, fleet.name, (err as Error).message));
  }

  process.stdout.write(`\n${table(metrics)}\n\n`);
  const lines = metrics.map(jsonLine);
  process.stdout.write(`${lines.join('\n')}\n`);
  const dir = join(ROOT, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.jsonl'), `${lines.join('\n')}\n`);
  log(`results written to ${join(dir, 'results.jsonl')}`);
}

main().catch(err => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = 1;
});
