import type { KubeObject } from '../types';
import { ClusterSnapshots } from './snapshots';
import { DEPLOYMENT, reading, workload } from './testing';

/** A fresh object (as a new LIST returns it) at a resourceVersion. */
function listed(name: string, resourceVersion?: string): KubeObject {
  return workload(DEPLOYMENT, 'shop', name, { uid: `uid-${name}`, resourceVersion });
}

function readingOf(objects: KubeObject[], source = DEPLOYMENT) {
  return reading('a', [{ source, outcome: { ok: true, value: objects } }]);
}

describe('ClusterSnapshots', () => {
  it('keeps a cluster’s version when a kind is listed again with the very objects it holds', () => {
    const snapshots = new ClusterSnapshots();
    snapshots.applyReading(readingOf([listed('web', '1'), listed('api', '2')]));
    const first = snapshots.version('a');
    const held = snapshots.objects('a').map(o => o.object);

    snapshots.applyReading(readingOf([listed('api', '2'), listed('web', '1')]));
    expect(snapshots.version('a')).toBe(first);
    expect(snapshots.objects('a').map(o => o.object)).toEqual(held);
    expect(snapshots.objects('a')[0].object).toBe(held[0]);
  });

  it('takes a listing that differs in any object, count, kind or resourceVersion as a change', () => {
    const snapshots = new ClusterSnapshots();
    const versions = new Set<number | undefined>();
    const apply = (objects: KubeObject[], source = DEPLOYMENT) => {
      snapshots.applyReading(readingOf(objects, source));
      versions.add(snapshots.version('a'));
    };
    apply([listed('web', '1')]);
    apply([listed('web', '3')]);
    apply([listed('web', '3'), listed('api', '4')]);
    apply([listed('web', '3')]);
    apply([listed('web', '3')], { ...DEPLOYMENT, version: 'v2' });
    expect(versions.size).toBe(5);
    expect(snapshots.objects('a').map(o => [o.object.metadata.resourceVersion, o.source.version])).toEqual([['3', 'v2']]);

    // Without a resourceVersion nothing tells an object unchanged.
    apply([listed('db')]);
    apply([listed('db')]);
    expect(versions.size).toBe(7);
  });

  it('a kind kept because it was listed unchanged still follows later watch events', () => {
    const snapshots = new ClusterSnapshots();
    snapshots.applyReading(readingOf([listed('web', '1')]));
    snapshots.applyReading(readingOf([listed('web', '1')]));
    const before = snapshots.version('a');
    expect(snapshots.applyEvent('a', DEPLOYMENT, 'MODIFIED', listed('web', '5'))).toBe(true);
    expect(snapshots.version('a')).not.toBe(before);
    expect(snapshots.objects('a').map(o => o.object.metadata.resourceVersion)).toEqual(['5']);
  });
});
