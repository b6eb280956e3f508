import { options } from '../__testUtils__/fixtures';
import { gitopsPage } from './gitops';

describe('the GitOps page', () => {
  it('offers no cluster-named layout when no cluster is known, and writes without the cluster segment', () => {
    const { page, inputs } = gitopsPage(options().publish, []);
    expect(page?.properties?.layout).toBeUndefined();
    expect(inputs.layout).toBe('namespace-kind');
  });

  it('offers both layouts, cluster first, when the definition was found in clusters', () => {
    const { page, inputs } = gitopsPage(options().publish, ['prod']);
    expect(page?.properties?.layout?.oneOf).toEqual([
      { const: 'cluster-namespace-kind', title: 'Cluster, namespace, kind, name' },
      { const: 'namespace-kind', title: 'Namespace, kind, name (no cluster)' },
    ]);
    expect(page?.properties?.layout?.default).toBe('cluster-namespace-kind');
    expect(inputs.layout).toBe('${{ parameters.layout }}');
    expect(inputs.clusters).toEqual(['prod']);
  });

  it('keeps a layout fixed by configuration', () => {
    const { page, inputs } = gitopsPage(options({ publish: { layout: 'cluster-namespace-kind' } }).publish, []);
    expect(page?.properties?.layout).toBeUndefined();
    expect(inputs.layout).toBe('cluster-namespace-kind');
  });

  it("gives the repository picker our hints instead of its own (which say the repository will be created)", () => {
    const { page } = gitopsPage(options().publish, []);
    const picker = page?.properties?.repoUrl;
    expect(picker?.['ui:field']).toBe('RepoUrlPicker');
    expect(picker?.['ui:options']).toMatchObject({ repoLabel: 'GitOps repository', repoDescription: expect.stringContaining('existing repository') });
    expect(JSON.stringify(picker)).not.toMatch(/will be created/);
  });
});
