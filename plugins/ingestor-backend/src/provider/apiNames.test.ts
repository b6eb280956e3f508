import { xrd } from '../templates/__testUtils__/fixtures';
import { definitionApiKey } from '../templates/apiNames';
import type { KubeObject } from '../types';
import { mappingSettings } from '../config/mappingSettings';
import { ApiNamesCache } from './apiNames';
import { ClusterSnapshots } from './snapshots';
import { reading, testConfig } from './testing';

const schema = { type: 'object', properties: { size: { type: 'string' } } };
const key = (cluster: string) => definitionApiKey(cluster, 'example.org', 'Database', 'v1alpha1');

function withVersion(object: KubeObject, resourceVersion: string, extraProperty?: string): KubeObject {
  const copy = structuredClone(object) as KubeObject & { spec: { versions: Array<{ schema: { openAPIV3Schema: { properties: { spec: { properties: Record<string, unknown> } } } } }> } };
  if (extraProperty) copy.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties[extraProperty] = { type: 'string' };
  return { ...copy, metadata: { ...copy.metadata, uid: 'xrd-uid', resourceVersion } };
}

describe('ApiNamesCache', () => {
  it('names claims’ APIs from the snapshots’ XRDs, and works them out again only when an XRD changed', () => {
    const snapshots = new ClusterSnapshots();
    const cache = new ApiNamesCache(mappingSettings(testConfig()));
    const base = xrd(schema);
    snapshots.applyReading({ ...reading('a', []), xrds: [withVersion(base, '1')] });
    snapshots.applyReading({ ...reading('b', []), xrds: [withVersion(base, '7')] });
    const first = cache.of(snapshots);
    expect(first.get(key('a'))).toBe('databases.example.org-v1alpha1');
    expect(first.get(key('b'))).toBe('databases.example.org-v1alpha1');

    // Re-read unchanged (fresh objects, same resourceVersions), or not read at all: the same names, not recomputed.
    snapshots.applyReading({ ...reading('a', []), xrds: [withVersion(base, '1')] });
    snapshots.applyReading(reading('b', []));
    expect(cache.of(snapshots)).toBe(first);

    // Cluster b's schema now differs: each cluster gets its own, differently named API.
    snapshots.applyReading({ ...reading('b', []), xrds: [withVersion(base, '8', 'tier')] });
    const second = cache.of(snapshots);
    expect(second).not.toBe(first);
    expect(second.get(key('a'))).toMatch(/^databases-example-org-v1alpha1-[0-9a-f]{6}-[0-9a-f]{6}$/);
    expect(second.get(key('b'))).toMatch(/^databases-example-org-v1alpha1-[0-9a-f]{6}-[0-9a-f]{6}$/);
    expect(second.get(key('a'))).not.toBe(second.get(key('b')));

    // An XRD the templates leave out has no API to consume.
    const excluded = withVersion(base, '9');
    excluded.metadata.annotations = { 'kube-platform.io/exclude-from-catalog': 'true' };
    snapshots.applyReading({ ...reading('a', []), xrds: [excluded] });
    expect(cache.of(snapshots).get(key('a'))).toBeUndefined();
  });
});
