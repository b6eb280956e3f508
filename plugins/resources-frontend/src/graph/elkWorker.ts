import ElkApi from 'elkjs/lib/elk-api';
import type { ELK } from 'elkjs/lib/elk-api';

/**
 * ELK running in a web worker. Only imported where `Worker` exists (never under Jest): the bundler turns
 * `new Worker(new URL(...))` into a separate worker chunk.
 */
export function createWorkerElk(): ELK {
  return new ElkApi({
    workerFactory: () => new Worker(new URL('elkjs/lib/elk-worker.min.js', import.meta.url)),
  });
}
