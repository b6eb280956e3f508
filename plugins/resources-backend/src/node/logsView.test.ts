import type { KubeObject, ServedKind } from '../cluster/types';
import { memoryReader } from '../__testUtils__/memoryReader';
import { entryOf } from '../diagnosis/testEntries';
import { logsView } from './logsView';

const PODS: ServedKind = { apiVersion: 'v1', kind: 'Pod', plural: 'pods', namespaced: true };
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'api-1', namespace: 'shop' },
  spec: { initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }, { name: 'sidecar' }] },
  status: { containerStatuses: [{ name: 'app', ready: true }, { name: 'sidecar', ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
};
const { reader } = memoryReader([PODS], [pod], {
  logs: {
    'shop/api-1/sidecar': 'one\ntwo\nthree\n',
    'shop/api-1/sidecar/previous': 'panic: nil map\n',
    'shop/api-1/app': `${'x'.repeat(5000)}\n`,
  },
});
const entry = { ...entryOf(pod), kind: PODS };

describe('logsView', () => {
  it('reads the failing container by default, as lines', async () => {
    expect(await logsView(entry, reader, {})).toEqual({ view: 'logs', nodeId: 'api-1', container: 'sidecar', previous: false, lines: ['one', 'two', 'three'] });
  });

  it('reads the previous run, a bounded tail, and caps long lines', async () => {
    expect((await logsView(entry, reader, { container: 'sidecar', previous: 'true' })).lines).toEqual(['panic: nil map']);
    expect((await logsView(entry, reader, { container: 'sidecar', tailLines: '2' })).lines).toEqual(['two', 'three']);
    expect((await logsView(entry, reader, { container: 'app' })).lines[0]).toHaveLength(4001);
  });

  it.each([
    [{ container: 'other' }, /container must be one of migrate, app, sidecar/],
    [{ container: 'app', tailLines: '0' }, /tailLines must be a whole number/],
    [{ container: 'app', tailLines: '5000' }, /tailLines must be a whole number/],
    [{ previous: 'yes' }, /previous must be true or false/],
  ])('refuses %j', async (query, message) => {
    await expect(logsView(entry, reader, query)).rejects.toThrow(message);
  });

  it('refuses nodes that are not pods', async () => {
    const cm = { ...entryOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' } }), kind: PODS };
    await expect(logsView(cm, reader, {})).rejects.toThrow(/only available for pods, and ConfigMap c is not one/);
  });
});
