import { createContext, memo, useContext, type CSSProperties } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { statusStyle } from '../graph/status';
import { NODE_HEIGHT, NODE_WIDTH, type ResourceFlowNode } from '../graph/toFlow';

/** What a node card can ask of the graph; a context keeps node data plain and serialisable. */
export interface GraphActions {
  onToggle: (nodeId: string) => void;
}

/** Provides {@link GraphActions} to every node card. */
export const GraphActionsContext = createContext<GraphActions>({ onToggle: () => {} });

const line: CSSProperties = {
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

/** One resource in the graph: kind, name, status colour, icon and label, its reason, a collapse toggle. */
function ResourceNodeCardImpl({ id, data, selected }: NodeProps<ResourceFlowNode>) {
  const { onToggle } = useContext(GraphActionsContext);
  const { resource, childCount, hiddenCount, collapsed, rootCause } = data;
  const style = statusStyle(resource.status);
  return (
    <div
      data-testid={`graph-node-${id}`}
      data-status={resource.status}
      title={`${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`}
      style={{
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        boxSizing: 'border-box',
        padding: '6px 10px',
        borderRadius: 8,
        borderStyle: 'solid',
        borderColor: style.colour,
        borderWidth: selected || rootCause ? '3px 3px 3px 6px' : '1px 1px 1px 6px',
        boxShadow: selected ? `0 0 0 3px ${style.colour}55` : undefined,
        background: 'var(--bui-bg-neutral-1, #fff)',
        color: 'var(--bui-fg-primary, #111)',
        fontSize: 12,
        lineHeight: 1.35,
        cursor: 'pointer',
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div style={{ ...line, color: 'var(--bui-fg-secondary, #555)' }}>
        {resource.kind}
        {rootCause ? ' · root cause' : ''}
      </div>
      <div style={{ ...line, fontWeight: 600, fontSize: 13 }}>{resource.name}</div>
      <div style={{ ...line, color: style.colour, fontWeight: 600 }}>
        <span aria-hidden="true">{style.icon} </span>
        {style.label}
        {resource.reason ? ` · ${resource.reason}` : ''}
      </div>
      {childCount > 0 && (
        <button
          type="button"
          className="nodrag nopan"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${resource.kind} ${resource.name}`}
          onClick={event => {
            event.stopPropagation();
            onToggle(id);
          }}
          style={{
            position: 'absolute',
            right: 6,
            bottom: 6,
            fontSize: 11,
            padding: '0 6px',
            borderRadius: 4,
            border: '1px solid var(--bui-border-2, #999)',
            background: 'var(--bui-bg-neutral-2, #f3f3f3)',
            color: 'inherit',
            cursor: 'pointer',
          }}
        >
          {collapsed ? `+${hiddenCount}` : '−'}
        </button>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** Memoised so a refresh re-renders only nodes whose data changed. */
export const ResourceNodeCard = memo(ResourceNodeCardImpl);
