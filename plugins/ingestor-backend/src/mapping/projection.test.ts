import type { KubeObject } from '../types';
import { mappedFields } from './projection';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'team-a',
    uid: 'u-1',
    resourceVersion: '42',
    generation: 7,
    creationTimestamp: '2026-01-01T00:00:00Z',
    labels: { app: 'web' },
    annotations: { 'kube-platform.io/owner': 'group:default/team-a', 'kubectl.kubernetes.io/last-applied-configuration': '{"big":true}' },
    ownerReferences: [{ apiVersion: 'example.org/v1', kind: 'XApp', name: 'app', uid: 'u-0', controller: true }],
    managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
    finalizers: ['example.org/keep'],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
  },
  status: { readyReplicas: 3 },
} as unknown as KubeObject;

describe('mappedFields', () => {
  it('keeps identity, annotations and owners, and drops labels, status, the pod template, managedFields and last-applied', () => {
    expect(mappedFields(deployment)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'web',
        namespace: 'team-a',
        uid: 'u-1',
        resourceVersion: '42',
        annotations: { 'kube-platform.io/owner': 'group:default/team-a' },
        ownerReferences: [{ apiVersion: 'example.org/v1', kind: 'XApp', name: 'app', uid: 'u-0', controller: true }],
      },
      spec: { selector: { matchLabels: { app: 'web' } } },
    });
    // The listed object is left as it was (a caller may still hold it).
    expect(deployment.metadata.annotations).toHaveProperty(['kubectl.kubernetes.io/last-applied-configuration']);
  });

  it("keeps a CronJob's job template labels and Crossplane's references, v1 and v2", () => {
    const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { backoffLimit: 1, template: { metadata: { labels: { job: 'c' } }, spec: {} } } } } } as unknown as KubeObject;
    expect(mappedFields(cronJob).spec).toEqual({ jobTemplate: { spec: { template: { metadata: { labels: { job: 'c' } } } } } });
    const claim = { apiVersion: 'x.org/v1', kind: 'DB', metadata: { name: 'd' }, spec: { parameters: { size: 'l' }, compositionRef: { name: 'c' }, resourceRef: { kind: 'XDB', name: 'd-1' }, claimRef: { name: 'd' }, crossplane: { compositionRef: { name: 'v2' }, resourceRefs: [{ name: 'r' }] } } } as unknown as KubeObject;
    expect(mappedFields(claim).spec).toEqual({ compositionRef: { name: 'c' }, resourceRef: { kind: 'XDB', name: 'd-1' }, claimRef: { name: 'd' }, crossplane: { compositionRef: { name: 'v2' } } });
  });

  it('keeps malformed values as they are, so mapping reports them as it would on the whole object', () => {
    const odd = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 7, annotations: 'not a map' }, spec: { selector: 'bad' } } as unknown as KubeObject;
    expect(mappedFields(odd)).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 7, annotations: 'not a map' }, spec: {} });
    const noMetadata = { apiVersion: 'v1', kind: 'X', metadata: null } as unknown as KubeObject;
    expect(mappedFields(noMetadata)).toBe(noMetadata);
    expect(mappedFields(null as unknown as KubeObject)).toBe(null);
  });

  it('keeps an own __proto__ annotation as a plain field, never as a prototype', () => {
    const annotations = JSON.parse('{"__proto__": {"polluted": "yes"}, "kubectl.kubernetes.io/last-applied-configuration": "{}", "a": "b"}') as Record<string, unknown>;
    const object = { apiVersion: 'v1', kind: 'X', metadata: { name: 'x', annotations } } as unknown as KubeObject;
    const kept = mappedFields(object).metadata.annotations as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.keys(kept).sort()).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
