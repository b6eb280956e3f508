/**
 * Measurement process: the production provider (KubernetesEntityProvider with the direct cluster source
 * and the watcher the module wires) against the served fleet. First sync, a second sync over the
 * unchanged fleet, then change latency through the provider's watches.
 *   argv: <setup.json> <latency rounds>
 */
import { ConfigReader } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesEntityProvider, readIngestorConfig } from '../src';
import { clusterSource, kindWatcher } from '../src/provider/sources';
import { measureChangeLatency, type LatencyResult } from './changeLatency';
import { changedEntities } from '@internal/kube-sim/src/bench/changes';
import { BenchConnection } from './connection';
import { report, runMain } from './process';
import { cpuSecondsSince, peakRssMb, readSetup } from './setup';
import { TrafficCounter, type Traffic } from './traffic';
import { waitUntilQuiet, type Settled } from './settle';

/** What the sync measurement reports. */
export interface SyncReport {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  traffic: Traffic;
  entities: number;
  objectsListed: number;
  failures: string[];
  steadyCpuS: number;
  steadyWallS: number;
  steadyChanged: number;
  /** Objects the steady cycle listed: kinds a live watch follows are not listed again. */
  steadyObjectsListed: number;
  latency: LatencyResult;
  /** Between the first sync and the steady cycle: the watches' start-up, until the process was quiet. */
  watchStart: Settled;
}

/** Warnings and errors go to stderr (a failing benchmark should say why); info and debug are dropped. */
function quietLogger(): LoggerService {
  const logger: LoggerService = {
    error: message => process.stderr.write(`[sync] error: ${message}\n`),
    warn: message => process.stderr.write(`[sync] warn: ${message}\n`),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

runMain(async () => {
  const [setupFile, roundsText] = process.argv.slice(2);
  const setup = readSetup(setupFile);
  const traffic = new TrafficCounter();
  const config = readIngestorConfig(new ConfigReader({ kubernetesIngestor: { clusters: { source: 'direct', kubeconfig: setup.kubeconfig } } }));
  const logger = quietLogger();
  // Wired as the module wires it.
  const provider = new KubernetesEntityProvider({ config, logger, clusters: clusterSource(config), watcher: kindWatcher(config, logger), followWatchedKinds: true });
  const connection = new BenchConnection();
  await provider.connect(connection);

  global.gc?.();
  traffic.start();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await provider.refresh();
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = cpuSecondsSince(cpu0);
  const rss = peakRssMb();
  const first = traffic.read();
  const firstEntities = connection.lastFull;
  process.stderr.write(`[sync] first sync: ${wallS.toFixed(1)} s, ${summary.entitiesEmitted} entities\n`);

  // The first refresh started watches; let them connect before the steady cycle is timed (their
  // start-up is reported on its own).
  const watchStart = await waitUntilQuiet(2000, 120_000);
  global.gc?.();
  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  const steady = await provider.refresh();
  const steadyWallS = (performance.now() - t1) / 1000;
  const steadyCpuS = cpuSecondsSince(cpu1);
  const steadyChanged = changedEntities(firstEntities, connection.lastFull);

  process.stderr.write(`[sync] steady cycle: ${steadyWallS.toFixed(1)} s, ${steadyChanged} entities changed\n`);
  await new Promise(r => setTimeout(r, 2000));
  const latency = await measureChangeLatency(connection, setup.clusters[0], Number(roundsText));
  provider.stop();

  const failures = [
    ...summary.clustersFailed.map(f => `${f.cluster}: ${f.error}`),
    ...summary.kindsFailed.map(f => `${f.cluster} ${f.kind}: ${f.error}`),
  ];
  const result: SyncReport = { wallS, cpuS, peakRssMb: rss, traffic: first, entities: summary.entitiesEmitted, objectsListed: summary.objectsListed, failures, steadyCpuS, steadyWallS, steadyChanged, steadyObjectsListed: steady.objectsListed, latency, watchStart };
  report(result);
});
