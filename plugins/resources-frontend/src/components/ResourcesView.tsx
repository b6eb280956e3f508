import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import { useApi } from '@backstage/core-plugin-api';
import { kubernetesResourcesApiRef } from '../api/KubernetesResourcesApi';
import { NotAllowedError } from '../api/errors';
import {
  collapseBelowDepth,
  initialCollapsed,
  revealNode,
  toggleCollapsed,
  type CollapsedState,
} from '../graph/collapse';
import { indexTree } from '../graph/treeIndex';
import { NodeDrawer } from './NodeDrawer';
import { ProblemList } from './ProblemList';
import { ResourceGraph, type FocusRequest } from './ResourceGraph';
import { ResourceTable } from './ResourceTable';
import { SummaryLine } from './SummaryLine';
import { usePolledTree, type PollingOptions } from './usePolledTree';

/** Props of {@link ResourcesView}. */
export interface ResourcesViewProps {
  entityRef: string;
  polling?: PollingOptions;
}

type ViewMode = 'graph' | 'table';

/**
 * The Resources tab for one entity: summary, graph or table, and the drawer of the selected node.
 * Selection and collapsed subtrees are kept by node id, so they survive every refresh.
 */
export function ResourcesView({ entityRef, polling }: ResourcesViewProps) {
  const api = useApi(kubernetesResourcesApiRef);
  const { tree, error, loading, refresh } = usePolledTree(api, entityRef, polling);
  const [mode, setMode] = useState<ViewMode>('graph');
  const [selectedId, setSelectedId] = useState<string>();
  const [collapsed, setCollapsed] = useState<CollapsedState>(() => new Set());
  const [focus, setFocus] = useState<FocusRequest>();
  const index = useMemo(() => (tree ? indexTree(tree) : undefined), [tree]);

  // The first tree of an entity decides the starting collapse; later refreshes keep the user's choice.
  const initialisedFor = useRef<string>();
  useEffect(() => {
    if (tree && index && initialisedFor.current !== entityRef) {
      initialisedFor.current = entityRef;
      setCollapsed(initialCollapsed(index, tree.root, tree.summary.rootCause?.nodeId));
    }
  }, [tree, index, entityRef]);

  const select = useCallback(
    (nodeId: string, centre = false) => {
      setSelectedId(nodeId);
      if (index) {
        setCollapsed(state => revealNode(state, index, nodeId));
      }
      if (centre) {
        setFocus(previous => ({ nodeId, seq: (previous?.seq ?? 0) + 1 }));
      }
    },
    [index],
  );
  const onToggle = useCallback((nodeId: string) => setCollapsed(state => toggleCollapsed(state, nodeId)), []);

  if (!tree) {
    if (error instanceof NotAllowedError) {
      return (
        <Alert
          status="warning"
          title="You are not allowed to see this entity's resources."
          description={error.message}
        />
      );
    }
    if (error) {
      return <Alert status="danger" title="Could not read this entity's resources." description={error.message} />;
    }
    return <Text color="secondary">{loading ? 'Loading resources…' : 'No resources.'}</Text>;
  }

  const selected = selectedId && index ? index.byId.get(selectedId) : undefined;
  return (
    <Flex direction="column" gap="3">
      <SummaryLine summary={tree.summary} truncated={tree.truncated} onSelectNode={id => select(id, true)} />
      {index && (
        <ProblemList problems={tree.summary.problems ?? []} index={index} onSelectNode={id => select(id, true)} />
      )}
      {error && (
        <Alert
          status="warning"
          title={`Could not refresh; showing the resources as read at ${tree.generatedAt}.`}
          description={error.message}
        />
      )}
      <Flex gap="2" align="center" role="group" aria-label="View">
        <Button
          size="small"
          variant={mode === 'graph' ? 'primary' : 'secondary'}
          aria-pressed={mode === 'graph'}
          onPress={() => setMode('graph')}
        >
          Graph
        </Button>
        <Button
          size="small"
          variant={mode === 'table' ? 'primary' : 'secondary'}
          aria-pressed={mode === 'table'}
          onPress={() => setMode('table')}
        >
          Table
        </Button>
        <Button size="small" variant="tertiary" onPress={refresh}>
          Refresh
        </Button>
        <Text variant="body-x-small" color="secondary">
          {`Read at ${new Date(tree.generatedAt).toLocaleTimeString()}`}
        </Text>
        {mode === 'graph' && index && (
          <>
            <Button size="small" variant="tertiary" onPress={() => setCollapsed(new Set())}>
              Expand all
            </Button>
            <Button
              size="small"
              variant="tertiary"
              onPress={() => setCollapsed(collapseBelowDepth(index, tree.root, 1))}
            >
              Collapse all
            </Button>
          </>
        )}
      </Flex>
      <Flex gap="0" align="start">
        <div style={{ flex: 1, minWidth: 0 }}>
          {mode === 'graph' && index ? (
            <ResourceGraph
              tree={tree}
              index={index}
              collapsed={collapsed}
              selectedId={selectedId}
              focus={focus}
              onSelect={id => select(id)}
              onToggle={onToggle}
            />
          ) : (
            <ResourceTable nodes={tree.nodes} onSelect={id => select(id)} />
          )}
        </div>
        {selected && (
          <NodeDrawer
            key={selected.id}
            api={api}
            entityRef={entityRef}
            node={selected}
            onClose={() => setSelectedId(undefined)}
          />
        )}
      </Flex>
    </Flex>
  );
}
