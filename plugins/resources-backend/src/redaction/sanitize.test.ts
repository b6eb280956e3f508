import { sanitizeObject, secretIdentity } from './sanitize';

describe('sanitizeObject', () => {
  it('drops managedFields, last-applied-configuration and Secret data at any depth, and keeps the rest', () => {
    const out = sanitizeObject({
      apiVersion: 'kubernetes.crossplane.io/v1alpha2',
      kind: 'Object',
      metadata: {
        name: 'o',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"secret":"x"}', keep: 'me' },
      },
      spec: { forProvider: { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'YQ==' }, stringData: { b: 'b' }, type: 'Opaque' } } },
      status: { atProvider: { manifest: { apiVersion: 'v1', kind: 'ConfigMap', data: { kept: 'yes' } } } },
    });
    expect(out.metadata).toEqual({ name: 'o', annotations: { keep: 'me' } });
    expect(out.spec).toEqual({ forProvider: { manifest: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque' } } });
    expect(out.status).toEqual({ atProvider: { manifest: { apiVersion: 'v1', kind: 'ConfigMap', data: { kept: 'yes' } } } });
  });

  it('reduces a Secret to its identity', () => {
    const out = secretIdentity({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n', labels: { a: 'b' } }, data: { k: 'dg==' } });
    expect(out).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n' } });
  });
});
