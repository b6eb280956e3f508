import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { EntityKubernetesResourcesContent, kubernetesResourcesApiRef, type KubernetesResourcesApi } from './index';
import { demoTree } from './testing/demoTree';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders-db.team-payments',
    annotations: {
      'kube-platform.io/cluster': 'demo',
      'kube-platform.io/source-kind': 'PostgreSQLInstance',
      'kube-platform.io/source-name': 'orders-db',
    },
  },
};

// rendering the graph and the app shell takes seconds on a loaded CI machine
jest.setTimeout(30_000);

describe('legacy exports', () => {
  it('EntityKubernetesResourcesContent renders the tab for the entity in context', async () => {
    const api: KubernetesResourcesApi = { getTree: jest.fn(async () => demoTree()), getNodeDetails: jest.fn() };
    await renderInTestApp(
      <TestApiProvider apis={[[kubernetesResourcesApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityKubernetesResourcesContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('3 of 8 resources are not ready.')).toBeInTheDocument();
    expect(api.getTree).toHaveBeenCalledWith('resource:default/orders-db.team-payments', expect.anything());
  });
});
