import { BACKSTAGE_KUBERNETES_ANNOTATIONS } from '../annotations';
import type { KubeObject } from '../types';
import { asRecord, compareStrings, pathOf } from './guards';

/** `k=v,k2=v2`, sorted by key so the annotation does not change when the API server reorders labels. */
export function formatLabelSelector(labels: unknown): string | undefined {
  const record = asRecord(labels);
  if (!record) return undefined;
  // Runs for every workload: one pass over the keys, no intermediate arrays of pairs.
  const keys: string[] = [];
  for (const key of Object.keys(record)) if (typeof record[key] === 'string') keys.push(key);
  if (keys.length === 0) return undefined;
  if (keys.length > 1) keys.sort(compareStrings);
  let selector = '';
  for (const key of keys) selector += `${selector ? ',' : ''}${key}=${record[key] as string}`;
  return selector;
}

/**
 * The labels of the workload's pods, so Backstage's Kubernetes tab finds them. CronJobs have no
 * selector; their job template's pod labels are the closest equivalent.
 */
export function workloadLabelSelector(kind: string, object: KubeObject): string | undefined {
  const labels =
    kind === 'CronJob'
      ? pathOf(object, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels')
      : pathOf(object, 'spec', 'selector', 'matchLabels');
  return formatLabelSelector(labels);
}

// Read once (imported bindings can compile to getters); this runs for every workload.
const LABEL_SELECTOR = BACKSTAGE_KUBERNETES_ANNOTATIONS.labelSelector;

export function workloadAnnotations(kind: string, object: KubeObject): Record<string, string> {
  const selector = workloadLabelSelector(kind, object);
  return selector ? { [LABEL_SELECTOR]: selector } : {};
}
