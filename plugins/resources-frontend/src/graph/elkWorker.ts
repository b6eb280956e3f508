import ElkApi from 'elkjs/lib/elk-api';
import type { ELK } from 'elkjs/lib/elk-api';

/**
 * ELK running in a web worker. Only imported where `Worker` exists (never under Jest). The bundler
 * turns `new Worker(new URL('./elk.worker.ts', import.meta.url))` into a separate worker chunk; a
 * relative URL is used because bundlers do not resolve package names inside `new URL`.
 */
export function createWorkerElk(): ELK {
  return new ElkApi({
    workerFactory: () => new Worker(new URL('./elk.worker.ts', import.meta.url)),
  });
}
