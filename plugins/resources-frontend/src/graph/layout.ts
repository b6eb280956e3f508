import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './toFlow';

/** Above this many nodes the layout runs in a web worker (when the browser has one). */
export const WORKER_THRESHOLD = 150;

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  // root on the left, children to its right
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '20',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

/** A worker that has not answered by then is taken as broken (ELK's API does not report load errors). */
const WORKER_TIMEOUT_MS = 15_000;

/** Something that lays a graph out; the ELK instances below, or a fake in tests. */
export type LayoutEngine = Pick<ELK, 'layout'>;

let mainThreadEngine: Promise<LayoutEngine> | undefined;
let workerEngine: Promise<LayoutEngine> | undefined;

/** ELK on the calling thread, loaded on first use so the tab's first paint does not wait for it. */
function mainThread(): Promise<LayoutEngine> {
  mainThreadEngine ??= import('elkjs/lib/elk.bundled.js').then(module => {
    const Elk = module.default;
    return new Elk();
  });
  return mainThreadEngine;
}

function worker(): Promise<LayoutEngine> {
  workerEngine ??= import('./elkWorker').then(module => module.createWorkerElk());
  return workerEngine;
}

/** Whether a graph of this size is laid out in a worker: large ones, where the browser has `Worker`. */
export function usesWorker(nodeCount: number): boolean {
  return nodeCount > WORKER_THRESHOLD && typeof Worker !== 'undefined';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`layout took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Lays out nodes left to right in layers (ELK `layered`) and returns each node's top-left position.
 * A worker that fails (blocked by a content security policy, say) falls back to the main thread.
 */
export async function layoutGraph(
  nodeIds: readonly string[],
  edges: readonly { source: string; target: string }[],
  engine?: LayoutEngine,
): Promise<Map<string, Point>> {
  const graph: ElkNode = {
    id: '__root__',
    layoutOptions: LAYOUT_OPTIONS,
    children: nodeIds.map(id => ({ id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges.map((edge, i) => ({ id: `e${i}`, sources: [edge.source], targets: [edge.target] })),
  };
  let result: ElkNode;
  if (engine) {
    result = await engine.layout(graph);
  } else if (usesWorker(nodeIds.length)) {
    try {
      result = await withTimeout(worker().then(elk => elk.layout(graph)), WORKER_TIMEOUT_MS);
    } catch {
      result = await (await mainThread()).layout(graph);
    }
  } else {
    result = await (await mainThread()).layout(graph);
  }
  const positions = new Map<string, Point>();
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  }
  return positions;
}
