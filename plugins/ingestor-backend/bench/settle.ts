import { cpuSecondsSince } from './setup';

/** What waiting for the process to go quiet cost: the wall and CPU time of the start-up work it let finish. */
export interface Settled {
  wallS: number;
  cpuS: number;
  /** False when `maxMs` passed first: the steady cycle is then measured while start-up work still runs. */
  quiet: boolean;
}

/**
 * Waits until the process is quiet: a window of `windowMs` in which it used less than `quietShare` of one
 * core. After the first sync, the provider starts one watch per cluster and kind (6,000 at the full
 * fleet, each a TLS connection); a fixed pause measured their start-up as part of the steady cycle.
 */
export async function waitUntilQuiet(minMs: number, maxMs: number, windowMs = 1000, quietShare = 0.1): Promise<Settled> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise(r => setTimeout(r, minMs));
  for (;;) {
    const window = process.cpuUsage();
    await new Promise(r => setTimeout(r, windowMs));
    const quiet = cpuSecondsSince(window) < quietShare * (windowMs / 1000);
    const wallMs = performance.now() - t0;
    if (quiet || wallMs >= maxMs) return { wallS: wallMs / 1000, cpuS: cpuSecondsSince(cpu0), quiet };
  }
}
