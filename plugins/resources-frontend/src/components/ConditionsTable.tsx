import { type CSSProperties } from 'react';
import { Text } from '@backstage/ui';
import type { NodeCondition } from '@kube-platform/plugin-kubernetes-common';

const cellStyle: CSSProperties = {
  textAlign: 'left',
  verticalAlign: 'top',
  padding: '4px 8px 4px 0',
  overflowWrap: 'anywhere',
};

/** An object's conditions as reported, every field shown as text. */
export function ConditionsTable({ conditions }: { conditions: readonly NodeCondition[] }) {
  if (conditions.length === 0) {
    return <Text color="secondary">This object reports no conditions.</Text>;
  }
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
      <thead>
        <tr>
          <th style={cellStyle}>Type</th>
          <th style={cellStyle}>Status</th>
          <th style={cellStyle}>Reason</th>
          <th style={cellStyle}>Message</th>
          <th style={cellStyle}>Since</th>
        </tr>
      </thead>
      <tbody>
        {conditions.map(condition => (
          <tr key={condition.type}>
            <td style={cellStyle}>{condition.type}</td>
            <td style={cellStyle}>{condition.status}</td>
            <td style={cellStyle}>{condition.reason ?? ''}</td>
            <td style={cellStyle}>{condition.message ?? ''}</td>
            <td style={cellStyle}>{condition.lastTransitionTime ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
