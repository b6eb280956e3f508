import type { KubeObject, PrinterColumn, ResourceType } from '../types';
import { ageSince, humanDuration, tableRowsFor, toTable } from './table';

const NOW = new Date('2024-06-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

function type(group: string, name: string, kind: string, extra: Partial<ResourceType> = {}): ResourceType {
  return {
    group,
    version: 'v1',
    name,
    singularName: kind.toLowerCase(),
    kind,
    listKind: `${kind}List`,
    namespaced: true,
    verbs: ['get', 'list'],
    statusSubresource: true,
    custom: false,
    storage: true,
    printerColumns: [],
    ...extra,
  };
}

const obj = (name: string, extra: Record<string, unknown> = {}, created = ago(5 * M)): KubeObject => ({
  metadata: { name, namespace: 'default', creationTimestamp: created, resourceVersion: '7' },
  ...extra,
});

const cells = (t: ResourceType, o: KubeObject) => tableRowsFor(t, [o], { includeObject: 'None', now: NOW })[0].cells;
const header = (t: ResourceType) => (toTable(t, [], { includeObject: 'None', now: NOW }).columnDefinitions as Array<{ name: string }>).map(c => c.name);

describe('humanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [5 * S, '5s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [200 * S, '3m20s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 30 * M, '3h30m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [3 * D, '3d'],
    [2 * D + 5 * H, '2d5h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [731 * D, '2y1d'],
    [8 * 365 * D + 40 * D, '8y'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('reports a missing timestamp as <unknown>', () => {
    expect(ageSince(undefined, NOW)).toBe('<unknown>');
    expect(ageSince(ago(3 * D), NOW)).toBe('3d');
  });
});

describe('toTable for a CRD', () => {
  const columns: PrinterColumn[] = [
    { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas', priority: 1, description: 'How many' },
    { name: 'Hosts', type: 'string', jsonPath: '.spec.hosts[*]' },
    { name: 'Config', type: 'string', jsonPath: '.spec.config' },
    { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
    { name: 'Synced', type: 'date', jsonPath: '.status.lastSync' },
  ];
  const widgets = type('example.com', 'widgets', 'Widget', { custom: true, printerColumns: columns });
  const widget = obj('w1', {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    spec: { replicas: 2.7, hosts: ['a', 'b'], config: { z: 1, a: true }, paused: 'yes' },
    status: { conditions: [{ type: 'Ready', status: 'True' }], lastSync: ago(90 * S) },
  });

  it('shapes a meta.k8s.io/v1 Table with Name first and the CRD columns after it', () => {
    const table = toTable(widgets, [widget], { includeObject: 'Metadata', now: NOW, listMeta: { resourceVersion: '42', continue: 'abc', remainingItemCount: 3 } });
    expect(table).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '42', continue: 'abc', remainingItemCount: 3 } });
    const defs = table.columnDefinitions as Array<Record<string, unknown>>;
    expect(defs[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
    expect(defs[1]).toEqual({
      name: 'Ready',
      type: 'string',
      format: '',
      description: 'Custom resource definition column (in JSONPath format): .status.conditions[?(@.type=="Ready")].status',
      priority: 0,
    });
    expect(defs[2]).toMatchObject({ name: 'Replicas', type: 'integer', description: 'How many', priority: 1 });
  });

  it('evaluates columns like the apiextensions convertor: first match, typed cells, null when missing or mistyped', () => {
    expect(cells(widgets, widget)).toEqual(['w1', 'True', 2, 'a', '{"a":true,"z":1}', null, '90s']);
    expect(cells(widgets, obj('bare'))).toEqual(['bare', null, null, null, null, null, null]);
    expect(cells(widgets, obj('bad', { status: { lastSync: 'yesterday' } }))[6]).toBe('<invalid>');
  });

  it('always leads with Name, even when a CRD column is formatted as a name', () => {
    const refs = type('example.com', 'refs', 'Ref', { custom: true, printerColumns: [{ name: 'Target', type: 'string', format: 'name', jsonPath: '.spec.target' }] });
    expect(header(refs)).toEqual(['Name', 'Target']);
    expect(cells(refs, obj('r', { spec: { target: 't' } }))).toEqual(['r', 't']);
  });

  it('adds an Age column from creationTimestamp when the CRD declares none', () => {
    const plain = type('example.com', 'gadgets', 'Gadget', { custom: true });
    expect(header(plain)).toEqual(['Name', 'Age']);
    expect(cells(plain, obj('g', {}, ago(3 * D)))).toEqual(['g', '3d']);
  });

  it('puts PartialObjectMetadata, the full object or null in each row as includeObject asks', () => {
    const meta = tableRowsFor(widgets, [widget], { includeObject: 'Metadata', now: NOW })[0];
    expect(meta.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: widget.metadata });
    expect(tableRowsFor(widgets, [widget], { includeObject: 'Object', now: NOW })[0].object).toEqual(widget);
    const none = tableRowsFor(widgets, [widget], { includeObject: 'None', now: NOW })[0];
    expect(none.object).toBeNull();
    expect(toTable(widgets, [], { includeObject: 'None', noHeaders: true })).toMatchObject({ columnDefinitions: null, rows: [], metadata: {} });
  });
});

describe('toTable for built-in kinds', () => {
  const deployments = type('apps', 'deployments', 'Deployment');
  const pods = type('', 'pods', 'Pod');

  it('prints deployments as READY ready/replicas, UP-TO-DATE, AVAILABLE, AGE, then the wide columns', () => {
    expect(header(deployments)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    const d = obj('web', {
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] },
        template: { spec: { containers: [{ name: 'app', image: 'nginx:1' }, { name: 'log', image: 'busybox' }] } },
      },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    });
    expect(cells(deployments, d)).toEqual(['web', '2/3', 3, 2, '5m', 'app,log', 'nginx:1,busybox', 'app=web,tier in (a,b)']);
    expect(cells(deployments, obj('new', { spec: {} }))[1]).toBe('0/1');
  });

  it('adds apiVersion and kind to full row objects of built-ins', () => {
    const row = tableRowsFor(deployments, [obj('web')], { includeObject: 'Object', now: NOW })[0];
    expect(row.object).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } });
  });

  it('summarises pods as kubectl does: ready count, waiting reason, restarts with the last one', () => {
    const crashing = obj('api', {
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 0, state: { running: {} } },
          { name: 'b', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(4 * M) } } },
        ],
        podIPs: [{ ip: '10.0.0.7' }],
      },
    });
    expect(cells(pods, crashing)).toEqual(['api', '1/2', 'CrashLoopBackOff', '3 (4m ago)', '5m', '10.0.0.7', '<none>', '<none>', '<none>']);
  });

  it('reports init progress, termination and completion, and marks finished pods Completed', () => {
    const init = obj('i', { spec: { initContainers: [{ name: 'x' }, { name: 'y' }], containers: [{ name: 'a' }] }, status: { phase: 'Pending', initContainerStatuses: [{ name: 'x', state: { terminated: { exitCode: 0 } } }, { name: 'y', state: { running: {} } }] } });
    expect(cells(pods, init).slice(1, 4)).toEqual(['0/1', 'Init:1/2', '0']);
    const deleting = obj('d', { metadata: { name: 'd', deletionTimestamp: ago(S) }, spec: { containers: [] }, status: { phase: 'Running' } });
    expect(cells(pods, deleting)[2]).toBe('Terminating');
    const done = obj('j', { spec: { containers: [{ name: 'a' }] }, status: { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } });
    const row = tableRowsFor(pods, [done], { includeObject: 'None', now: NOW })[0];
    expect(row.cells.slice(1, 3)).toEqual(['0/1', 'Completed']);
    expect(row.conditions).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
  });

  it('counts configmap keys, prints services and puts the event Name column last', () => {
    expect(cells(type('', 'configmaps', 'ConfigMap'), obj('c', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }))).toEqual(['c', 3, '5m']);
    const svc = obj('s', { spec: { type: 'NodePort', clusterIPs: ['10.96.0.5'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }], selector: { b: '2', a: '1' } } });
    expect(cells(type('', 'services', 'Service'), svc)).toEqual(['s', 'NodePort', '10.96.0.5', '<none>', '80:30080/TCP,53/UDP', '5m', 'a=1,b=2']);
    const events = type('', 'events', 'Event');
    expect(header(events)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name']);
    const ev = obj('e1', { type: 'Warning', reason: 'BackOff', message: ' restarting \n', involvedObject: { kind: 'Pod', name: 'api' }, source: { component: 'kubelet', host: 'n1' }, firstTimestamp: ago(H), lastTimestamp: ago(M), count: 4 });
    expect(cells(events, ev)).toEqual(['60s', 'Warning', 'BackOff', 'pod/api', '', 'kubelet, n1', 'restarting', '60m', 4, 'e1']);
  });

  it('prints CRDs and unknown kinds with the default convertor: Name and an RFC 3339 Created At', () => {
    const crds = type('apiextensions.k8s.io', 'customresourcedefinitions', 'CustomResourceDefinition');
    expect(header(crds)).toEqual(['Name', 'Created At']);
    expect(cells(crds, obj('widgets.example.com', {}, '2024-01-02T03:04:05.000Z'))).toEqual(['widgets.example.com', '2024-01-02T03:04:05Z']);
    expect(header(type('coordination.k8s.io', 'leases', 'Lease'))).toEqual(['Name', 'Created At']);
  });
});
