import pLimit from 'p-limit';
import type { NodeRole, ResourceEdge, ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import type { ClusterReader, KubeObject, ServedKind } from '../cluster/types';
import { isSecret, sanitizeObject, secretIdentity } from '../redaction/sanitize';
import { crossplaneFamily } from './families/crossplane';
import { providerKubernetesFamily } from './families/providerKubernetes';
import { workloadsFamily } from './families/workloads';
import type { Family, Found } from './families/types';
import { missingNode, presentNode, unreadableNode } from './nodes';
import { nodeIdOf, refOfObject, scopedNamespace, type ObjectRef } from './refs';

export type { Family } from './families/types';

/** One node of a built tree with what the node endpoints may show of it. */
export interface TreeEntry {
  node: ResourceNode;
  /** Distance from the root; supporting nodes count like children. */
  depth: number;
  /** The object as read, already redacted (no Secret data, no managedFields); absent when missing. */
  object?: KubeObject;
  /** How the object is served in the cluster; absent for remote objects and unserved kinds. */
  kind?: ServedKind;
  /** True for an object outside the cluster, known through a provider-kubernetes Object's status. */
  remote: boolean;
}

/** A tree as the builder leaves it: entries in breadth-first order, root first. */
export interface BuiltTree {
  rootId: string;
  cluster: string;
  entries: Map<string, TreeEntry>;
  edges: ResourceEdge[];
  truncated: boolean;
}

/** Limits of one tree build. */
export interface BuildOptions {
  /** Nodes at most; when reached, the rest is left out and the tree is marked truncated. */
  maxNodes: number;
  /** Cluster requests in flight at once for this tree. */
  concurrency: number;
  /** Child-finding rules; Crossplane, provider-kubernetes and workloads by default. */
  families?: Family[];
  /** Told when a family could not look for an object's children (a LIST refused); the tree goes on without them. */
  onFamilyError?: (node: ResourceNode, error: unknown) => void;
}

const DEFAULT_FAMILIES: Family[] = [crossplaneFamily, providerKubernetesFamily, workloadsFamily];

/** A node's place in the breadth-first order, taken before its object is read. */
const RESERVED: TreeEntry = { node: missingNode('', { apiVersion: '', kind: '', name: '' }, 'child', 'NotFound'), depth: 0, remote: false };

/** From this many siblings of one kind and namespace on, one LIST replaces their GETs. */
const BATCH_MIN = 10;

function redact(obj: KubeObject): KubeObject {
  return isSecret(obj) ? secretIdentity(obj) : sanitizeObject(obj);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : 'the object could not be read';
}

/** Objects one LIST read, by name; `complete` when the LIST was not narrowed, so an absent name is missing. */
interface Batch {
  objects: Map<string, KubeObject>;
  complete: boolean;
}

interface Placed {
  id: string;
  ref: ObjectRef;
  kind?: ServedKind;
  /** Discovery failed for the kind (the cluster did not answer): the node is unknown, not missing. */
  discoveryError?: string;
}

/**
 * Reads the tree below `rootRef` breadth first: every wave's children are found by the kind families,
 * placed in a stable order, then read concurrently (at most `concurrency` requests at once). An object
 * reached twice keeps its first place and gains an edge (so cycles end), and the node cap is a hard limit.
 */
export async function buildTree(source: ClusterReader, rootRef: ObjectRef, options: BuildOptions): Promise<BuiltTree> {
  const limit = pLimit(Math.max(1, options.concurrency));
  // Within one tree, the same LIST (kind, namespace, selectors) is asked once: siblings share it.
  const lists = new Map<string, Promise<KubeObject[]>>();
  const reader: ClusterReader = {
    cluster: source.cluster,
    resolve: (apiVersion, kind) => source.resolve(apiVersion, kind),
    get: (kind, namespace, name) => source.get(kind, namespace, name),
    logs: (pod, namespace, name, opts) => source.logs(pod, namespace, name, opts),
    list: (kind, namespace, opts) => {
      const key = JSON.stringify([kind.apiVersion, kind.kind, namespace ?? '', opts.labelSelector ?? '', opts.fieldSelector ?? '']);
      let hit = lists.get(key);
      if (!hit) {
        hit = limit(() => source.list(kind, namespace, opts));
        lists.set(key, hit);
      }
      return hit;
    },
  };
  const families = options.families ?? DEFAULT_FAMILIES;
  const entries = new Map<string, TreeEntry>();
  const edges: ResourceEdge[] = [];
  const edgeKeys = new Set<string>();
  let truncated = false;

  const addEdge = (from: string, to: string, relation: string) => {
    const key = `${from}\u0000${to}\u0000${relation}`;
    if (edgeKeys.has(key) || from === to) return;
    edgeKeys.add(key);
    edges.push({ from, to, relation });
  };

  const entryOf = (placed: Placed, role: NodeRole, depth: number, obj: KubeObject | undefined): TreeEntry => {
    const { id, ref, kind } = placed;
    if (!obj) return { node: missingNode(id, ref, role, 'NotFound'), depth, ...(kind ? { kind } : {}), remote: false };
    const object = redact(obj);
    return { node: presentNode(id, ref, role, object), depth, object, ...(kind ? { kind } : {}), remote: false };
  };

  const read = async (placed: Placed, role: NodeRole, depth: number, batch?: Promise<Batch | undefined>): Promise<TreeEntry> => {
    const { id, ref, kind } = placed;
    if (placed.discoveryError) return { node: unreadableNode(id, ref, role, placed.discoveryError), depth, remote: false };
    if (!kind) return { node: missingNode(id, ref, role, 'KindNotServed'), depth, remote: false };
    const listed = batch ? await batch : undefined;
    const object = listed?.objects.get(ref.name);
    // Absent from a narrowed LIST proves nothing (the label may be missing): such an object is read by name.
    if (listed && (object || listed.complete)) return entryOf(placed, role, depth, object);
    try {
      return entryOf(placed, role, depth, await limit(() => reader.get(kind, ref.namespace, ref.name)));
    } catch (err) {
      return { node: unreadableNode(id, ref, role, errorText(err)), depth, kind, remote: false };
    }
  };

  const placeRef = async (target: ObjectRef, parentNs: string | undefined): Promise<Placed> => {
    let kind: ServedKind | undefined;
    let discoveryError: string | undefined;
    try {
      kind = await reader.resolve(target.apiVersion, target.kind);
    } catch (err) {
      discoveryError = errorText(err);
    }
    // Without discovery the scope is unknown: the reference's own namespace is the best id there is.
    const namespace = kind ? scopedNamespace(kind, target.namespace, parentNs) : target.namespace;
    const ref: ObjectRef = { apiVersion: target.apiVersion, kind: target.kind, name: target.name, ...(namespace ? { namespace } : {}) };
    return { id: nodeIdOf(ref), ref, ...(kind ? { kind } : {}), ...(discoveryError ? { discoveryError } : {}) };
  };

  const place = async (item: Found, parent: TreeEntry): Promise<Placed> => {
    const parentNs = parent.node.namespace;
    if (item.type === 'object') {
      const ref = refOfObject(item.object, item.kind);
      return { id: nodeIdOf(ref), ref, kind: item.kind };
    }
    if (item.type === 'remote') {
      return { id: nodeIdOf(item.ref, `remote:${parent.node.id}`), ref: item.ref };
    }
    return placeRef(item.ref, parentNs);
  };

  const settle = async (item: Found, placed: Placed, depth: number, batch?: Promise<Batch | undefined>): Promise<TreeEntry> => {
    if (item.type === 'object') {
      const object = redact(item.object);
      return { node: presentNode(placed.id, placed.ref, item.role, object), depth, object, kind: item.kind, remote: false };
    }
    if (item.type === 'remote') {
      if (!item.object) return { node: missingNode(placed.id, placed.ref, 'child', 'NotObserved'), depth, remote: true };
      const object = redact(item.object);
      return { node: presentNode(placed.id, placed.ref, 'child', object), depth, object, remote: true };
    }
    return read(placed, item.role, depth, batch);
  };

  /**
   * Many children of one kind in one namespace (a composite of hundreds of resources) are read with one
   * LIST instead of one GET each. Secrets never: a LIST would bring every Secret's data of the namespace.
   * When all of them share a label selector (one composite's label on what it composes), the LIST is
   * narrowed to it, so a cluster-scoped kind is not listed whole; if ten or more are not in that answer,
   * the whole LIST is read after all. A LIST that fails (no list permission) falls back to GETs.
   */
  const batchesFor = (slots: Array<{ item: Found; placed: Placed }>) => {
    const keyOf = (kind: ServedKind, namespace: string | undefined) => `${kind.apiVersion}\u0000${kind.kind}\u0000${namespace ?? ''}`;
    const groups = new Map<string, { kind: ServedKind; namespace?: string; selectors: Set<string | undefined>; names: string[] }>();
    for (const { item, placed } of slots) {
      if (item.type !== 'ref' || !placed.kind || isSecret(placed.kind)) continue;
      const key = keyOf(placed.kind, placed.ref.namespace);
      const group = groups.get(key) ?? { kind: placed.kind, namespace: placed.ref.namespace, selectors: new Set(), names: [] };
      group.selectors.add(item.siblingSelector);
      group.names.push(placed.ref.name);
      groups.set(key, group);
    }
    const listed = (group: { kind: ServedKind; namespace?: string }, labelSelector?: string) =>
      reader.list(group.kind, group.namespace, labelSelector ? { labelSelector } : {}).then(items => new Map(items.map(o => [o.metadata?.name ?? '', o])));
    const batches = new Map<string, Promise<Batch | undefined>>();
    for (const [key, group] of groups) {
      if (group.names.length < BATCH_MIN) continue;
      // Siblings of several composites (or some without a selector) are read with the whole LIST, as one request.
      const [selector] = group.selectors.size === 1 ? group.selectors : [undefined];
      const batch = selector
        ? listed(group, selector).then(async (objects): Promise<Batch> => {
            const absent = group.names.filter(name => !objects.has(name)).length;
            return absent < BATCH_MIN ? { objects, complete: false } : { objects: await listed(group), complete: true };
          })
        : listed(group).then((objects): Batch => ({ objects, complete: true }));
      batches.set(key, batch.catch(() => undefined));
    }
    return (placed: Placed) => (placed.kind ? batches.get(keyOf(placed.kind, placed.ref.namespace)) : undefined);
  };

  const root = await placeRef(rootRef, undefined);
  const rootEntry = await read(root, 'root', 0);
  entries.set(root.id, rootEntry);

  const expandable = (e: TreeEntry) => !!e.object && !!e.kind && !e.remote && e.node.role !== 'supporting';
  let wave = expandable(rootEntry) ? [rootEntry] : [];
  while (wave.length) {
    const found = await Promise.all(
      wave.map(async parent => {
        const perFamily = await Promise.all(
          families.map(f =>
            f(parent.object as KubeObject, parent.kind as ServedKind, reader).catch(err => {
              options.onFamilyError?.(parent.node, err);
              return [];
            }),
          ),
        );
        return { parent, items: perFamily.flat() };
      }),
    );
    // Kinds are resolved all at once (a composite of several providers' resources needs several discovery
    // documents), then placed in their found order.
    const placing = found.map(({ parent, items }) => ({ parent, items: items.map(item => ({ item, placed: place(item, parent) })) }));
    const slots: Array<{ item: Found; placed: Placed; depth: number }> = [];
    for (const { parent, items } of placing) {
      for (const { item, placed: pending } of items) {
        const placed = await pending;
        if (entries.has(placed.id)) {
          addEdge(parent.node.id, placed.id, item.relation);
          continue;
        }
        if (entries.size >= options.maxNodes) {
          truncated = true;
          continue;
        }
        addEdge(parent.node.id, placed.id, item.relation);
        // Reserve the place now so breadth-first order does not depend on which read finishes first; every
        // reserved place is settled before the wave ends.
        entries.set(placed.id, RESERVED);
        slots.push({ item, placed, depth: parent.depth + 1 });
      }
    }
    const batchOf = batchesFor(slots);
    const pending = slots.map(({ item, placed, depth }) =>
      settle(item, placed, depth, batchOf(placed)).then(entry => {
        entries.set(placed.id, entry);
        return entry;
      }),
    );
    wave = (await Promise.all(pending)).filter(expandable);
  }
  return { rootId: root.id, cluster: reader.cluster, entries, edges, truncated };
}
