import { useMemo, useState, type CSSProperties } from 'react';
import { Cell, CellText, Flex, Table, Text, type ColumnConfig } from '@backstage/ui';
import type { NodeStatus, ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import { filterNodes, kindsOf, sortForTable, type NodeFilter } from '../graph/filters';
import { STATUS_ORDER, statusStyle } from '../graph/status';

/** Props of {@link ResourceTable}. */
export interface ResourceTableProps {
  nodes: readonly ResourceNode[];
  onSelect: (nodeId: string) => void;
}

const columns: ColumnConfig<ResourceNode>[] = [
  { id: 'kind', label: 'Kind', isRowHeader: true, cell: node => <CellText title={node.kind} /> },
  {
    id: 'name',
    label: 'Name',
    cell: node => <CellText title={node.name} description={node.namespace} />,
  },
  {
    id: 'status',
    label: 'Status',
    cell: node => {
      const style = statusStyle(node.status);
      return (
        <Cell>
          <span style={{ color: style.colour, fontWeight: 600 }}>
            <span aria-hidden="true">{style.icon} </span>
            {style.label}
          </span>
        </Cell>
      );
    },
  },
  {
    id: 'reason',
    label: 'Reason',
    cell: node => <CellText title={node.reason ?? ''} description={node.message} />,
  },
];

const selectStyle: CSSProperties = { marginLeft: 6, padding: '2px 4px' };

/** Every node of the tree as a table, worst status first, filtered by kind and status. */
export function ResourceTable({ nodes, onSelect }: ResourceTableProps) {
  const [filter, setFilter] = useState<NodeFilter>({});
  const kinds = useMemo(() => kindsOf(nodes), [nodes]);
  const rows = useMemo(() => sortForTable(filterNodes(nodes, filter)), [nodes, filter]);

  return (
    <Flex direction="column" gap="2">
      <Flex gap="4" align="center">
        <label>
          Kind
          <select
            style={selectStyle}
            value={filter.kind ?? ''}
            onChange={e => setFilter(f => ({ ...f, kind: e.target.value || undefined }))}
          >
            <option value="">All kinds</option>
            {kinds.map(kind => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select
            style={selectStyle}
            value={filter.status ?? ''}
            onChange={e =>
              setFilter(f => ({ ...f, status: (e.target.value || undefined) as NodeStatus | undefined }))
            }
          >
            <option value="">All statuses</option>
            {STATUS_ORDER.map(status => (
              <option key={status} value={status}>
                {statusStyle(status).label}
              </option>
            ))}
          </select>
        </label>
        <Text variant="body-small" color="secondary">
          {`${rows.length} of ${nodes.length}`}
        </Text>
      </Flex>
      <Table<ResourceNode>
        columnConfig={columns}
        data={rows}
        pagination={{ type: 'none' }}
        rowConfig={{ onClick: node => onSelect(node.id) }}
        emptyState={<Text>No resources match these filters.</Text>}
      />
    </Flex>
  );
}
