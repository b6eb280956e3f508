import type { ClusterReader } from '../cluster/types';
import { logTailsWanted } from '../diagnosis/detectors/containers';
import type { LogTail } from '../diagnosis/types';
import type { BuiltTree } from '../tree/buildTree';

/** Pods read per tree, lines and bytes kept per container: evidence in a summary, not a log viewer. */
export const MAX_PODS = 5;
export const MAX_LINES = 20;
export const MAX_BYTES = 4096;
/** One line is cut well below the byte budget, so a single minified JSON line cannot crowd out the rest. */
const MAX_LINE = 1000;

/** The last lines that fit the budgets, newest kept. */
export function boundTail(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const kept: string[] = [];
  let bytes = 0;
  for (const raw of lines.slice(-MAX_LINES).reverse()) {
    const line = raw.length > MAX_LINE ? `${raw.slice(0, MAX_LINE)}…` : raw;
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > MAX_BYTES) break;
    kept.unshift(line);
  }
  return kept;
}

/**
 * The log tails of the tree's crash-looping, OOM-killed and failed containers, by pod node id then container:
 * the evidence a developer would otherwise fetch with `kubectl logs --previous`. At most MAX_PODS pods, in tree
 * order; a log that cannot be read (the container never started, no permission) only means less evidence.
 */
export async function podLogTails(built: BuiltTree, reader: ClusterReader): Promise<Map<string, Map<string, LogTail>>> {
  const wanted = [...built.entries.values()]
    .flatMap(({ node, kind, object, remote }) => {
      if (node.kind !== 'Pod' || node.apiVersion !== 'v1' || remote || !kind || !object || !node.namespace) return [];
      const containers = logTailsWanted(object);
      return containers.length ? [{ id: node.id, kind, namespace: node.namespace, name: node.name, containers }] : [];
    })
    .slice(0, MAX_PODS);
  const out = new Map<string, Map<string, LogTail>>();
  await Promise.all(
    wanted.map(async ({ id, kind, namespace, name, containers }) => {
      const tails = new Map<string, LogTail>();
      for (const { container, previous } of containers) {
        const text = await reader.logs(kind, namespace, name, { container, previous, tailLines: MAX_LINES }).catch(() => undefined);
        if (text !== undefined) tails.set(container, { previous, lines: boundTail(text) });
      }
      if (tails.size) out.set(id, tails);
    }),
  );
  return out;
}
