/**
 * Measurement process: the physical limit of a sync. The same LISTs the sync made (same clusters, kinds,
 * selectors and page size), with @kubernetes/client-node, whole objects parsed from JSON and nothing
 * else: no mapping, no entities. With `metadata`, the same lists as PartialObjectMetadataList (raw requests
 * authenticated by client-node's KubeConfig): the floor for kinds whose mapping needs only metadata.
 *   argv: <setup.json> <lists.json (the sync's requests)> [full|metadata]
 */
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { Agent, request, type RequestOptions } from 'node:https';
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

const METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

async function metadataPage(kc: KubeConfig, agent: Agent, call: ListCall, token: string | undefined): Promise<Page> {
  const prefix = call.group ? `/apis/${call.group}/${call.version}` : `/api/${call.version}`;
  const query = new URLSearchParams();
  if (call.limit) query.set('limit', String(call.limit));
  if (token) query.set('continue', token);
  if (call.fieldSelector) query.set('fieldSelector', call.fieldSelector);
  if (call.labelSelector) query.set('labelSelector', call.labelSelector);
  const url = new URL(`${prefix}/${call.plural}?${query}`, kc.getCurrentCluster()!.server);
  const opts: RequestOptions = { agent, headers: { accept: METADATA_LIST } };
  await kc.applyToHTTPSOptions(opts);
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(url, opts, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => ((res.statusCode ?? 0) >= 400 ? reject(new Error(`${url.pathname} answered ${res.statusCode}`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end();
  });
  return JSON.parse(text) as Page;
}

async function listAllPages(kc: KubeConfig, call: ListCall, metadataAgent?: Agent): Promise<number> {
  const custom = kc.makeApiClient(CustomObjectsApi);
  const core = kc.makeApiClient(CoreV1Api);
  let token: string | undefined;
  let objects = 0;
  do {
    const params = { limit: call.limit, _continue: token, fieldSelector: call.fieldSelector, labelSelector: call.labelSelector };
    let page: Page;
    if (metadataAgent) page = await metadataPage(kc, metadataAgent, call, token);
    else if (call.group) page = (await custom.listClusterCustomObject({ group: call.group, version: call.version, plural: call.plural, ...params })) as Page;
    else if (call.plural === 'namespaces') page = await core.listNamespace(params);
    else throw new Error(`the limit does not list core ${call.plural}`);
    objects += page.items.length;
    token = page.metadata?._continue ?? page.metadata?.continue;
  } while (token);
  return objects;
}

runMain(async () => {
  const [setupFile, listsFile, mode] = process.argv.slice(2);
  const metadataAgent = mode === 'metadata' ? new Agent({ keepAlive: true }) : undefined;
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
      const listed = await listAllPages(kc, call, metadataAgent);
      objects += listed;
    }
  }));
  const result: LimitReport = { wallS: (performance.now() - t0) / 1000, cpuS: cpuSecondsSince(cpu0), peakRssMb: peakRssMb(), traffic: traffic.read(), lists: calls.length, objects };
  metadataAgent?.destroy();
  report(result);
});
