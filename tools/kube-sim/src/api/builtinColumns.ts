import type { KubeObject, PrinterColumn } from '../types';

/**
 * Server-side Table columns for built-in kinds, after kubernetes/pkg/printers/internalversion/printers.go.
 * The real server renders with Wide: true, so priority-1 columns (shown by `-o wide`) are filled too.
 */

/** What a computed cell may need besides the object. */
export interface CellContext {
  readonly now: Date;
  /** `translateTimestampSince`: a HumanDuration age, or `<unknown>` when the timestamp is absent. */
  since(timestamp: unknown): string;
  /** `duration.HumanDuration` of a span in milliseconds. */
  duration(ms: number): string;
}

/** A printer column whose cell is computed in code, as the Go printers do; `jsonPath` only documents it. */
export interface ComputedPrinterColumn extends PrinterColumn {
  compute(obj: KubeObject, ctx: CellContext): unknown;
}

export function isComputedColumn(c: PrinterColumn): c is ComputedPrinterColumn {
  return typeof (c as Partial<ComputedPrinterColumn>).compute === 'function';
}

export type TableRowCondition = { type: string; status: string; reason?: string; message?: string };

export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

type Json = Record<string, unknown>;
const rec = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown, dflt = 0): number => (typeof v === 'number' ? Math.trunc(v) : dflt);
// Cells read the same few paths for every row, so split each once.
const splits = new Map<string, string[]>();
function at(v: unknown, path: string): unknown {
  let keys = splits.get(path);
  if (!keys) splits.set(path, (keys = path.split('.')));
  let cur = v;
  for (const k of keys) cur = rec(cur)[k];
  return cur;
}

function col(name: string, type: string, jsonPath: string, compute: ComputedPrinterColumn['compute'], extra: Partial<PrinterColumn> = {}): ComputedPrinterColumn {
  return { name, type, jsonPath, compute, ...extra };
}
const wide = { priority: 1 };
const age = col('Age', 'string', '.metadata.creationTimestamp', (o, c) => c.since(o.metadata.creationTimestamp), { description: CREATION_TIMESTAMP_DESCRIPTION });

/** labels.FormatLabels: sorted `k=v`, or `<none>`. */
function formatLabels(m: unknown): string {
  const s = Object.entries(rec(m)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${str(v)}`).join(',');
  return s || '<none>';
}

/** LabelSelectorAsSelector(...).String(): requirements sorted by key; '' for an absent or empty selector. */
function selectorString(sel: unknown): string {
  const s = rec(sel);
  const reqs: Array<[string, string]> = Object.entries(rec(s.matchLabels)).map(([k, v]) => [k, `${k}=${str(v)}`]);
  for (const e of arr(s.matchExpressions).map(rec)) {
    const key = str(e.key);
    const values = `(${arr(e.values).map(str).sort().join(',')})`;
    const byOp: Record<string, string> = { In: `${key} in ${values}`, NotIn: `${key} notin ${values}`, Exists: key, DoesNotExist: `!${key}` };
    reqs.push([key, byOp[str(e.operator)] ?? '<error>']);
  }
  return reqs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r).join(',');
}
/** metav1.FormatLabelSelector. */
const formatSelector = (sel: unknown) => selectorString(sel) || '<none>';

function containerCols(specPath: string): ComputedPrinterColumn[] {
  const containers = (o: KubeObject) => arr(rec(at(o, specPath)).containers).map(rec);
  return [
    col('Containers', 'string', `${specPath}.containers[*].name`, o => containers(o).map(c => str(c.name)).join(','), { ...wide, description: 'Names of each container in the template.' }),
    col('Images', 'string', `${specPath}.containers[*].image`, o => containers(o).map(c => str(c.image)).join(','), { ...wide, description: 'Images referenced by each container in the template.' }),
  ];
}

// ---- pods: the READY / STATUS / RESTARTS logic of printPod ----

type PodSummary = { ready: string; status: string; restarts: string };

let lastPod: { obj: KubeObject; ctx: CellContext; summary: PodSummary } | undefined;

function summarizePod(pod: KubeObject, ctx: CellContext): PodSummary {
  // The three columns of one row share a single pass over the statuses.
  if (lastPod && lastPod.obj === pod && lastPod.ctx === ctx) return lastPod.summary;
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const phase = str(status.phase);
  let reason = str(status.reason) || phase;
  if (arr(status.conditions).map(rec).some(c => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const initSpecs = arr(spec.initContainers).map(rec);
  const sidecar = (name: unknown) => initSpecs.some(c => c.name === name && c.restartPolicy === 'Always');
  // Sidecars (restartable init containers) count towards READY and RESTARTS like app containers.
  const total = arr(spec.containers).length + initSpecs.filter(c => c.restartPolicy === 'Always').length;
  let [ready, restarts, sidecarRestarts, lastRestart, lastSidecarRestart] = [0, 0, 0, 0, 0];
  const finished = (c: Json) => Date.parse(str(rec(rec(c.lastState).terminated).finishedAt)) || 0;
  const terminatedReason = (t: Json, prefix: string) =>
    str(t.reason) ? prefix + str(t.reason) : int(t.signal) ? `${prefix}Signal:${int(t.signal)}` : `${prefix}ExitCode:${int(t.exitCode)}`;

  let initializing = false;
  const initStatuses = arr(status.initContainerStatuses).map(rec);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const state = rec(c.state);
    restarts += int(c.restartCount);
    lastRestart = Math.max(lastRestart, finished(c));
    if (sidecar(c.name)) {
      sidecarRestarts += int(c.restartCount);
      lastSidecarRestart = Math.max(lastSidecarRestart, finished(c));
    }
    if (state.terminated && int(rec(state.terminated).exitCode) === 0) continue;
    if (sidecar(c.name) && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    initializing = true;
    const waiting = str(rec(state.waiting).reason);
    if (state.terminated) reason = terminatedReason(rec(state.terminated), 'Init:');
    else if (waiting && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    break;
  }
  const initialized = arr(status.conditions).map(rec).some(c => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = arr(status.containerStatuses).map(rec);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      const state = rec(c.state);
      restarts += int(c.restartCount);
      lastRestart = Math.max(lastRestart, finished(c));
      const waiting = str(rec(state.waiting).reason);
      if (waiting) reason = waiting;
      else if (state.terminated) reason = terminatedReason(rec(state.terminated), '');
      else if (c.ready === true && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = arr(status.conditions).map(rec).some(c => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  const restartText = restarts !== 0 && lastRestart ? `${restarts} (${ctx.since(new Date(lastRestart).toISOString())} ago)` : String(restarts);
  const summary = { ready: `${ready}/${total}`, status: reason, restarts: restartText };
  lastPod = { obj: pod, ctx, summary };
  return summary;
}

const orNone = (s: string) => s || '<none>';

function readinessGates(pod: KubeObject): string {
  const gates = arr(at(pod, 'spec.readinessGates')).map(rec);
  if (gates.length === 0) return '<none>';
  const conds = arr(at(pod, 'status.conditions')).map(rec);
  const ok = gates.filter(g => conds.find(c => c.type === g.conditionType)?.status === 'True').length;
  return `${ok}/${gates.length}`;
}

// ---- services ----

function externalIP(svc: KubeObject): string {
  const spec = rec(svc.spec);
  const ips = arr(spec.externalIPs).map(str);
  const type = str(spec.type) || 'ClusterIP';
  if (type === 'ClusterIP' || type === 'NodePort') return ips.length ? ips.join(',') : '<none>';
  if (type === 'ExternalName') return str(spec.externalName);
  if (type !== 'LoadBalancer') return '<unknown>';
  const ingress = arr(at(svc, 'status.loadBalancer.ingress')).map(rec);
  const lb = [...new Set(ingress.map(i => str(i.ip) || str(i.hostname)).filter(Boolean))].sort();
  if (ips.length) return [...lb, ...ips].join(',');
  return lb.length ? lb.join(',') : '<pending>';
}

function ports(svc: KubeObject): string {
  const s = arr(at(svc, 'spec.ports')).map(rec).map(p => {
    const proto = str(p.protocol) || 'TCP';
    return int(p.nodePort) > 0 ? `${int(p.port)}:${int(p.nodePort)}/${proto}` : `${int(p.port)}/${proto}`;
  });
  return s.join(',') || '<none>';
}

// ---- events (core/v1 and events.k8s.io/v1 print the same columns) ----

function eventColumns(v1: boolean): ComputedPrinterColumn[] {
  // events.k8s.io/v1 renames the core fields; read either shape through one accessor.
  const f = (o: KubeObject, core: string, ev: string) => at(o, v1 ? ev : core);
  const first = (o: KubeObject, c: CellContext) => {
    const ts = f(o, 'firstTimestamp', 'deprecatedFirstTimestamp');
    return ts ? c.since(ts) : c.since(o.eventTime);
  };
  const last = (o: KubeObject, c: CellContext) => {
    const series = rec(o.series);
    if (o.series) return c.since(series.lastObservedTime);
    const ts = f(o, 'lastTimestamp', 'deprecatedLastTimestamp');
    return ts ? c.since(ts) : first(o, c);
  };
  const count = (o: KubeObject) => (o.series ? int(rec(o.series).count) : int(f(o, 'count', 'deprecatedCount')) || 1);
  const target = (o: KubeObject) => {
    const ref = rec(f(o, 'involvedObject', 'regarding'));
    const kind = str(ref.kind).toLowerCase();
    return str(ref.name) ? `${kind}/${str(ref.name)}` : kind;
  };
  const source = (o: KubeObject) => {
    const src = rec(f(o, 'source', 'deprecatedSource'));
    const component = str(src.component) || str(o.reportingComponent) || str(o.reportingController);
    const instance = str(src.host) || str(o.reportingInstance);
    return instance ? `${component}, ${instance}` : component;
  };
  return [
    col('Last Seen', 'string', '.lastTimestamp', last),
    col('Type', 'string', '.type', o => str(o.type)),
    col('Reason', 'string', '.reason', o => str(o.reason)),
    col('Object', 'string', '.involvedObject', target),
    col('Subobject', 'string', '.involvedObject.fieldPath', o => str(rec(f(o, 'involvedObject', 'regarding')).fieldPath), wide),
    col('Source', 'string', '.source', source, wide),
    col('Message', 'string', '.message', o => str(f(o, 'message', 'note')).trim()),
    col('First Seen', 'string', '.firstTimestamp', first, wide),
    col('Count', 'string', '.count', count, wide),
    col('Name', 'string', '.metadata.name', o => str(o.metadata.name), { ...wide, format: 'name', description: NAME_DESCRIPTION }),
  ];
}

// ---- jobs ----

function jobStatus(job: KubeObject): string {
  const conds = arr(at(job, 'status.conditions')).map(rec);
  const has = (t: string) => conds.find(c => c.type === t)?.status === 'True';
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  return has('FailureTarget') ? 'FailureTarget' : 'Running';
}

function jobCompletions(job: KubeObject): string {
  const succeeded = int(at(job, 'status.succeeded'));
  const completions = at(job, 'spec.completions');
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = int(at(job, 'spec.parallelism'));
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KubeObject, ctx: CellContext): string {
  const start = Date.parse(str(at(job, 'status.startTime')));
  if (Number.isNaN(start)) return '';
  const end = Date.parse(str(at(job, 'status.completionTime')));
  return Number.isNaN(end) ? ctx.since(at(job, 'status.startTime')) : ctx.duration(end - start);
}

const boolPtr = (v: unknown) => (v === true ? 'True' : v === false ? 'False' : '<unset>');
const ready = (o: KubeObject, readyPath: string) => `${int(at(o, readyPath))}/${int(at(o, 'spec.replicas'), 1)}`;

/** Keyed by `<group>/<plural>` (core group ''): the columns after Name, in the order kubectl shows them. */
export const builtinPrinterColumns: Record<string, PrinterColumn[]> = {
  '/namespaces': [col('Status', 'string', '.status.phase', o => str(at(o, 'status.phase')), { description: 'The status of the namespace' }), age],
  '/configmaps': [col('Data', 'string', '.data', o => Object.keys(rec(o.data)).length + Object.keys(rec(o.binaryData)).length), age],
  '/secrets': [col('Type', 'string', '.type', o => str(o.type)), col('Data', 'string', '.data', o => Object.keys(rec(o.data)).length), age],
  '/serviceaccounts': [col('Secrets', 'string', '.secrets', o => arr(o.secrets).length), age],
  '/services': [
    col('Type', 'string', '.spec.type', o => str(at(o, 'spec.type'))),
    col('Cluster-IP', 'string', '.spec.clusterIPs[0]', o => orNone(str(arr(at(o, 'spec.clusterIPs'))[0]))),
    col('External-IP', 'string', '.spec.externalIPs', externalIP),
    col('Port(s)', 'string', '.spec.ports', ports),
    age,
    col('Selector', 'string', '.spec.selector', o => formatLabels(at(o, 'spec.selector')), wide),
  ],
  '/pods': [
    col('Ready', 'string', '.status.containerStatuses', (o, c) => summarizePod(o, c).ready, { description: 'The aggregate readiness state of this pod for accepting traffic.' }),
    col('Status', 'string', '.status.phase', (o, c) => summarizePod(o, c).status, { description: 'The aggregate status of the containers in this pod.' }),
    col('Restarts', 'string', '.status.containerStatuses[*].restartCount', (o, c) => summarizePod(o, c).restarts, {
      description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    }),
    age,
    col('IP', 'string', '.status.podIPs[0].ip', o => orNone(str(rec(arr(at(o, 'status.podIPs'))[0]).ip)), wide),
    col('Node', 'string', '.spec.nodeName', o => orNone(str(at(o, 'spec.nodeName'))), wide),
    col('Nominated Node', 'string', '.status.nominatedNodeName', o => orNone(str(at(o, 'status.nominatedNodeName'))), wide),
    col('Readiness Gates', 'string', '.spec.readinessGates', readinessGates, wide),
  ],
  '/events': eventColumns(false),
  'events.k8s.io/events': eventColumns(true),
  'apps/deployments': [
    col('Ready', 'string', '.status.readyReplicas', o => ready(o, 'status.readyReplicas'), { description: 'Number of the pod with ready state' }),
    col('Up-to-date', 'string', '.status.updatedReplicas', o => int(at(o, 'status.updatedReplicas'))),
    col('Available', 'string', '.status.availableReplicas', o => int(at(o, 'status.availableReplicas'))),
    age,
    ...containerCols('spec.template.spec'),
    col('Selector', 'string', '.spec.selector', o => selectorString(at(o, 'spec.selector')), wide),
  ],
  'apps/replicasets': [
    col('Desired', 'integer', '.spec.replicas', o => int(at(o, 'spec.replicas'), 1)),
    col('Current', 'integer', '.status.replicas', o => int(at(o, 'status.replicas'))),
    col('Ready', 'integer', '.status.readyReplicas', o => int(at(o, 'status.readyReplicas'))),
    age,
    ...containerCols('spec.template.spec'),
    col('Selector', 'string', '.spec.selector', o => formatSelector(at(o, 'spec.selector')), wide),
  ],
  'apps/statefulsets': [
    col('Ready', 'string', '.status.readyReplicas', o => ready(o, 'status.readyReplicas'), { description: 'Number of the pod with ready state' }),
    age,
    ...containerCols('spec.template.spec'),
  ],
  'apps/daemonsets': [
    col('Desired', 'integer', '.status.desiredNumberScheduled', o => int(at(o, 'status.desiredNumberScheduled'))),
    col('Current', 'integer', '.status.currentNumberScheduled', o => int(at(o, 'status.currentNumberScheduled'))),
    col('Ready', 'integer', '.status.numberReady', o => int(at(o, 'status.numberReady'))),
    col('Up-to-date', 'integer', '.status.updatedNumberScheduled', o => int(at(o, 'status.updatedNumberScheduled'))),
    col('Available', 'integer', '.status.numberAvailable', o => int(at(o, 'status.numberAvailable'))),
    col('Node Selector', 'string', '.spec.template.spec.nodeSelector', o => formatLabels(at(o, 'spec.template.spec.nodeSelector'))),
    age,
    ...containerCols('spec.template.spec'),
    col('Selector', 'string', '.spec.selector', o => formatSelector(at(o, 'spec.selector')), wide),
  ],
  'batch/jobs': [
    col('Status', 'string', '.status.conditions', jobStatus, { description: 'Status of the job.' }),
    col('Completions', 'string', '.status.succeeded', jobCompletions),
    col('Duration', 'string', '.status.completionTime', jobDuration, { description: 'Time required to complete the job.' }),
    age,
    ...containerCols('spec.template.spec'),
    col('Selector', 'string', '.spec.selector', o => formatSelector(at(o, 'spec.selector')), wide),
  ],
  'batch/cronjobs': [
    col('Schedule', 'string', '.spec.schedule', o => str(at(o, 'spec.schedule'))),
    col('Timezone', 'string', '.spec.timeZone', o => orNone(str(at(o, 'spec.timeZone')))),
    col('Suspend', 'boolean', '.spec.suspend', o => boolPtr(at(o, 'spec.suspend'))),
    col('Active', 'integer', '.status.active', o => arr(at(o, 'status.active')).length),
    col('Last Schedule', 'string', '.status.lastScheduleTime', (o, c) => (at(o, 'status.lastScheduleTime') ? c.since(at(o, 'status.lastScheduleTime')) : '<none>')),
    age,
    ...containerCols('spec.jobTemplate.spec.template.spec'),
    col('Selector', 'string', '.spec.jobTemplate.spec.selector', o => formatSelector(at(o, 'spec.jobTemplate.spec.selector')), wide),
  ],
  // CRDs use the apiserver's default table convertor: Name and an RFC 3339 "Created At".
  'apiextensions.k8s.io/customresourcedefinitions': [
    col('Created At', 'date', '.metadata.creationTimestamp', o => rfc3339(o.metadata.creationTimestamp), { description: CREATION_TIMESTAMP_DESCRIPTION }),
  ],
};

/** `time.Time.UTC().Format(time.RFC3339)`; a missing timestamp is Go's zero time. */
export function rfc3339(timestamp: unknown): string {
  const t = Date.parse(str(timestamp));
  return Number.isNaN(t) ? '0001-01-01T00:00:00Z' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Row conditions the printers attach: finished pods are marked Completed (kubectl hides them with some flags). */
export const builtinRowConditions: Record<string, (obj: KubeObject) => TableRowCondition[] | undefined> = {
  '/pods': obj => {
    const phase = at(obj, 'status.phase');
    if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    return undefined;
  },
};
