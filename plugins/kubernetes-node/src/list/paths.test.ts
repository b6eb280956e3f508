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

  it('gives an object that came without usable metadata an empty one, as KubeObject promises', () => {
    // Untrusted JSON: the type says metadata exists, the wire may not.
    const missing = JSON.parse('{"spec":{}}') as KubeObject;
    const wrong = JSON.parse('{"metadata":"web"}') as KubeObject;
    expect(withKindFields(missing, deployments).metadata).toEqual({});
    expect(withKindFields(wrong, deployments).metadata).toEqual({});
  });
});
