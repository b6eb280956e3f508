import { ConfigReader } from '@backstage/config';
import { readResourcesConfig } from './readConfig';

describe('readResourcesConfig', () => {
  it('defaults to the proxy and small limits', () => {
    expect(readResourcesConfig(new ConfigReader({}))).toEqual({
      clusters: { source: 'proxy', direct: [], requestTimeoutMs: 15_000, maxConcurrentRequests: 32 },
      tree: { maxNodes: 1000, concurrency: 8, cacheTtlMs: 5000 },
    });
  });

  it('reads direct clusters and limits', () => {
    const c = readResourcesConfig(
      new ConfigReader({ kubernetesResources: { clusters: { source: 'direct', kubeconfig: '/k', contexts: ['a'] }, tree: { maxNodes: 50, concurrency: 2, cacheTtlSeconds: 0 } } }),
    );
    expect(c.clusters).toMatchObject({ source: 'direct', kubeconfig: '/k', contexts: ['a'] });
    expect(c.tree).toEqual({ maxNodes: 50, concurrency: 2, cacheTtlMs: 0 });
  });

  it.each([
    [{ clusters: { source: 'kubectl' } }, /kubernetesResources.clusters.source/],
    [{ clusters: { source: 'direct' } }, /neither kubernetesResources.clusters.kubeconfig nor kubernetesResources.clusters.direct/],
    [{ tree: { maxNodes: 0 } }, /kubernetesResources.tree.maxNodes/],
    [{ tree: { concurrency: 1.5 } }, /kubernetesResources.tree.concurrency/],
    [{ clusters: { maxConcurrentRequests: -1 } }, /kubernetesResources.clusters.maxConcurrentRequests/],
  ])('names the key of a wrong value: %j', (section, message) => {
    expect(() => readResourcesConfig(new ConfigReader({ kubernetesResources: section }))).toThrow(message);
  });
});
