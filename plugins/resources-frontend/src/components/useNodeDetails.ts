import { useEffect, useState } from 'react';
import type { NodeEvent } from '@kube-platform/plugin-kubernetes-common';
import type { KubernetesResourcesApi } from '../api/KubernetesResourcesApi';

/** One part of a node's details as it loads: pending, loaded, or failed with the server's message. */
export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'loaded'; value: T }
  | { state: 'error'; error: Error };

/** A node's YAML and events, both read when the drawer opens on it. */
export interface NodeDetails {
  yaml: Loadable<string>;
  events: Loadable<NodeEvent[]>;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** Reads a node's YAML (unless `skipYaml`) and events; a new node id aborts the previous reads. */
export function useNodeDetails(
  api: KubernetesResourcesApi,
  entityRef: string,
  nodeId: string,
  options: { skipYaml?: boolean } = {},
): NodeDetails {
  const { skipYaml = false } = options;
  const [yaml, setYaml] = useState<Loadable<string>>({ state: 'loading' });
  const [events, setEvents] = useState<Loadable<NodeEvent[]>>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setYaml({ state: 'loading' });
    setEvents({ state: 'loading' });
    if (!skipYaml) {
      api.getNodeDetails(entityRef, nodeId, 'yaml', { signal }).then(
        response => !signal.aborted && setYaml({ state: 'loaded', value: response.yaml }),
        e => !signal.aborted && setYaml({ state: 'error', error: toError(e) }),
      );
    }
    api.getNodeDetails(entityRef, nodeId, 'events', { signal }).then(
      response => !signal.aborted && setEvents({ state: 'loaded', value: response.events }),
      e => !signal.aborted && setEvents({ state: 'error', error: toError(e) }),
    );
    return () => controller.abort();
  }, [api, entityRef, nodeId, skipYaml]);

  return { yaml, events };
}
