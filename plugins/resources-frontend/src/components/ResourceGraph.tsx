import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import type { CollapsedState } from '../graph/collapse';
import { layoutGraph } from '../graph/layout';
import { statusStyle } from '../graph/status';
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  structureKey,
  toFlowElements,
  type Point,
  type ResourceFlowNode,
} from '../graph/toFlow';
import type { TreeIndex } from '../graph/treeIndex';
import { GraphActionsContext, ResourceNodeCard } from './ResourceNodeCard';

/** A request to centre a node; `seq` makes a repeated request for the same node count again. */
export interface FocusRequest {
  nodeId: string;
  seq: number;
}

/** Props of {@link ResourceGraph}. */
export interface ResourceGraphProps {
  tree: ResourceTree;
  index: TreeIndex;
  collapsed: CollapsedState;
  selectedId?: string;
  focus?: FocusRequest;
  onSelect: (nodeId: string) => void;
  onToggle: (nodeId: string) => void;
}

const nodeTypes = { resource: ResourceNodeCard };

/** Honours the user's reduced-motion setting; without `matchMedia` (jsdom) there is no animation. */
function prefersReducedMotion(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function minimapColour(node: ResourceFlowNode): string {
  return statusStyle(node.data.resource.status).colour;
}

function GraphCanvas(props: ResourceGraphProps) {
  const { tree, index, collapsed, selectedId, focus, onSelect, onToggle } = props;
  const flow = useReactFlow<ResourceFlowNode>();
  const [positions, setPositions] = useState<ReadonlyMap<string, Point>>(new Map());
  const [laidOutKey, setLaidOutKey] = useState<string>();
  const fitted = useRef(false);

  const { nodes, edges } = useMemo(
    () => toFlowElements(tree, index, { collapsed, positions, selectedId }),
    [tree, index, collapsed, positions, selectedId],
  );
  const key = useMemo(() => structureKey(nodes.map(n => n.id), edges), [nodes, edges]);

  // Lay out again only when the drawn structure changes: a refresh with new statuses keeps positions.
  useEffect(() => {
    if (key === laidOutKey) {
      return undefined;
    }
    let cancelled = false;
    layoutGraph(
      nodes.map(n => n.id),
      edges,
    ).then(
      next => {
        if (!cancelled) {
          setPositions(next);
          setLaidOutKey(key);
        }
      },
      () => {
        // a failed layout leaves the previous positions; the table view still works
      },
    );
    return () => {
      cancelled = true;
    };
    // nodes/edges are derived from the same inputs as key
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // Fit once, after the first layout; later the user's zoom and pan are theirs.
  useEffect(() => {
    if (laidOutKey !== undefined && !fitted.current) {
      fitted.current = true;
      flow.fitView({ padding: 0.15, maxZoom: 1 });
    }
  }, [laidOutKey, flow]);

  useEffect(() => {
    if (!focus || laidOutKey === undefined) {
      return;
    }
    const position = positions.get(focus.nodeId);
    if (position) {
      flow.setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, {
        zoom: Math.max(flow.getZoom(), 0.8),
        duration: prefersReducedMotion() ? 0 : 300,
      });
    }
    // centre once per request, with positions as they are when it arrives or after the layout it needs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, laidOutKey]);

  const onNodeClick: NodeMouseHandler<ResourceFlowNode> = (_event, node) => onSelect(node.id);
  // keyboard selection (Enter on a focused node) arrives only as a change, not as a click
  const onNodesChange = (changes: NodeChange<ResourceFlowNode>[]) => {
    const selection = changes.find(change => change.type === 'select' && change.selected);
    if (selection && selection.type === 'select' && selection.id !== selectedId) {
      onSelect(selection.id);
    }
  };
  const actions = useMemo(() => ({ onToggle }), [onToggle]);

  return (
    <GraphActionsContext.Provider value={actions}>
      <ReactFlow<ResourceFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onlyRenderVisibleElements={nodes.length > 100}
        minZoom={0.05}
        maxZoom={2}
        aria-label="Resource graph"
      >
        <Background />
        <Controls showInteractive={false} />
        <MiniMap<ResourceFlowNode> nodeColor={minimapColour} pannable zoomable />
      </ReactFlow>
    </GraphActionsContext.Provider>
  );
}

/**
 * The layered graph of an entity's resources (root on the left) with zoom, fit and a minimap. Stays
 * mounted across refreshes, so zoom and pan survive them.
 */
export function ResourceGraph(props: ResourceGraphProps) {
  return (
    <div style={{ height: 640, width: '100%' }}>
      <ReactFlowProvider>
        <GraphCanvas {...props} />
      </ReactFlowProvider>
    </div>
  );
}
