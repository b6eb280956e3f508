import { stringify } from 'yaml';
import { NotFoundError } from '@backstage/errors';
import type { NodeYamlResponse } from '@kube-platform/plugin-kubernetes-common';
import type { TreeEntry } from '../tree/buildTree';

/**
 * The node's object as YAML. Tree entries are already redacted when read (no managedFields, no
 * last-applied-configuration, a Secret reduced to its identity), so this only serialises.
 */
export function yamlView(entry: TreeEntry): NodeYamlResponse {
  if (!entry.object) {
    throw new NotFoundError(`${entry.node.kind} ${entry.node.name} was not found in the cluster, so it has no YAML`);
  }
  return { view: 'yaml', nodeId: entry.node.id, yaml: stringify(entry.object, { lineWidth: 0 }) };
}
