import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { KubeSim } from '@internal/kube-sim';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogModuleKubernetesIngestor } from './module';

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 200));
  }
}

describe('catalogModuleKubernetesIngestor', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await KubeSim.start({ manifests: [resolve(__dirname, '../../../examples/cluster')] });
  });
  afterAll(() => sim.stop());

  it('starts in a backend with the catalog and ingests the demo cluster into it', async () => {
    const kubeconfig = sim.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'ingestor-')), 'kubeconfig'));
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        // Template entities are only accepted by a catalog that knows their kind, as in any Backstage app.
        scaffolderEntityModel,
        catalogModuleKubernetesIngestor,
        mockServices.rootConfig.factory({
          data: {
            kubernetesIngestor: {
              clusters: { source: 'direct', kubeconfig },
              schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
              watch: { enabled: false },
              templates: { schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } } },
            },
          },
        }),
      ],
    });
    try {
      const entity = await eventually(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities/by-name/component/kube-sim/api.team-payments')
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body : undefined;
      });
      expect(entity.spec).toMatchObject({ type: 'service', owner: 'group:default/payments' });
      expect(entity.metadata.annotations['kube-platform.io/source-kind']).toBe('Deployment');
      const claim = await request(backend.server)
        .get('/api/catalog/entities/by-name/component/kube-sim/orders-db.team-checkout')
        .set('Authorization', mockCredentials.user.header());
      expect(claim.body.spec.type).toBe('crossplane-claim');
      expect(claim.body.spec.consumesApis).toEqual(['api:default/postgresqlinstances.database.example.org-v1alpha1']);

      // The demo cluster's XRDs become Templates (and APIs) in the catalog.
      const template = await eventually(async () => {
        const res = await request(backend.server)
          .get('/api/catalog/entities/by-name/template/default/postgresqlinstances.database.example.org-v1alpha1')
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body : undefined;
      });
      expect(template.spec.steps.map((step: { action: string }) => step.action)).toContain('kubernetes:manifest:render');
      const api = await request(backend.server)
        .get('/api/catalog/entities/by-name/api/default/postgresqlinstances.database.example.org-v1alpha1')
        .set('Authorization', mockCredentials.user.header());
      expect(api.status).toBe(200);
    } finally {
      await backend.stop();
    }
  }, 60_000);

  it('refuses to start with a wrong configuration value, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleKubernetesIngestor,
          mockServices.rootConfig.factory({ data: { kubernetesIngestor: { mappings: { nameModel: 'bogus' } } } }),
        ],
      }),
    ).rejects.toThrow('kubernetesIngestor.mappings.nameModel');
  });
});
