/**
 * Entry point of the layout web worker: ELK's worker script registers its message handler on `self`
 * when loaded inside a worker. Bundled as its own chunk through `new Worker(new URL(...))`.
 */
import 'elkjs/lib/elk-worker.js';
