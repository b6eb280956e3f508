/** Starts the fleet's server processes (kube-sim) and stops them. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FleetSize } from '@internal/kube-sim/src/bench/fleet';
import { firstMessage, startChild } from './process';
import type { BenchCluster } from './setup';

const SERVE = join(__dirname, '../../../tools/kube-sim/bench/serve.ts');

/** The running server processes and the clusters they serve, in cluster order. */
export interface Servers {
  clusters: BenchCluster[];
  stop(): void;
}

/** Spreads the fleet's clusters over `processes` server processes (round robin) and waits until all are loaded. */
export async function startServers(fleet: FleetSize, seed: number, processes: number): Promise<Servers> {
  const indices = Array.from({ length: fleet.clusters }, (_, i) => i);
  const groups = Array.from({ length: Math.min(processes, fleet.clusters) }, (_, p) => indices.filter(i => i % processes === p));
  const children: ChildProcess[] = groups.map(g => startChild(SERVE, [fleet.name, String(seed), g.join(',')], { execArgv: ['--max-old-space-size=8192'] }));
  const stop = () => children.forEach(c => c.connected && c.disconnect());
  try {
    const reports = await Promise.all(children.map((c, i) => firstMessage<{ clusters: BenchCluster[] }>(c, `server process ${i + 1}`)));
    const clusters = reports.flatMap(r => r.clusters).sort((a, b) => a.index - b.index);
    return { clusters, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
