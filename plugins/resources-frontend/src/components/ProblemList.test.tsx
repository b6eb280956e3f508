import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Problem } from '@kube-platform/plugin-kubernetes-common';
import { indexTree } from '../graph/treeIndex';
import { demoTree, RECONCILE_MESSAGE } from '../testing/demoTree';
import { ProblemList } from './ProblemList';
import { safeHttpUrl } from './safeUrl';

jest.setTimeout(30_000);

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
// built from parts so no literal script URL sits in the source
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

function problem(overrides: Partial<Problem> = {}): Problem {
  return {
    detector: 'crossplane-reconcile-error',
    severity: 'error',
    nodeId: 'n-instance',
    title: 'The cloud provider rejected the database',
    fix: {
      explanation: 'The provider could not create the RDS instance.',
      nextStep: 'Pick an instance class the engine version supports.',
      evidence: [`Synced=False ReconcileError: ${RECONCILE_MESSAGE}`],
      docsUrl: 'https://docs.crossplane.io/latest/guides/troubleshoot-crossplane/',
    },
    count: 2,
    nodeIds: ['n-instance', 'n-sg'],
    clusters: ['demo'],
    ...overrides,
  };
}

describe('ProblemList', () => {
  const index = indexTree(demoTree());

  it('lists problems and selects the affected node', async () => {
    const onSelectNode = jest.fn();
    render(<ProblemList problems={[problem()]} index={index} onSelectNode={onSelectNode} />);
    const list = screen.getByRole('region', { name: 'Problems' });
    expect(list).toHaveTextContent('Error');
    expect(list).toHaveTextContent('The cloud provider rejected the database');
    expect(list).toHaveTextContent('×2');
    await userEvent.click(within(list).getByRole('button', { name: 'Instance orders-db-x7k2p-instance' }));
    expect(onSelectNode).toHaveBeenCalledWith('n-instance');
  });

  it('opens the proposed fix with explanation, next step, evidence, affected nodes and docs link', async () => {
    render(<ProblemList problems={[problem()]} index={index} onSelectNode={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Proposed fix: The cloud provider rejected the database' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('The provider could not create the RDS instance.');
    expect(dialog).toHaveTextContent('Pick an instance class the engine version supports.');
    expect(within(dialog).getByLabelText('Evidence')).toHaveTextContent('InvalidParameterCombination');
    expect(dialog).toHaveTextContent(
      'Seen on 2 resources in cluster demo: Instance orders-db-x7k2p-instance, SecurityGroup orders-db-x7k2p-sg',
    );
    expect(within(dialog).getByRole('link', { name: 'Documentation' })).toHaveAttribute(
      'href',
      'https://docs.crossplane.io/latest/guides/troubleshoot-crossplane/',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('names every cluster a grouped problem occurs in', async () => {
    render(<ProblemList problems={[problem({ clusters: ['prod-eu', 'prod-us'] })]} index={index} onSelectNode={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Proposed fix: The cloud provider rejected the database' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Seen on 2 resources in clusters prod-eu, prod-us:');
  });

  it('renders hostile text as text and drops a non-http docs link', async () => {
    const hostile = problem({
      title: HOSTILE,
      fix: { explanation: HOSTILE, nextStep: HOSTILE, evidence: [HOSTILE], docsUrl: SCRIPT_URL },
    });
    const { baseElement } = render(<ProblemList problems={[hostile]} index={index} onSelectNode={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: `Proposed fix: ${HOSTILE}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(HOSTILE);
    expect(within(dialog).queryByRole('link')).not.toBeInTheDocument();
    expect(baseElement.querySelector('img')).toBeNull();
  });

  it('shows nothing without problems', () => {
    const { container } = render(<ProblemList problems={[]} index={index} onSelectNode={jest.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) URLs only', () => {
    expect(safeHttpUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHttpUrl(SCRIPT_URL)).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>')).toBeUndefined();
    expect(safeHttpUrl('/relative')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});
