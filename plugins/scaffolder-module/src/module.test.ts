import { mockCredentials, startTestBackend } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import scaffolderModule from './index';

describe('scaffolderModuleKubernetesGitops', () => {
  it('registers the three actions, each with described inputs and examples', async () => {
    const { server } = await startTestBackend({
      features: [scaffolderPlugin, scaffolderModule, catalogServiceMock.factory()],
    });
    const response = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    const ours = (
      response.body as Array<{
        id: string;
        examples?: unknown[];
        schema?: { input?: { properties?: Record<string, { description?: string }> } };
      }>
    ).filter(action => action.id.startsWith('kubernetes:'));
    expect(ours.map(action => action.id).sort()).toEqual([
      'kubernetes:gitops:pull-request',
      'kubernetes:gitops:push',
      'kubernetes:manifest:render',
    ]);
    for (const action of ours) {
      expect(action.examples?.length).toBeGreaterThan(0);
      const properties = Object.entries(action.schema?.input?.properties ?? {});
      expect(properties.length).toBeGreaterThan(0);
      expect(
        properties.filter(([, property]) => !property.description).map(([name]) => `${action.id}.${name}`),
      ).toEqual([]);
    }
  }, 60_000);
});
