import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { SimCluster } from './sim/cluster';
import type { KubeObject } from './types';

export interface ManifestDoc {
  file: string;
  object: KubeObject;
}

export interface SeedError {
  file: string;
  /** `Kind namespace/name` when the document had one. */
  object?: string;
  message: string;
}

export interface SeedReport {
  applied: number;
  errors: SeedError[];
}

function yamlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap(entry => {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry) ? [full] : [];
    });
}

function describe(obj: KubeObject): string {
  const m = obj.metadata ?? {};
  return `${obj.kind ?? '?'} ${m.namespace ? `${m.namespace}/` : ''}${m.name ?? '?'}`;
}

/** Every YAML document under the given files and directories, in path order; parse errors are reported. */
export function readManifests(paths: string[]): { docs: ManifestDoc[]; errors: SeedError[] } {
  const docs: ManifestDoc[] = [];
  const errors: SeedError[] = [];
  for (const file of paths.flatMap(yamlFiles)) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      if (doc.errors.length) {
        errors.push({ file, message: doc.errors[0].message });
        continue;
      }
      const object = doc.toJS() as KubeObject | null;
      if (object && typeof object === 'object') docs.push({ file, object });
    }
  }
  return { docs, errors };
}

// Definitions before the objects that need them, and namespaces before their contents.
function rank(obj: KubeObject): number {
  if (obj.kind === 'CustomResourceDefinition') return 0;
  if (obj.kind === 'CompositeResourceDefinition') return 1;
  if (obj.kind === 'Namespace') return 2;
  return 3;
}

/** Applies documents with create-or-update semantics, keeping status; one bad object never stops the rest. */
export function seed(cluster: SimCluster, docs: ManifestDoc[]): SeedReport {
  const ordered = docs.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d.object) - rank(b.d.object) || a.i - b.i);
  const errors: SeedError[] = [];
  let applied = 0;
  for (const { d } of ordered) {
    try {
      cluster.apply(d.object);
      applied++;
    } catch (e) {
      errors.push({ file: d.file, object: describe(d.object), message: (e as Error).message });
    }
  }
  return { applied, errors };
}
