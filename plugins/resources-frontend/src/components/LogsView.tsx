import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import type { NodeLogsResponse } from '@kube-platform/plugin-kubernetes-common';
import type { KubernetesResourcesApi } from '../api/KubernetesResourcesApi';
import type { Loadable } from './useNodeDetails';

/** Props of {@link LogsView}. */
export interface LogsViewProps {
  api: KubernetesResourcesApi;
  entityRef: string;
  nodeId: string;
}

/**
 * A pod's recent log lines, read only when asked: the failing container's current run or, for a crash
 * loop, its previous one.
 */
export function LogsView({ api, entityRef, nodeId }: LogsViewProps) {
  const [logs, setLogs] = useState<Loadable<NodeLogsResponse>>();
  const controller = useRef<AbortController>();
  useEffect(() => () => controller.current?.abort(), []);

  const read = (previous: boolean) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLogs({ state: 'loading' });
    api.getNodeDetails(entityRef, nodeId, 'logs', { previous, signal: current.signal }).then(
      value => !current.signal.aborted && setLogs({ state: 'loaded', value }),
      e => !current.signal.aborted && setLogs({ state: 'error', error: e instanceof Error ? e : new Error(String(e)) }),
    );
  };

  return (
    <Flex direction="column" gap="2">
      <Flex gap="2">
        <Button size="small" variant="secondary" onPress={() => read(false)}>
          Show logs
        </Button>
        <Button size="small" variant="secondary" onPress={() => read(true)}>
          Previous run's logs
        </Button>
      </Flex>
      {logs?.state === 'loading' && <Text color="secondary">Loading…</Text>}
      {logs?.state === 'error' && <Alert status="danger" title={logs.error.message} />}
      {logs?.state === 'loaded' && (
        <>
          <Text variant="body-small" color="secondary">
            {`Container ${logs.value.container}${logs.value.previous ? ' (previous run)' : ''}, last ${logs.value.lines.length} lines`}
          </Text>
          <pre
            aria-label="Log lines"
            style={{
              margin: 0,
              maxHeight: 320,
              overflow: 'auto',
              padding: 8,
              fontSize: 12,
              background: 'var(--bui-bg-neutral-2, #f6f8fa)',
            }}
          >
            {logs.value.lines.join('\n')}
          </pre>
        </>
      )}
    </Flex>
  );
}
