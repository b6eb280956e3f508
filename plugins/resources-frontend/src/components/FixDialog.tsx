import { Dialog, DialogBody, DialogHeader, Flex, Text } from '@backstage/ui';
import type { Problem } from '@kube-platform/plugin-kubernetes-common';
import { safeHttpUrl } from './safeUrl';

/** Props of {@link FixDialog}. */
export interface FixDialogProps {
  problem: Problem;
  /** Names of the affected nodes, in `problem.nodeIds` order, for the "where" line. */
  nodeNames: string[];
  onClose: () => void;
}

/** " in cluster a" or " in clusters a, b": identical problems are grouped across clusters. */
function where(clusters: readonly string[]): string {
  if (clusters.length === 0) return '';
  return ` in cluster${clusters.length === 1 ? '' : 's'} ${clusters.join(', ')}`;
}

/** A detected problem's proposed fix (the header's own button closes it): the explanation, the next step, the evidence and a docs link. */
export function FixDialog({ problem, nodeNames, onClose }: FixDialogProps) {
  const docsUrl = safeHttpUrl(problem.fix.docsUrl);
  return (
    <Dialog isOpen isDismissable onOpenChange={open => !open && onClose()} width={640}>
      <DialogHeader>{problem.title}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <Text as="p" style={{ margin: 0 }}>
            {problem.fix.explanation}
          </Text>
          <div>
            <Text as="h3" variant="title-x-small" style={{ margin: '0 0 4px' }}>
              Next step
            </Text>
            <Text as="p" style={{ margin: 0 }}>
              {problem.fix.nextStep}
            </Text>
          </div>
          {problem.fix.evidence.length > 0 && (
            <div>
              <Text as="h3" variant="title-x-small" style={{ margin: '0 0 4px' }}>
                Evidence
              </Text>
              <pre
                aria-label="Evidence"
                // A framed box, so a long log tail reads as scrollable where scroll bars are hidden.
                style={{
                  margin: 0,
                  maxHeight: 260,
                  overflow: 'auto',
                  fontSize: 12,
                  whiteSpace: 'pre-wrap',
                  padding: 8,
                  border: '1px solid var(--bui-border, #d0d0d0)',
                  borderRadius: 4,
                }}
              >
                {problem.fix.evidence.join('\n')}
              </pre>
            </div>
          )}
          <Text variant="body-small" color="secondary">
            {`Seen on ${problem.count} resource${problem.count === 1 ? '' : 's'}${where(problem.clusters)}: ${nodeNames.join(', ')}`}
          </Text>
          {docsUrl && (
            <a href={docsUrl} target="_blank" rel="noopener noreferrer">
              Documentation
            </a>
          )}
        </Flex>
      </DialogBody>
    </Dialog>
  );
}
