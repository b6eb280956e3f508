import { toTable } from '../api/table';
import type { KubeObject, ResourceType } from '../types';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableRequest {
  includeObject: IncludeObject;
}

/**
 * kubectl asks for `application/json;as=Table;v=v1;g=meta.k8s.io` (falling back to plain JSON); we
 * answer with a Table whenever a Table is acceptable, as the real server does.
 */
export function negotiateTable(accept: string | undefined, includeObject: string | null): TableRequest | undefined {
  if (!accept) return undefined;
  const wantsTable = accept
    .split(',')
    .some(part => /(^|;)\s*as=Table\s*(;|$)/.test(part) && /(^|;)\s*g=meta\.k8s\.io\s*(;|$)/.test(part));
  if (!wantsTable) return undefined;
  const inc: IncludeObject = includeObject === 'None' || includeObject === 'Object' ? includeObject : 'Metadata';
  return { includeObject: inc };
}

export function tableForList(type: ResourceType, items: KubeObject[], req: TableRequest, listMeta: Record<string, unknown>): unknown {
  return toTable(type, items, { includeObject: req.includeObject, listMeta });
}

export function tableForObject(type: ResourceType, obj: KubeObject, req: TableRequest): unknown {
  return toTable(type, [obj], { includeObject: req.includeObject, listMeta: { resourceVersion: obj.metadata.resourceVersion } });
}
