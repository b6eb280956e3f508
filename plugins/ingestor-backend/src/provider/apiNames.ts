import type { MappingSettings } from '../config/types';
import { definitionApiNames, type DefinitionApiNames } from '../templates/apiNames';
import type { KubeObject } from '../types';
import type { ClusterSnapshots } from './snapshots';

/**
 * The API names claims consume, worked out again only when some cluster's XRDs changed: every watch
 * delta re-emits the catalog, and the XRDs almost never change between them.
 */
export class ApiNamesCache {
  private inputs = new Map<string, KubeObject[]>();
  private names: DefinitionApiNames = new Map();

  constructor(private readonly settings: MappingSettings) {}

  of(snapshots: ClusterSnapshots): DefinitionApiNames {
    if (!this.settings.templates.enabled) return this.names;
    const inputs = new Map(snapshots.clusterNames().map(cluster => [cluster, snapshots.xrds(cluster)] as const));
    const unchanged = inputs.size === this.inputs.size && [...inputs].every(([cluster, xrds]) => this.inputs.get(cluster) === xrds);
    if (!unchanged) {
      this.names = definitionApiNames(inputs, this.settings.templates.options);
      this.inputs = inputs;
    }
    return this.names;
  }
}
