import type { KubeObject } from '../types';
import { withKindFields } from './paths';

const deployments = { group: 'apps', version: 'v1', kind: 'Deployment' };

describe('withKindFields', () => {
  it('sets apiVersion and kind from the kind listed, keeping the rest', () => {
    const object: KubeObject = { metadata: { name: 'web', namespace: 'a' }, spec: { replicas: 2 } };
    expect(withKindFields(object, deployments)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'a' },
      spec: { replicas: 2 },
    });
  });

  it('returns an object that already starts with the right apiVersion and kind as it is, and fixes any other', () => {
    const right = JSON.parse('{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"}}') as KubeObject;
    expect(withKindFields(right, deployments)).toBe(right);
    const stale = JSON.parse('{"apiVersion":"apps/v1beta1","kind":"Deployment","metadata":{"name":"web"}}') as KubeObject;
    expect(withKindFields(stale, deployments)).toEqual({ ...stale, apiVersion: 'apps/v1' });
    const reordered = JSON.parse('{"metadata":{"name":"web"},"kind":"Deployment","apiVersion":"apps/v1"}') as KubeObject;
    const fixed = withKindFields(reordered, deployments);
    expect(fixed).not.toBe(reordered);
    expect(Object.keys(fixed)).toEqual(['apiVersion', 'kind', 'metadata']);
    const badMetadata = JSON.parse('{"apiVersion":"apps/v1","kind":"Deployment","metadata":[]}') as KubeObject;
    expect(withKindFields(badMetadata, deployments).metadata).toEqual({});
  });

  it('keeps a __proto__ key sent by a server as a plain field, never as the copy’s prototype', () => {
    const hostile = JSON.parse('{"metadata":{"name":"web"},"__proto__":{"spec":{"injected":true}}}') as KubeObject;
    const copy = withKindFields(hostile, deployments);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.spec).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['apiVersion', 'kind', 'metadata', '__proto__']);
  });

  it('gives an object that came without usable metadata an empty one, as KubeObject promises', () => {
    // Untrusted JSON: the type says metadata exists, the wire may not.
    const missing = JSON.parse('{"spec":{}}') as KubeObject;
    const wrong = JSON.parse('{"metadata":"web"}') as KubeObject;
    expect(withKindFields(missing, deployments).metadata).toEqual({});
    expect(withKindFields(wrong, deployments).metadata).toEqual({});
  });
});
