import { Button, Flex, Text } from '@backstage/ui';
import type { TreeSummary } from '@kube-platform/plugin-kubernetes-common';

/** Props of {@link SummaryLine}. */
export interface SummaryLineProps {
  summary: TreeSummary;
  truncated: boolean;
  onSelectNode: (nodeId: string) => void;
}

/**
 * One line on top of the tab: how many resources are not ready and, when something fails, the root
 * cause with its reason and message; the cause's name selects and centres its node.
 */
export function SummaryLine({ summary, truncated, onSelectNode }: SummaryLineProps) {
  const { total, notReady, rootCause } = summary;
  const counts =
    notReady === 0
      ? `All ${total} resources are ready.`
      : `${notReady} of ${total} resources are not ready.`;
  return (
    <Flex direction="column" gap="1" role="status" aria-label="Resources summary">
      <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
        <Text weight="bold" color={notReady === 0 ? 'success' : 'danger'}>
          {counts}
        </Text>
        {rootCause && (
          <>
            <Text>Root cause:</Text>
            <Button
              variant="tertiary"
              size="small"
              aria-label={`Show root cause ${rootCause.kind} ${rootCause.name}`}
              onPress={() => onSelectNode(rootCause.nodeId)}
            >
              {`${rootCause.kind} ${rootCause.name}`}
            </Button>
            {rootCause.reason && (
              <Text weight="bold" color="danger">
                {rootCause.reason}
              </Text>
            )}
          </>
        )}
      </Flex>
      {rootCause?.message && (
        <Text variant="body-small" color="secondary" style={{ overflowWrap: 'anywhere' }}>
          {rootCause.message}
        </Text>
      )}
      {truncated && (
        <Text variant="body-small" color="warning">
          The tree was cut at the server's node limit; some children are not shown.
        </Text>
      )}
    </Flex>
  );
}
