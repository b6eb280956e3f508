/**
 * Measurement process: the resource tree of the fleet's 200-resource claim, built by the resources
 * backend's tree builder over kubernetes-node (as its service does, without the service's result cache).
 * Cold: a new connection and discovery for every build. Warm: the same connection and discovery again.
 *   argv: <setup.json>
 */
import { connectionsFromKubeconfig, createApiIndex } from '@kube-platform/plugin-kubernetes-node';
import { claimKind, TREE_CLAIM, XR_GROUP } from '@internal/kube-sim/src/bench/fleet';
import { percentile } from '@internal/kube-sim/src/bench/metrics';
// The resources backend exports only its plugin; the benchmark times its tree builder directly, as its
// service calls it. Once the package exports the builder, import it from there.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { readerFor } from '@kube-platform/plugin-kubernetes-resources-backend/src/cluster/nodeAccess';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { buildTree } from '@kube-platform/plugin-kubernetes-resources-backend/src/tree/buildTree';
import { report, runMain } from './process';
import { readSetup } from './setup';

/** What the tree measurement reports (error: why it could not be measured). */
export interface TreeReport {
  error?: string;
  nodes: number;
  samples: number;
  coldP95Ms: number;
  warmP95Ms: number;
}

const SAMPLES = 20;
// The resources backend's defaults (tree.maxNodes, tree.concurrency).
const OPTIONS = { maxNodes: 1000, concurrency: 8 };
const TIMEOUT_MS = 30_000;

runMain(async () => {
  const setup = readSetup(process.argv[2]);
  const first = setup.clusters[0].name;
  const root = { apiVersion: `${XR_GROUP}/v1alpha1`, kind: claimKind(TREE_CLAIM.xrdIndex), namespace: TREE_CLAIM.namespace, name: TREE_CLAIM.name };
  const open = () => {
    const [conn] = connectionsFromKubeconfig({ path: setup.kubeconfig, contexts: [first] });
    return readerFor(conn, createApiIndex(conn, { timeoutMs: TIMEOUT_MS }), TIMEOUT_MS);
  };
  const time = async (reader: ReturnType<typeof open>) => {
    const started = performance.now();
    const tree = await buildTree(reader, root, OPTIONS);
    return { ms: performance.now() - started, nodes: tree.entries.size };
  };
  const cold: number[] = [];
  let nodes = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const built = await time(open());
    cold.push(built.ms);
    nodes = built.nodes;
  }
  const reader = open();
  await time(reader);
  const warm: number[] = [];
  for (let i = 0; i < SAMPLES; i++) warm.push((await time(reader)).ms);
  // The builder reports an unreadable object as a node instead of throwing: a short tree is a failed read.
  const expected = setup.fleet.treeComposed + 2;
  const error = nodes < expected ? `the tree has ${nodes} nodes, not the ${expected} the claim has: the cluster was not read` : undefined;
  const result: TreeReport = { ...(error ? { error } : {}), nodes, samples: SAMPLES, coldP95Ms: percentile(cold, 95)!, warmP95Ms: percentile(warm, 95)! };
  report(result);
});
