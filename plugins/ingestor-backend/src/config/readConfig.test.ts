import { ConfigReader } from '@backstage/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { readIngestorConfig } from './readConfig';

const read = (data: object) => readIngestorConfig(new ConfigReader({ kubernetesIngestor: data }));

describe('readIngestorConfig', () => {
  it('defaults everything when the section is absent', () => {
    const c = readIngestorConfig(new ConfigReader({}));
    expect(c.clusters.source).toBe('proxy');
    expect(c.annotationPrefix).toBe('kube-platform.io');
    expect(c.components.excludedNamespaces).toEqual(['kube-system', 'kube-public', 'kube-node-lease']);
    expect(c.components.workloadKinds.map(k => k.kind)).toEqual(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob']);
    expect(c.mappings).toEqual({ namespaceModel: 'cluster', nameModel: 'name-namespace', systemModel: 'namespace' });
    expect(c.schedule.frequency).toEqual({ minutes: 10 });
    expect(c.clusters.pageSize).toBe(500);
    expect(c.watch).toEqual({ enabled: true, followKinds: true });
  });

  it('reads whether syncs follow watched kinds', () => {
    expect(read({ watch: { followKinds: false } }).watch).toEqual({ enabled: true, followKinds: false });
    expect(() => read({ watch: { followKinds: 'sometimes' } })).toThrow(/watch\.followKinds/);
  });

  it('adds custom workload kinds, in any group, or replaces the defaults', () => {
    const c = read({ components: { customWorkloadTypes: [{ kind: 'ConfigMap', componentType: 'config' }, { group: 'argoproj.io', kind: 'Rollout' }] } });
    expect(c.components.workloadKinds.slice(-2)).toEqual([
      { group: '', kind: 'ConfigMap', version: undefined, componentType: 'config' },
      { group: 'argoproj.io', kind: 'Rollout', version: undefined, componentType: 'service' },
    ]);
    expect(read({ components: { customWorkloadTypes: [{ group: 'core', kind: 'Service' }] } }).components.workloadKinds.at(-1)?.group).toBe('');
    const only = read({ components: { disableDefaultWorkloadTypes: true, customWorkloadTypes: [{ group: 'argoproj.io', kind: 'Rollout' }] } });
    expect(only.components.workloadKinds.map(k => k.kind)).toEqual(['Rollout']);
  });

  it.each([
    [{ mappings: { nameModel: 'kind' } }, 'kubernetesIngestor.mappings.nameModel'],
    [{ clusters: { source: 'ssh' } }, 'kubernetesIngestor.clusters.source'],
    [{ clusters: { pageSize: 0 } }, 'kubernetesIngestor.clusters.pageSize'],
    [{ clusters: { source: 'direct' } }, 'kubernetesIngestor.clusters.kubeconfig'],
    [{ components: { customWorkloadTypes: [{ kind: 'rollout' }] } }, 'kubernetesIngestor.components.customWorkloadTypes[0].kind'],
    [{ components: { enabled: 42 } }, 'kubernetesIngestor.components.enabled'],
    [{ schedule: { frequency: { minutes: 1 } } }, 'timeout'],
    [{ templates: { publish: { target: 'gitlab' } } }, 'kubernetesIngestor.templates.publish.target'],
    [{ templates: { publish: { layout: 'custom' } } }, 'kubernetesIngestor.templates.publish.pathTemplate'],
    [{ templates: { selection: { xrds: { composites: 'yes' } } } }, 'kubernetesIngestor.templates.selection.xrds.composites'],
    [{ annotationPrefix: 'bad prefix/' }, 'kubernetesIngestor.annotationPrefix'],
    [{ annotationPrefix: 'Kube-Platform.io' }, 'kubernetesIngestor.annotationPrefix'],
    [{ clusters: { allowedClusterNames: ['prod'] } }, 'kubernetesIngestor.clusters.allowedClusterNames is not a setting: use kubernetesIngestor.allowedClusterNames'],
    [{ templates: { selection: { crds: { groups: 'example.org' } } } }, 'kubernetesIngestor.templates.selection.crds.groups'],
    [{ templates: { form: { pageSize: 'ten' } } }, 'kubernetesIngestor.templates.form.pageSize'],
    [{ templates: { publish: { allowedHosts: 'github.com' } } }, 'kubernetesIngestor.templates.publish.allowedHosts'],
    [{ templates: { selection: { crds: { labelSelector: { team: 3 } } } } }, 'kubernetesIngestor.templates.selection.crds.labelSelector.team'],
    [{ templates: { selection: { versions: 'all' } } }, 'kubernetesIngestor.templates.selection.versions'],
  ])('fails naming the key for %j', (data, key) => {
    expect(() => read(data)).toThrow(key);
  });

  it('reads every templates setting with its type', () => {
    const c = read({
      annotationPrefix: 'platform.example.com',
      allowedClusterNames: ['prod'],
      templates: {
        namespace: 'platform',
        selection: { crds: { groups: ['example.org'], labelSelector: { team: 'db' } }, versions: 'served' },
        form: { defaults: 'placeholder', pageSize: 20 },
        publish: { target: 'git-push', repoUrl: 'https://git.example/repo.git', allowedHosts: ['git.example'] },
      },
    });
    expect(c.clusters.allowedClusterNames).toEqual(['prod']);
    expect(c.templates.options.namespace).toBe('platform');
    expect(c.templates.options.selection).toMatchObject({
      annotationPrefix: 'platform.example.com',
      crds: { enabled: true, ingestAll: false, groups: ['example.org'], names: [], labelSelector: { team: 'db' } },
      versions: 'served',
    });
    expect(c.templates.options.form).toEqual({ defaults: 'placeholder', pageSize: 20, maxDepth: 4 });
    expect(c.templates.options.publish).toMatchObject({ target: 'git-push', repoUrl: 'https://git.example/repo.git', allowedHosts: ['git.example'] });
  });

  it('reads direct clusters and a schedule from config', () => {
    const c = read({
      clusters: { source: 'direct', direct: [{ name: 'prod', url: 'https://k8s.example:6443', token: 't', caData: 'x' }] },
      schedule: { frequency: { minutes: 2 }, timeout: { minutes: 1 } },
    });
    expect(c.clusters.direct).toEqual([{ name: 'prod', url: 'https://k8s.example:6443', token: 't', caData: 'x', caFile: undefined, skipTLSVerify: undefined }]);
    expect(c.schedule).toMatchObject({ frequency: { minutes: 2 }, timeout: { minutes: 1 } });
  });

  it('reads the sample app-config.yaml at the repository root', () => {
    const sample = parse(readFileSync(resolve(__dirname, '../../../../app-config.yaml'), 'utf8'));
    const c = readIngestorConfig(new ConfigReader(sample));
    expect(c.clusters.source).toBe('direct');
    expect(c.templates.options.selection.xrds).toEqual({ enabled: true, ingestAll: true, composites: false });
    expect(c.templates.options.selection.crds.groups).toEqual(['cert-manager.io']);
    expect(c.templates.options.publish).toMatchObject({ target: 'github-pr', allowedHosts: ['github.com'], layout: 'cluster-namespace-kind' });
  });
});
