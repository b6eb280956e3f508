import { readFileSync } from 'node:fs';
import type { FleetSize, ServedCluster } from '@internal/kube-sim/src/bench/fleet';

/** A cluster served by a benchmark server process (kube-sim's bench/serve.ts reports them). */
export type BenchCluster = ServedCluster;

/** What every measurement process is given (as a JSON file): the fleet and where it is served. */
export interface BenchSetup {
  fleet: FleetSize;
  seed: number;
  kubeconfig: string;
  clusters: BenchCluster[];
}

export function readSetup(file: string): BenchSetup {
  return JSON.parse(readFileSync(file, 'utf8')) as BenchSetup;
}

/** CPU seconds (user + system) since `from`. */
export function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/** The process's peak resident set so far, in MiB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
