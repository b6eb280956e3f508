import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { KubeSimFleet } from '@internal/kube-sim';
import { resolve } from 'node:path';
import { connectionsFromKubeconfig, type ClusterConnection } from '@kube-platform/plugin-kubernetes-node';
import { apiEntityV1alpha1Validator } from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { readDefinitions } from './definitions';
import { KubernetesTemplateProvider } from './KubernetesTemplateProvider';
import { RecordingConnection, testConfig } from './testing';

function fullEntities(connection: RecordingConnection): Entity[] {
  const full = [...connection.mutations].reverse().find(m => m.type === 'full');
  return full && full.type === 'full' ? full.entities.map(e => e.entity) : [];
}

describe('KubernetesTemplateProvider', () => {
  let fleet: KubeSimFleet;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(2, { name: 'tpl', manifests: [resolve(__dirname, '../../../../examples/cluster')] });
  });
  afterAll(() => fleet.stop());

  function setup(only?: string[]) {
    const config = testConfig();
    const logger = mockServices.logger.mock();
    let connections: ClusterConnection[] = connectionsFromKubeconfig({ yaml: fleet.kubeconfig() });
    const provider = new KubernetesTemplateProvider({
      config,
      logger,
      connections: async () => (only ? connections.filter(c => only.includes(c.name)) : connections),
      read: (conn, signal) => readDefinitions(conn, config, signal),
      typesGenerator: null,
    });
    const connection = new RecordingConnection();
    return { provider, connection, logger, setConnections: (c: ClusterConnection[]) => (connections = c) };
  }

  it('emits one valid Template and API per demo XRD, once for both clusters', async () => {
    const { provider, connection } = setup();
    await provider.connect(connection);
    const summary = await provider.refresh();
    expect(summary.clustersOk.sort()).toEqual(['tpl-1', 'tpl-2']);
    const entities = fullEntities(connection);
    for (const e of entities) {
      expect(e.metadata.annotations?.['backstage.io/managed-by-location']).toBe('kubernetes-ingestor:templates');
      const validator = e.kind === 'Template' ? templateEntityV1beta3Validator : apiEntityV1alpha1Validator;
      await expect(validator.check(e)).resolves.toBe(true);
    }
    const templates = entities.filter(e => e.kind === 'Template').map(e => e.metadata.name).sort();
    expect(templates).toEqual(expect.arrayContaining(['postgresqlinstances.database.example.org-v1alpha1', 'xbuckets.storage.example.org-v1alpha1']));
    expect(templates).toHaveLength(4);
    expect(entities.filter(e => e.kind === 'API')).toHaveLength(4);
  });

  it('keeps a failing cluster’s templates and drops a removed cluster’s', async () => {
    const { provider, connection, logger, setConnections } = setup();
    await provider.connect(connection);
    await provider.refresh();
    const before = fullEntities(connection).length;
    fleet.clusters.forEach(c => c.setUnavailable(true));
    try {
      const summary = await provider.refresh();
      expect(summary.clustersFailed.map(f => f.cluster).sort()).toEqual(['tpl-1', 'tpl-2']);
      expect(fullEntities(connection)).toHaveLength(before);
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('keeping its previous templates'));
    } finally {
      fleet.clusters.forEach(c => c.setUnavailable(false));
    }
    setConnections([]);
    await provider.refresh();
    expect(fullEntities(connection)).toEqual([]);
  });
});
