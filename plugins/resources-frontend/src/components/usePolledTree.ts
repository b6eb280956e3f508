import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResourceTree } from '@kube-platform/plugin-kubernetes-common';
import type { KubernetesResourcesApi } from '../api/KubernetesResourcesApi';
import { NotAllowedError } from '../api/errors';

/** How often the tree is read while the tab is visible, and the longest wait after repeated errors. */
export interface PollingOptions {
  intervalMs?: number;
  maxIntervalMs?: number;
}

/** The latest tree (kept through failed refreshes), the last error, and a manual refresh. */
export interface PolledTree {
  tree?: ResourceTree;
  error?: Error;
  loading: boolean;
  refresh: () => void;
}

const DEFAULT_INTERVAL_MS = 15_000;
const DEFAULT_MAX_INTERVAL_MS = 5 * 60_000;

/** The wait before the next read: the interval, doubled per consecutive failure, capped. */
export function nextDelay(failures: number, intervalMs: number, maxIntervalMs: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 16), maxIntervalMs);
}

/**
 * Reads an entity's tree now and then again on an interval while the page is visible. A hidden page
 * stops polling; becoming visible reads at once. Errors back off exponentially; a 403 stops polling,
 * since asking again will not change the answer.
 */
export function usePolledTree(
  api: KubernetesResourcesApi,
  entityRef: string,
  options: PollingOptions = {},
): PolledTree {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const maxIntervalMs = options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS;
  const [tree, setTree] = useState<ResourceTree>();
  const [error, setError] = useState<Error>();
  const [settled, setSettled] = useState(false);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration(g => g + 1), []);
  const entityRefRef = useRef(entityRef);

  useEffect(() => {
    if (entityRefRef.current !== entityRef) {
      // a different entity: never show the previous one's tree
      entityRefRef.current = entityRef;
      setTree(undefined);
      setError(undefined);
      setSettled(false);
    }
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let inFlight = false;

    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(read, delay);
    };

    async function read() {
      timer = undefined;
      if (stopped || document.hidden) {
        return; // resumed by the visibility listener
      }
      controller = new AbortController();
      inFlight = true;
      try {
        const next = await api.getTree(entityRef, { signal: controller.signal });
        if (stopped) return;
        failures = 0;
        setTree(next);
        setError(undefined);
        setSettled(true);
      } catch (e) {
        if (stopped) return;
        failures += 1;
        setError(e instanceof Error ? e : new Error(String(e)));
        setSettled(true);
        if (e instanceof NotAllowedError) {
          stopped = true;
          return;
        }
      } finally {
        inFlight = false;
      }
      if (!stopped && !document.hidden) {
        schedule(failures === 0 ? intervalMs : nextDelay(failures, intervalMs, maxIntervalMs));
      }
    }

    const onVisibility = () => {
      if (stopped) return;
      if (document.hidden) {
        clearTimeout(timer);
        timer = undefined;
      } else if (timer === undefined && !inFlight) {
        schedule(0);
      }
    };

    document.addEventListener('visibilitychange', onVisibility);
    read();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api, entityRef, intervalMs, maxIntervalMs, generation]);

  return { tree, error, loading: !settled, refresh };
}
