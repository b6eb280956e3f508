/**
 * Measurement process: the physical limit of a sync. The same LISTs the sync made (same clusters, kinds,
 * selectors and page size), with @kubernetes/client-node, whole objects parsed from JSON and nothing
 * else: no mapping, no entities.
 *   argv: <setup.json> <lists.json (the sync's requests)>
 */
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { listsOf, type ListCall } from '@internal/kube-sim/src/bench/lists';
import { report, runMain } from './process';
import { cpuSecondsSince, peakRssMb, readSetup } from './setup';
import { TrafficCounter, type Traffic } from './traffic';

/** What the limit measurement reports. */
export interface LimitReport {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
  traffic: Traffic;
  lists: number;
  objects: number;
}

interface Page {
  items: unknown[];
  metadata?: { _continue?: string; continue?: string };
}

async function listAllPages(kc: KubeConfig, call: ListCall): Promise<number> {
  const custom = kc.makeApiClient(CustomObjectsApi);
  const core = kc.makeApiClient(CoreV1Api);
  let token: string | undefined;
  let objects = 0;
  do {
    const params = { limit: call.limit, _continue: token, fieldSelector: call.fieldSelector, labelSelector: call.labelSelector };
    let page: Page;
    if (call.group) page = (await custom.listClusterCustomObject({ group: call.group, version: call.version, plural: call.plural, ...params })) as Page;
    else if (call.plural === 'namespaces') page = await core.listNamespace(params);
    else throw new Error(`the limit does not list core ${call.plural}`);
    objects += page.items.length;
    token = page.metadata?._continue ?? page.metadata?.continue;
  } while (token);
  return objects;
}

runMain(async () => {
  const [setupFile, listsFile] = process.argv.slice(2);
  const setup = readSetup(setupFile);
  const calls = listsOf(JSON.parse(readFileSync(listsFile, 'utf8')) as string[]);
  const configs = new Map(setup.clusters.map(c => {
    const kc = new KubeConfig();
    kc.loadFromString(readFileSync(setup.kubeconfig, 'utf8'));
    kc.setCurrentContext(c.name);
    return [new URL(c.url).host, kc];
  }));
  const traffic = new TrafficCounter();
  global.gc?.();
  traffic.start();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // The sync's concurrency (clusters.concurrency, default 8): no more lists in flight than it allows.
  const queue = [...calls];
  let objects = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let call = queue.shift(); call; call = queue.shift()) {
      const kc = configs.get(call.host);
      if (!kc) throw new Error(`no cluster at ${call.host}`);
      const listed = await listAllPages(kc, call);
      objects += listed;
    }
  }));
  const result: LimitReport = { wallS: (performance.now() - t0) / 1000, cpuS: cpuSecondsSince(cpu0), peakRssMb: peakRssMb(), traffic: traffic.read(), lists: calls.length, objects };
  report(result);
});
