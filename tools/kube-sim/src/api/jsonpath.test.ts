import { evaluateJsonPath } from './jsonpath';

const pod = {
  metadata: { name: 'web-0', labels: { 'app.kubernetes.io/name': 'web', tier: 'front' } },
  spec: { containers: [{ name: 'app', image: 'nginx' }, { name: 'sidecar', image: 'envoy' }] },
  status: {
    conditions: [
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
    ],
    replicas: 3,
    empty: null,
  },
};

describe('evaluateJsonPath', () => {
  it('follows dotted fields, with or without $ and the {} the CRD convertor adds', () => {
    expect(evaluateJsonPath('.metadata.name', pod)).toEqual(['web-0']);
    expect(evaluateJsonPath('$.metadata.name', pod)).toEqual(['web-0']);
    expect(evaluateJsonPath('{.metadata.name}', pod)).toEqual(['web-0']);
    expect(evaluateJsonPath('.status.replicas', pod)).toEqual([3]);
  });

  it('returns nothing for missing keys instead of failing', () => {
    expect(evaluateJsonPath('.spec.nodeName', pod)).toEqual([]);
    expect(evaluateJsonPath('.status.empty.deeper', pod)).toEqual([]);
    expect(evaluateJsonPath('.spec.containers.name', pod)).toEqual([]);
    expect(evaluateJsonPath('.status.empty', pod)).toEqual([null]);
  });

  it('indexes, slices and unions arrays, counting negative indexes from the end', () => {
    expect(evaluateJsonPath('.spec.containers[0].name', pod)).toEqual(['app']);
    expect(evaluateJsonPath('.spec.containers[-1].name', pod)).toEqual(['sidecar']);
    expect(evaluateJsonPath('.spec.containers[5].name', pod)).toEqual([]);
    expect(evaluateJsonPath('.spec.containers[0:1].image', pod)).toEqual(['nginx']);
    expect(evaluateJsonPath('.spec.containers[1,0].name', pod)).toEqual(['sidecar', 'app']);
  });

  it('expands wildcards over arrays and objects', () => {
    expect(evaluateJsonPath('.spec.containers[*].image', pod)).toEqual(['nginx', 'envoy']);
    expect(evaluateJsonPath('.metadata.labels.*', pod)).toEqual(['web', 'front']);
  });

  it('filters arrays with comparison and existence tests', () => {
    expect(evaluateJsonPath('.status.conditions[?(@.type=="Ready")].status', pod)).toEqual(['False']);
    expect(evaluateJsonPath(".status.conditions[?(@.type=='Ready')].reason", pod)).toEqual(['ContainersNotReady']);
    expect(evaluateJsonPath('.status.conditions[?(@.type!="Ready")].type', pod)).toEqual(['Initialized']);
    expect(evaluateJsonPath('.status.conditions[?(@.reason)].type', pod)).toEqual(['Ready']);
    expect(evaluateJsonPath('.status.conditions[?(@.type=="Missing")].status', pod)).toEqual([]);
    const nums = { items: [{ n: 1 }, { n: 5 }, { n: 10 }] };
    expect(evaluateJsonPath('.items[?(@.n > 4)].n', nums)).toEqual([5, 10]);
    expect(evaluateJsonPath('.items[?(@.n<=5)].n', nums)).toEqual([1, 5]);
  });

  it('reads keys that contain dots, by escaping or by quoting', () => {
    expect(evaluateJsonPath('.metadata.labels.app\\.kubernetes\\.io/name', pod)).toEqual(['web']);
    expect(evaluateJsonPath(".metadata.labels['app.kubernetes.io/name']", pod)).toEqual(['web']);
    expect(evaluateJsonPath('.metadata.labels["app.kubernetes.io/name","tier"]', pod)).toEqual(['web', 'front']);
  });

  it('descends recursively with ..', () => {
    expect(evaluateJsonPath('..image', pod)).toEqual(['nginx', 'envoy']);
    expect(evaluateJsonPath('.status..status', pod)).toEqual(['True', 'False']);
  });

  it('throws on malformed paths', () => {
    expect(() => evaluateJsonPath('.a[', pod)).toThrow(/invalid JSONPath/);
    expect(() => evaluateJsonPath('{.a', pod)).toThrow(/expected '}'/);
    expect(() => evaluateJsonPath('.a[?(@.x==)]', pod)).toThrow(/invalid JSONPath/);
  });
});
