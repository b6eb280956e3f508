/**
 * Claims consume the API entity the templates provider emits for their definition, named the same way
 * on both sides even when clusters disagree on a definition's schema and the APIs are named apart.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { KubeSimFleet } from '@internal/kube-sim';
import { resolve } from 'node:path';
import { connectionsFromKubeconfig } from '@kube-platform/plugin-kubernetes-node';
import { readDefinitions } from '../provider/definitions';
import { KubernetesTemplateProvider } from '../provider/KubernetesTemplateProvider';
import { RecordingConnection } from '../provider/testing';
import type { KubeObject } from '../types';
import { fullEntities, ingestorConfig, KubeconfigFile, startIngestor } from './__testUtils__/harness';

jest.setTimeout(60_000);

const XRD = ['apiextensions.crossplane.io/v1', 'CompositeResourceDefinition', 'xpostgresqlinstances.database.example.org'] as const;
const PLAIN_NAME = 'postgresqlinstances.database.example.org-v1alpha1';

/** Applying a changed copy must not carry the version it was read at. */
function withoutResourceVersion<M extends Record<string, unknown>>(metadata: M): Omit<M, 'resourceVersion'> {
  const { resourceVersion: _rv, ...rest } = metadata;
  return rest;
}

function consumedApis(entities: Entity[], cluster: string): string[] {
  return entities
    .filter(e => e.spec?.type === 'crossplane-claim' && e.metadata.namespace === cluster)
    .flatMap(e => (e.spec?.consumesApis as string[] | undefined) ?? []);
}

describe('the API a claim consumes', () => {
  let fleet: KubeSimFleet;
  let kubeconfig: KubeconfigFile;
  beforeAll(async () => {
    fleet = await KubeSimFleet.start(3, { name: 'apis', manifests: [resolve(__dirname, '../../../../examples/cluster')] });
    kubeconfig = new KubeconfigFile(fleet.kubeconfig());
  });
  afterAll(async () => {
    kubeconfig.dispose();
    await fleet.stop();
  });

  async function run() {
    const config = ingestorConfig(kubeconfig.path);
    const templates = new KubernetesTemplateProvider({
      config,
      logger: mockServices.logger.mock(),
      connections: async () => connectionsFromKubeconfig({ yaml: fleet.kubeconfig() }),
      read: (conn, signal) => readDefinitions(conn, config, signal),
      typesGenerator: null,
    });
    const templatesConnection = new RecordingConnection();
    await templates.connect(templatesConnection);
    await templates.refresh();
    const apis = fullEntities(templatesConnection.mutations).filter(e => e.kind === 'API');
    const ingestor = await startIngestor(kubeconfig.path);
    await ingestor.refresh();
    return { apis, entities: ingestor.full() };
  }

  it('is the one shared API while every cluster has the same definition', async () => {
    const { apis, entities } = await run();
    expect(apis.map(a => a.metadata.name)).toContain(PLAIN_NAME);
    for (const cluster of ['apis-1', 'apis-2', 'apis-3']) {
      const consumed = consumedApis(entities, cluster);
      expect(consumed.length).toBeGreaterThan(0);
      expect(new Set(consumed)).toEqual(new Set([`api:default/${PLAIN_NAME}`]));
    }
  });

  it('follows each cluster to its own API when one cluster’s schema differs, and back when it agrees again', async () => {
    const sim = fleet.clusters[2];
    const original = sim.get(...XRD)!;
    const changed = structuredClone(original) as KubeObject & { spec: { versions: Array<{ schema: { openAPIV3Schema: { properties: { spec: { properties: Record<string, unknown> } } } } }> } };
    changed.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.backupWindow = { type: 'string' };
    sim.apply({ ...changed, metadata: withoutResourceVersion(changed.metadata) });
    try {
      const { apis, entities } = await run();
      const refs = apis.filter(a => a.metadata.title === 'PostgreSQLInstance v1alpha1').map(a => stringifyEntityRef(a));
      expect(refs).toHaveLength(2);
      expect(refs).not.toContain(`api:default/${PLAIN_NAME}`);
      const [shared, own] = [consumedApis(entities, 'apis-1'), consumedApis(entities, 'apis-3')];
      expect(new Set(consumedApis(entities, 'apis-2'))).toEqual(new Set(shared));
      expect(new Set([...shared, ...own])).toEqual(new Set(refs));
      expect(new Set(shared).size).toBe(1);
      expect(new Set(own).size).toBe(1);
      expect(shared[0]).not.toBe(own[0]);
    } finally {
      sim.apply({ ...original, metadata: withoutResourceVersion(original.metadata) });
    }
    const { entities } = await run();
    expect(new Set(consumedApis(entities, 'apis-3'))).toEqual(new Set([`api:default/${PLAIN_NAME}`]));
  });
});
