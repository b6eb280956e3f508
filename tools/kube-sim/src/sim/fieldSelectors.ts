import type { ResourceType } from '../types';

// Fields each built-in kind accepts in a fieldSelector beyond metadata.name and metadata.namespace.
const SUPPORTED: Record<string, string[]> = {
  '/pods': ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  '/secrets': ['type'],
  '/namespaces': ['status.phase'],
  '/events': ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  'apps/replicasets': ['status.replicas'],
  'batch/jobs': ['status.successful'],
};

export function supportedFieldsFor(type: ResourceType): string[] {
  return type.custom ? [] : SUPPORTED[`${type.group}/${type.name}`] ?? [];
}
