import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import type { KubernetesResourcesApi } from '../api/KubernetesResourcesApi';
import { ResourcesApiError } from '../api/errors';
import { NodeDrawer } from './NodeDrawer';

jest.setTimeout(30_000);

function node(kind: string, overrides: Partial<ResourceNode> = {}): ResourceNode {
  return {
    id: `id-${kind}`,
    apiVersion: 'v1',
    kind,
    namespace: 'team-payments',
    name: `orders-${kind.toLowerCase()}`,
    role: 'child',
    status: 'failing',
    conditions: [],
    ...overrides,
  };
}

function api(overrides: Partial<KubernetesResourcesApi> = {}): jest.Mocked<KubernetesResourcesApi> {
  return {
    getTree: jest.fn(),
    getNodeDetails: jest.fn(async (_ref: string, nodeId: string, view: string, options?: { previous?: boolean }) => {
      if (view === 'events') return { view: 'events', nodeId, events: [] };
      if (view === 'logs') {
        return { view: 'logs', nodeId, container: 'app', previous: !!options?.previous, lines: ['panic: boom', 'exit 2'] };
      }
      return { view: 'yaml', nodeId, yaml: 'kind: X' };
    }),
    ...overrides,
  } as jest.Mocked<KubernetesResourcesApi>;
}

describe('NodeDrawer', () => {
  it('never asks for a Secret\'s YAML', async () => {
    const client = api();
    render(<NodeDrawer api={client} entityRef="component:a/b" node={node('Secret')} onClose={jest.fn()} />);
    expect(await screen.findByText('No events for this object.')).toBeInTheDocument();
    expect(screen.getByText("A Secret's content is never shown here.")).toBeInTheDocument();
    expect(client.getNodeDetails.mock.calls.map(call => call[2])).toEqual(['events']);
  });

  it('reads a pod\'s logs only when asked, current or previous run', async () => {
    const client = api();
    render(<NodeDrawer api={client} entityRef="component:a/b" node={node('Pod')} onClose={jest.fn()} />);
    const logs = await screen.findByRole('region', { name: 'Logs' });
    expect(client.getNodeDetails.mock.calls.map(call => call[2]).sort()).toEqual(['events', 'yaml']);
    await userEvent.click(within(logs).getByRole('button', { name: "Previous run's logs" }));
    expect(await within(logs).findByLabelText('Log lines')).toHaveTextContent('panic: boom');
    expect(logs).toHaveTextContent('Container app (previous run), last 2 lines');
    expect(client.getNodeDetails).toHaveBeenLastCalledWith('component:a/b', 'id-Pod', 'logs', expect.objectContaining({ previous: true }));
  });

  it('shows the server\'s message when a view cannot be read, and no logs section for other kinds', async () => {
    const client = api({
      getNodeDetails: jest.fn(async () => {
        throw new ResourcesApiError('node not in this entity\'s tree', 404);
      }),
    });
    render(<NodeDrawer api={client} entityRef="component:a/b" node={node('ConfigMap')} onClose={jest.fn()} />);
    expect(await screen.findAllByText("node not in this entity's tree")).toHaveLength(2);
    expect(screen.queryByRole('region', { name: 'Logs' })).not.toBeInTheDocument();
  });
});
