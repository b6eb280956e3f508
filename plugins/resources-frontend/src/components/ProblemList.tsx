import { useState } from 'react';
import { Button, Flex, Text } from '@backstage/ui';
import type { Problem, ProblemSeverity } from '@kube-platform/plugin-kubernetes-common';
import type { TreeIndex } from '../graph/treeIndex';
import { FixDialog } from './FixDialog';

/** Props of {@link ProblemList}. */
export interface ProblemListProps {
  problems: readonly Problem[];
  index: TreeIndex;
  onSelectNode: (nodeId: string) => void;
}

const SEVERITY: Record<ProblemSeverity, { label: string; colour: string }> = {
  error: { label: 'Error', colour: '#cf222e' },
  warning: { label: 'Warning', colour: '#9a6700' },
  info: { label: 'Info', colour: '#0969da' },
};

/**
 * The diagnosis: each detected problem (already grouped and ordered by severity on the server) with
 * how many resources show it, a link to the first one and its proposed fix.
 */
export function ProblemList({ problems, index, onSelectNode }: ProblemListProps) {
  const [open, setOpen] = useState<Problem>();
  if (problems.length === 0) {
    return null;
  }
  const nameOf = (id: string) => {
    const node = index.byId.get(id);
    return node ? `${node.kind} ${node.name}` : id;
  };
  return (
    <section aria-label="Problems">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {problems.map(problem => {
          const severity = SEVERITY[problem.severity] ?? SEVERITY.info;
          return (
            <li
              key={`${problem.detector}:${problem.nodeId}`}
              style={{ padding: '4px 0', borderBottom: '1px solid var(--bui-border-1, #ddd)' }}
            >
              <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
                <span style={{ color: severity.colour, fontWeight: 600 }}>{severity.label}</span>
                <Text>{problem.title}</Text>
                {problem.count > 1 && <Text color="secondary">{`×${problem.count}`}</Text>}
                <Button size="small" variant="tertiary" onPress={() => onSelectNode(problem.nodeId)}>
                  {nameOf(problem.nodeId)}
                </Button>
                <Button
                  size="small"
                  variant="secondary"
                  aria-label={`Proposed fix: ${problem.title}`}
                  onPress={() => setOpen(problem)}
                >
                  Proposed fix
                </Button>
              </Flex>
            </li>
          );
        })}
      </ul>
      {open && (
        <FixDialog problem={open} nodeNames={open.nodeIds.map(nameOf)} onClose={() => setOpen(undefined)} />
      )}
    </section>
  );
}
