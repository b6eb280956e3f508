import { type ReactNode } from 'react';
import { Alert, Button, Flex, Text } from '@backstage/ui';
import type { ResourceNode } from '@kube-platform/plugin-kubernetes-common';
import type { KubernetesResourcesApi } from '../api/KubernetesResourcesApi';
import { statusStyle } from '../graph/status';
import { ConditionsTable } from './ConditionsTable';
import { EventsList } from './EventsList';
import { LogsView } from './LogsView';
import { useNodeDetails, type Loadable } from './useNodeDetails';
import { YamlView } from './YamlView';

/** Props of {@link NodeDrawer}. */
export interface NodeDrawerProps {
  api: KubernetesResourcesApi;
  entityRef: string;
  node: ResourceNode;
  onClose: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Text as="h3" variant="title-x-small" style={{ margin: '12px 0 6px' }}>
        {title}
      </Text>
      {children}
    </section>
  );
}

function Loaded<T>({ value, children }: { value: Loadable<T>; children: (v: T) => ReactNode }) {
  if (value.state === 'loading') {
    return <Text color="secondary">Loading…</Text>;
  }
  if (value.state === 'error') {
    return <Alert status="danger" title={value.error.message} />;
  }
  return <>{children(value.value)}</>;
}

/**
 * The side panel of one node: status, conditions, YAML (copy, download) and events, the last two read
 * when it opens, and for pods their logs on request. Secrets show their name only; the backend never sends their data.
 */
export function NodeDrawer({ api, entityRef, node, onClose }: NodeDrawerProps) {
  const isSecret = node.kind === 'Secret' && node.apiVersion === 'v1';
  const { yaml, events } = useNodeDetails(api, entityRef, node.id, { skipYaml: isSecret });
  const style = statusStyle(node.status);
  return (
    <aside
      aria-label={`Details of ${node.kind} ${node.name}`}
      style={{
        width: 480,
        maxWidth: '45vw',
        flexShrink: 0,
        padding: 12,
        borderLeft: '1px solid var(--bui-border-1, #ddd)',
        overflow: 'auto',
        maxHeight: 760,
      }}
    >
      <Flex justify="between" align="start">
        <div style={{ minWidth: 0 }}>
          <Text as="div" variant="body-small" color="secondary">
            {`${node.kind} · ${node.apiVersion}`}
          </Text>
          <Text as="h2" variant="title-small" style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {node.name}
          </Text>
          {node.namespace && (
            <Text as="div" variant="body-small" color="secondary">
              {`namespace ${node.namespace}`}
            </Text>
          )}
          <Text as="div" weight="bold" style={{ color: style.colour }}>
            {`${style.icon} ${style.label}${node.reason ? ` · ${node.reason}` : ''}`}
          </Text>
          {node.message && (
            <Text as="p" variant="body-small" style={{ overflowWrap: 'anywhere' }}>
              {node.message}
            </Text>
          )}
        </div>
        <Button size="small" variant="tertiary" onPress={onClose} aria-label="Close details">
          Close
        </Button>
      </Flex>
      <Section title="Conditions">
        <ConditionsTable conditions={node.conditions ?? []} />
      </Section>
      <Section title="YAML">
        {isSecret ? (
          <Text color="secondary">A Secret's content is never shown here.</Text>
        ) : (
          <Loaded value={yaml}>{text => <YamlView yaml={text} kind={node.kind} name={node.name} />}</Loaded>
        )}
      </Section>
      <Section title="Events">
        <Loaded value={events}>{list => <EventsList events={list} />}</Loaded>
      </Section>
      {node.kind === 'Pod' && node.apiVersion === 'v1' && (
        <Section title="Logs">
          <LogsView api={api} entityRef={entityRef} nodeId={node.id} />
        </Section>
      )}
    </aside>
  );
}
