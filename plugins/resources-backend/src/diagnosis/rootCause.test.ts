import type { ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import { findRootCause } from './rootCause';

const node = (id: string, status: ResourceNode['status'], extra: Partial<ResourceNode> = {}): ResourceNode => ({
  id,
  apiVersion: 'x/v1',
  kind: 'K',
  name: id,
  role: 'child',
  status,
  conditions: [],
  ...extra,
});

describe('findRootCause', () => {
  it('is null when everything is ready', () => {
    expect(findRootCause([{ node: node('a', 'ready'), depth: 0 }])).toBeNull();
  });

  it('blames the deepest failing node, not the unready parents above it', () => {
    const cause = findRootCause([
      { node: node('claim', 'progressing'), depth: 0 },
      { node: node('xr', 'progressing'), depth: 1 },
      { node: node('mr', 'failing', { reason: 'ReconcileError', message: 'boom' }), depth: 2 },
      { node: node('other', 'progressing'), depth: 3 },
    ]);
    expect(cause).toEqual({ nodeId: 'mr', kind: 'K', name: 'mr', reason: 'ReconcileError', message: 'boom' });
  });

  it('orders by trace priority: deleting, then errors and missing, then not synced, then not ready', () => {
    const synced = { type: 'Synced', status: 'Unknown' as const };
    expect(findRootCause([{ node: node('f', 'failing'), depth: 3 }, { node: node('d', 'deleting'), depth: 1 }])?.nodeId).toBe('d');
    expect(findRootCause([{ node: node('p', 'progressing', { synced }), depth: 1 }, { node: node('m', 'missing'), depth: 1 }])?.nodeId).toBe('m');
    expect(findRootCause([{ node: node('r', 'progressing'), depth: 5 }, { node: node('s', 'progressing', { synced }), depth: 1 }])?.nodeId).toBe('s');
  });

  it('takes the first in tree order among equally bad, equally deep nodes', () => {
    expect(findRootCause([{ node: node('a', 'failing'), depth: 2 }, { node: node('b', 'failing'), depth: 2 }])?.nodeId).toBe('a');
  });
});
