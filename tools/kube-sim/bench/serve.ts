/**
 * A benchmark server process: serves some clusters of a generated fleet from kube-sim, so their CPU is
 * never charged to the process being measured. Started by the benchmark with IPC; it reports
 * `{ ready, clusters }` once loaded and exits when the benchmark disconnects.
 *
 *   argv: <fleet name> <seed> <cluster index>[,<cluster index>...]
 */
import { KubeSim } from '../src';
import { clusterName, clusterObjects, FLEETS, type FleetSize, type ServedCluster } from '../src/bench/fleet';

async function main(): Promise<void> {
  const [fleetName, seedText, indices] = process.argv.slice(2);
  const size: FleetSize | undefined = FLEETS[fleetName as keyof typeof FLEETS];
  if (!size || !indices) throw new Error('usage: serve.ts <tiny|quick|full> <seed> <index>[,<index>...]');
  const seed = Number(seedText);
  const sims: KubeSim[] = [];
  const served: ServedCluster[] = [];
  for (const index of indices.split(',').map(Number)) {
    // A history long enough that the benchmark's watches never see 410 Gone while it makes changes.
    const sim = await KubeSim.start({ name: clusterName(index), eventLogSize: 5_000 });
    const objects = clusterObjects(size, seed, index);
    for (const o of objects) sim.cluster.apply(o);
    sims.push(sim);
    served.push({ index, name: sim.name, url: sim.url, caPem: sim.caPem, token: sim.adminToken, objects: objects.length });
  }
  process.send?.({ ready: true, clusters: served });
  process.on('disconnect', () => {
    Promise.all(sims.map(s => s.stop())).finally(() => process.exit(0));
  });
}

main().catch(err => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
