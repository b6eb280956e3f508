import { Text } from '@backstage/ui';
import type { NodeEvent } from '@kube-platform/plugin-kubernetes-common';

/** An object's events, in the order the server sends them (newest first). */
export function EventsList({ events }: { events: readonly NodeEvent[] }) {
  if (events.length === 0) {
    return <Text color="secondary">No events for this object.</Text>;
  }
  return (
    <ol aria-label="Events" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {events.map((event, i) => (
        <li key={i} style={{ padding: '4px 0', borderBottom: '1px solid var(--bui-border-1, #ddd)' }}>
          <Text variant="body-small" weight="bold" color={event.type === 'Warning' ? 'warning' : 'primary'}>
            {`${event.type}${event.reason ? ` · ${event.reason}` : ''}${event.count > 1 ? ` ×${event.count}` : ''}`}
          </Text>
          <Text as="div" variant="body-small" style={{ overflowWrap: 'anywhere' }}>
            {event.message ?? ''}
          </Text>
          <Text as="div" variant="body-x-small" color="secondary">
            {[event.lastTimestamp ?? event.firstTimestamp, event.source].filter(Boolean).join(' · ')}
          </Text>
        </li>
      ))}
    </ol>
  );
}
