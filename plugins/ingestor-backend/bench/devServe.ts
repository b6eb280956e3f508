/**
 * Development aid: serves a fleet and writes its setup file, then waits, so one measurement process
 * (e.g. measureSync.ts under --cpu-prof) can be run again and again against the same servers.
 *   argv: <fleet> <setup.json>
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FLEETS } from '@internal/kube-sim/src/bench/fleet';
import { buildKubeconfig } from '@internal/kube-sim/src/kubeconfig';
import { startServers } from './servers';
import type { BenchSetup } from './setup';

async function main(): Promise<void> {
  const [name, setupFile] = process.argv.slice(2);
  const fleet = FLEETS[name as keyof typeof FLEETS];
  const servers = await startServers(fleet, 1, 2);
  const kubeconfig = join(dirname(setupFile), 'kubeconfig');
  writeFileSync(kubeconfig, buildKubeconfig(servers.clusters.map(c => ({ name: c.name, server: c.url, caPem: c.caPem, token: c.token }))));
  const setup: BenchSetup = { fleet, seed: 1, kubeconfig, clusters: servers.clusters };
  writeFileSync(setupFile, JSON.stringify(setup));
  process.stderr.write(`serving ${fleet.name}; setup in ${setupFile}\n`);
  process.on('SIGTERM', () => { servers.stop(); process.exit(0); });
  await new Promise(() => {});
}
main().catch(err => { process.stderr.write(`${(err as Error).stack}\n`); process.exit(1); });
