import { screen } from '@testing-library/react';
import { ApiBlueprint, coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import plugin from './alpha';
import { kubernetesResourcesApiRef, type KubernetesResourcesApi } from './api';
import { demoTree } from './testing/demoTree';

const claim: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'orders-db.team-payments',
    namespace: 'demo',
    annotations: {
      'kube-platform.io/cluster': 'demo',
      'kube-platform.io/source-kind': 'PostgreSQLInstance',
      'kube-platform.io/source-name': 'orders-db',
    },
  },
  spec: { type: 'database', owner: 'team-payments' },
};

// rendering the graph and the app shell takes seconds on a loaded CI machine
jest.setTimeout(30_000);

describe('the new frontend system plugin', () => {
  const content = plugin.getExtension('entity-content:kubernetes-resources');

  it('adds a Resources tab at "resources" only for entities with the root-object annotations', () => {
    const tester = createExtensionTester(content);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Resources');
    expect(tester.get(coreExtensionData.routePath)).toBe('resources');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(claim)).toBe(true);
    expect(filter({ ...claim, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the tab for the entity in context, reading its tree by entity ref', async () => {
    const api: KubernetesResourcesApi = {
      getTree: jest.fn(async () => demoTree()),
      getNodeDetails: jest.fn(),
    };
    const tester = createExtensionTester(content);
    await renderInTestApp(<EntityProvider entity={claim}>{tester.reactElement()}</EntityProvider>, {
      apis: [[kubernetesResourcesApiRef, api]],
    });
    expect(await screen.findByText('3 of 8 resources are not ready.')).toBeInTheDocument();
    expect(api.getTree).toHaveBeenCalledWith('resource:demo/orders-db.team-payments', expect.anything());
  });

  it('provides the API client under its ref', () => {
    const factory = createExtensionTester(plugin.getExtension('api:kubernetes-resources')).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(kubernetesResourcesApiRef.id);
    expect(Object.keys(factory.deps).sort()).toEqual(['discoveryApi', 'fetchApi']);
  });
});
