import { resolve } from 'node:path';
import { KubeSim } from '@internal/kube-sim';
import { connectionsFromKubeconfig } from '../connection/direct';
import { KubeRequestError } from '../errors';
import type { ClusterConnection } from '../connection/ClusterConnection';
import type { KubeObject, ResourceType } from '../types';
import { listAll, listSnapshot } from './listAll';

const DEMO = resolve(__dirname, '../../../../examples/cluster');
const FAST_RETRY = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };

const source = (group: string, version: string, kind: string, plural: string, namespaced = true): ResourceType => ({
  group,
  version,
  kind,
  plural,
  namespaced,
});
const DEPLOYMENTS = source('apps', 'v1', 'Deployment', 'deployments');
const STATEFULSETS = source('apps', 'v1', 'StatefulSet', 'statefulsets');

describe('listAll', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [DEMO] });
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.faults.clear());

  const conn = () => connectionsFromKubeconfig({ yaml: sim.kubeconfig() })[0];
  const listRequests = (from: number, path: string) => sim.requests.slice(from).filter(r => r.path === path);
  const names = (items: Array<{ metadata: { namespace?: string; name?: string } }>) => items.map(i => `${i.metadata.namespace}/${i.metadata.name}`);

  it('pages with limit and continue, and sets apiVersion and kind on built-in items', async () => {
    const before = sim.requests.length;
    const items = await listAll(conn(), DEPLOYMENTS, { pageSize: 2 });
    expect(items).toHaveLength(22);
    expect(new Set(names(items)).size).toBe(22);
    expect(items.every(i => i.apiVersion === 'apps/v1' && i.kind === 'Deployment')).toBe(true);
    const pages = listRequests(before, '/apis/apps/v1/deployments');
    expect(pages).toHaveLength(11);
    expect(pages.every(p => p.query.limit === '2')).toBe(true);
    expect(pages[0].query.continue).toBeUndefined();
    expect(pages.slice(1).every(p => Boolean(p.query.continue))).toBe(true);

    const sts = await listAll(conn(), STATEFULSETS, { pageSize: 2 });
    expect(sts.map(s => s.kind)).toEqual(['StatefulSet', 'StatefulSet', 'StatefulSet', 'StatefulSet']);
  });

  it('applies a transform to every item of every page, after apiVersion and kind are set', async () => {
    const seen: string[] = [];
    const items = await listAll(conn(), DEPLOYMENTS, {
      pageSize: 5,
      transform: item => {
        seen.push(`${item.apiVersion} ${item.kind}`);
        return { apiVersion: item.apiVersion, kind: item.kind, metadata: { name: item.metadata.name, namespace: item.metadata.namespace } };
      },
    });
    expect(items).toHaveLength(22);
    expect(new Set(seen)).toEqual(new Set(['apps/v1 Deployment']));
    expect(items.every(i => Object.keys(i).join() === 'apiVersion,kind,metadata' && Object.keys(i.metadata).join() === 'name,namespace')).toBe(true);
  });

  it('passes field and label selectors and lists inside one namespace', async () => {
    const before = sim.requests.length;
    const outside = await listAll(conn(), DEPLOYMENTS, { pageSize: 3, fieldSelector: 'metadata.namespace!=kube-system,metadata.namespace!=argocd' });
    expect(outside.some(d => ['kube-system', 'argocd'].includes(d.metadata.namespace ?? ''))).toBe(false);
    expect(outside).toHaveLength(19);
    expect(listRequests(before, '/apis/apps/v1/deployments').every(r => r.query.fieldSelector === 'metadata.namespace!=kube-system,metadata.namespace!=argocd')).toBe(true);
    const payments = await listAll(conn(), DEPLOYMENTS, { pageSize: 2, namespace: 'team-payments' });
    expect(names(payments).sort()).toEqual(['team-payments/api', 'team-payments/ledger-worker', 'team-payments/receipts']);
  });

  it('restarts from the first page when a continue token expires, returning the full list', async () => {
    const expected = names(await listAll(conn(), DEPLOYMENTS, { pageSize: 100 }));
    // share 0.25: of the requests that carry a token, the fourth one is expired: mid-list.
    sim.faults.add({ path: '/apis/apps/v1/deployments$', expireContinue: true, times: 1, share: 0.25 });
    const before = sim.requests.length;
    const snapshot = await listSnapshot(conn(), DEPLOYMENTS, { pageSize: 2 });
    expect(names(snapshot.items)).toEqual(expected);
    expect(snapshot.resourceVersion).toMatch(/^\d+$/);
    const pages = listRequests(before, '/apis/apps/v1/deployments');
    expect(pages.map(r => (r.query.continue ? 'c' : 'first')).join(' ')).toBe('first c c c c first c c c c c c c c c c');
  });

  it('parses each page whole through getJson on a connection without getList, transforming each item once', async () => {
    const http = conn();
    const jsonOnly: ClusterConnection = { name: http.name, getJson: http.getJson, getText: http.getText, watch: http.watch };
    let calls = 0;
    const transform = (item: KubeObject) => {
      calls++;
      return { ...item, metadata: { name: item.metadata.name, namespace: item.metadata.namespace } };
    };
    const viaJson = await listAll(jsonOnly, DEPLOYMENTS, { pageSize: 5, transform });
    expect(calls).toBe(22);
    calls = 0;
    const viaList = await listAll(http, DEPLOYMENTS, { pageSize: 5, transform });
    expect(calls).toBe(22);
    expect(viaJson).toEqual(viaList);
    expect(viaList.every(i => i.kind === 'Deployment' && Object.keys(i.metadata).join() === 'name,namespace')).toBe(true);
  });

  it('throws rather than return a partial list when continue tokens keep expiring', async () => {
    sim.faults.add({ path: '/apis/apps/v1/deployments$', expireContinue: true });
    const err = await listAll(conn(), DEPLOYMENTS, { pageSize: 2, maxRestarts: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeRequestError);
    expect(err).toMatchObject({ status: 410 });
  });

  it('retries pages that fail with 5xx, 429 or a dropped connection', async () => {
    const expected = names(await listAll(conn(), DEPLOYMENTS, { pageSize: 100 }));
    sim.faults.add({ path: '/apis/apps/v1/deployments$', status: 503, share: 0.5 });
    sim.faults.add({ path: '/apis/apps/v1/deployments$', status: 429, times: 1 });
    sim.faults.add({ path: '/apis/apps/v1/deployments$', dropAfterBytes: 100, times: 1 });
    expect(names(await listAll(conn(), DEPLOYMENTS, { pageSize: 4, retry: FAST_RETRY }))).toEqual(expected);
  });

  it('gives up on a kind after the retries, and does not retry a 403', async () => {
    sim.faults.add({ path: '/apis/apps/v1/statefulsets$', status: 503 });
    await expect(listAll(conn(), STATEFULSETS, { pageSize: 2, retry: FAST_RETRY })).rejects.toMatchObject({ status: 503 });
    sim.faults.clear();
    sim.faults.add({ path: '/apis/apps/v1/statefulsets$', status: 403 });
    const before = sim.requests.length;
    await expect(listAll(conn(), STATEFULSETS, { pageSize: 2, retry: FAST_RETRY })).rejects.toMatchObject({ status: 403 });
    expect(listRequests(before, '/apis/apps/v1/statefulsets')).toHaveLength(1);
  });

  it('stops when the signal aborts', async () => {
    sim.faults.add({ path: '/apis/apps/v1/deployments$', latencyMs: 200 });
    const ctl = new AbortController();
    const pending = listAll(conn(), DEPLOYMENTS, { pageSize: 2, signal: ctl.signal });
    setTimeout(() => ctl.abort(), 50);
    await expect(pending).rejects.toMatchObject({ failure: 'aborted' });
  });
});
