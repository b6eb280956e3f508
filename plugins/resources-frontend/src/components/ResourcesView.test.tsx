import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider } from '@backstage/test-utils';
import type { ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import { kubernetesResourcesApiRef, type KubernetesResourcesApi } from '../api/KubernetesResourcesApi';
import { NotAllowedError } from '../api/errors';
import { demoTree, largeTree, RECONCILE_MESSAGE } from '../testing/demoTree';
import { ResourcesView } from './ResourcesView';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function mockApi(tree: ResourceTree | Error = demoTree()) {
  const api: jest.Mocked<KubernetesResourcesApi> = {
    getTree: jest.fn(async (_entityRef: string) => {
      if (tree instanceof Error) throw tree;
      return tree;
    }),
    getNodeDetails: jest.fn(async (_ref: string, nodeId: string, view: string) => {
      if (view === 'yaml') {
        return { view: 'yaml', nodeId, yaml: `apiVersion: rds.aws.upbound.io/v1beta1\nkind: Instance\nmetadata:\n  name: ${nodeId}\n` };
      }
      return {
        view: 'events',
        nodeId,
        events: [
          { type: 'Warning', reason: 'CannotCreateExternalResource', message: RECONCILE_MESSAGE, count: 12 },
          { type: 'Normal', reason: 'Created', message: 'created', count: 1 },
        ],
      };
    }) as jest.Mocked<KubernetesResourcesApi>['getNodeDetails'],
  };
  return api;
}

function renderView(api: KubernetesResourcesApi) {
  return render(
    <TestApiProvider apis={[[kubernetesResourcesApiRef, api]]}>
      <ResourcesView entityRef="resource:demo/orders-db.team-payments" polling={{ intervalMs: 60_000 }} />
    </TestApiProvider>,
  );
}

// rendering the graph and the app shell takes seconds on a loaded CI machine
jest.setTimeout(30_000);

describe('ResourcesView', () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error');
  });
  afterEach(() => {
    // React's act() notices come from the async layout and polling settling between assertions;
    // anything else logged (React warnings, uncaught errors in the graph) fails the test.
    const unexpected = consoleError.mock.calls.filter(args => !String(args[0]).includes('not wrapped in act('));
    consoleError.mockRestore();
    if (unexpected.length > 0) {
      throw new Error(`unexpected console.error: ${unexpected.map(args => String(args[0])).join('\n')}`);
    }
  });

  it('names the root cause with its reason and message, and renders the graph without console errors', async () => {
    renderView(mockApi());
    const summary = await screen.findByRole('status', { name: 'Resources summary' });
    expect(summary).toHaveTextContent('3 of 8 resources are not ready.');
    expect(within(summary).getByRole('button', { name: /Show root cause Instance orders-db-x7k2p-instance/ })).toBeInTheDocument();
    expect(summary).toHaveTextContent('ReconcileError');
    expect(summary).toHaveTextContent(RECONCILE_MESSAGE);
    await waitFor(() => expect(screen.getByTestId('graph-node-n-instance')).toHaveAttribute('data-status', 'failing'));
    expect(screen.getByTestId('graph-node-n-instance')).toHaveTextContent('Failing · ReconcileError');
    expect(screen.getByTestId('graph-node-n-configmap')).toBeInTheDocument();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('selects the root cause node from the summary, showing its YAML and events in the drawer', async () => {
    const api = mockApi();
    renderView(api);
    await userEvent.click(await screen.findByRole('button', { name: /Show root cause/ }));
    const drawer = await screen.findByRole('complementary', { name: 'Details of Instance orders-db-x7k2p-instance' });
    expect(await within(drawer).findByLabelText('YAML document')).toHaveTextContent('kind: Instance');
    const events = await within(drawer).findByRole('list', { name: 'Events' });
    expect(events).toHaveTextContent('Warning · CannotCreateExternalResource ×12');
    expect(within(drawer).getByRole('region', { name: 'Conditions' })).toHaveTextContent('ReconcileError');
    expect(api.getNodeDetails).toHaveBeenCalledWith(
      'resource:demo/orders-db.team-payments',
      'n-instance',
      'yaml',
      expect.anything(),
    );
    expect(within(drawer).getByRole('button', { name: 'Copy YAML' })).toBeInTheDocument();
    await userEvent.click(within(drawer).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });

  it('selects the node drawn in the graph when clicked', async () => {
    renderView(mockApi());
    // a plain click: user-event's mousedown has no `view`, which the graph's pan handler reads in jsdom
    fireEvent.click(await screen.findByTestId('graph-node-n-sg'));
    expect(await screen.findByRole('complementary', { name: 'Details of SecurityGroup orders-db-x7k2p-sg' })).toBeInTheDocument();
  });

  it('selects a node from the keyboard', async () => {
    renderView(mockApi());
    const card = await screen.findByTestId('graph-node-n-subnets');
    const wrapper = card.closest('.react-flow__node') as HTMLElement;
    wrapper.focus();
    fireEvent.keyDown(wrapper, { key: 'Enter' });
    expect(await screen.findByRole('complementary', { name: 'Details of SubnetGroup orders-db-x7k2p-subnets' })).toBeInTheDocument();
  });

  it('collapses and expands a subtree in the graph', async () => {
    renderView(mockApi());
    await userEvent.click(await screen.findByRole('button', { name: 'Collapse XPostgreSQLInstance orders-db-x7k2p' }));
    await waitFor(() => expect(screen.queryByTestId('graph-node-n-instance')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Expand XPostgreSQLInstance orders-db-x7k2p' })).toHaveTextContent('+6');
    await userEvent.click(screen.getByRole('button', { name: /Show root cause/ }));
    // selecting a hidden node reveals it
    expect(await screen.findByTestId('graph-node-n-instance')).toBeInTheDocument();
  });

  it('filters the table by kind and status', async () => {
    renderView(mockApi());
    await userEvent.click(await screen.findByRole('button', { name: 'Table' }));
    const table = await screen.findByRole('grid');
    expect(within(table).getAllByRole('row')).toHaveLength(9); // header + 8
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'ready');
    expect(within(screen.getByRole('grid')).getAllByRole('row')).toHaveLength(5);
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'SecurityGroup');
    const rows = within(screen.getByRole('grid')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('orders-db-x7k2p-sg');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'failing');
    expect(screen.getByText('No resources match these filters.')).toBeInTheDocument();
  });

  it('renders hostile cluster strings as text', async () => {
    const tree = demoTree();
    tree.nodes = tree.nodes.map(n => (n.id === 'n-instance' ? { ...n, name: HOSTILE, reason: HOSTILE, message: HOSTILE } : n));
    tree.summary.rootCause = { nodeId: 'n-instance', kind: 'Instance', name: HOSTILE, reason: HOSTILE, message: HOSTILE };
    const { container } = renderView(mockApi(tree));
    const summary = await screen.findByRole('status', { name: 'Resources summary' });
    expect(summary).toHaveTextContent(HOSTILE);
    await waitFor(() => expect(screen.getByTestId('graph-node-n-instance')).toHaveTextContent(HOSTILE));
    await userEvent.click(screen.getByRole('button', { name: /Show root cause/ }));
    await screen.findByRole('complementary');
    await userEvent.click(screen.getByRole('button', { name: 'Table' }));
    await screen.findByRole('grid');
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('reads the tree again on Refresh', async () => {
    const api = mockApi();
    renderView(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.getTree).toHaveBeenCalledTimes(2));
  });

  it('explains a 403 instead of failing', async () => {
    renderView(mockApi(new NotAllowedError('kubernetes-resources.read denied')));
    expect(await screen.findByText("You are not allowed to see this entity's resources.")).toBeInTheDocument();
    expect(screen.getByText('kubernetes-resources.read denied')).toBeInTheDocument();
  });

  it('keeps the selection across a refresh that changes statuses', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const api = mockApi();
      render(
        <TestApiProvider apis={[[kubernetesResourcesApiRef, api]]}>
          <ResourcesView entityRef="resource:demo/orders-db.team-payments" polling={{ intervalMs: 1000 }} />
        </TestApiProvider>,
      );
      // a plain click: user-event's mousedown has no `view`, which the graph's pan handler reads in jsdom
    fireEvent.click(await screen.findByTestId('graph-node-n-sg'));
      await screen.findByRole('complementary', { name: /SecurityGroup/ });
      const healed = demoTree();
      healed.nodes = healed.nodes.map(n => ({ ...n, status: 'ready' as const }));
      healed.summary = { ...healed.summary, notReady: 0, rootCause: null };
      api.getTree.mockResolvedValue(healed);
      await act(() => jest.advanceTimersByTimeAsync(1100));
      expect(await screen.findByText('All 8 resources are ready.')).toBeInTheDocument();
      expect(screen.getByRole('complementary', { name: /SecurityGroup/ })).toBeInTheDocument();
      await waitFor(() => expect(screen.getByTestId('graph-node-n-instance')).toHaveAttribute('data-status', 'ready'));
    } finally {
      jest.useRealTimers();
    }
  });

  // 500 nodes are laid out in graph.test.ts; jsdom renders 200 here to keep the suite fast on busy machines
  it('draws a 200-node tree and collapses it to the root and its composites', async () => {
    renderView(mockApi(largeTree(200)));
    await waitFor(() => expect(screen.getAllByTestId(/^graph-node-/).length).toBeGreaterThan(10), { timeout: 30_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    await waitFor(() => expect(screen.getAllByTestId(/^graph-node-/)).toHaveLength(11));
    expect(screen.getByRole('button', { name: 'Expand XComposite item-1' })).toHaveTextContent('+18');
  }, 120_000);
});
