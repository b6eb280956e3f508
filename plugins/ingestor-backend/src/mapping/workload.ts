import { BACKSTAGE_KUBERNETES_ANNOTATIONS } from '../annotations';
import type { KubeObject } from '../types';
import { asRecord, compareStrings, pathOf } from './guards';

/** `k=v,k2=v2`, sorted by key so the annotation does not change when the API server reorders labels. */
export function formatLabelSelector(labels: unknown): string | undefined {
  const record = asRecord(labels);
  if (!record) return undefined;
  const pairs = Object.entries(record)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([key, value]) => `${key}=${value}`);
  return pairs.length > 0 ? pairs.join(',') : undefined;
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

export function workloadAnnotations(kind: string, object: KubeObject): Record<string, string> {
  const selector = workloadLabelSelector(kind, object);
  return selector ? { [BACKSTAGE_KUBERNETES_ANNOTATIONS.labelSelector]: selector } : {};
}
