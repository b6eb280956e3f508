import type { KubeObject, PrinterColumn, ResourceType } from '../types';
import {
  builtinPrinterColumns,
  builtinRowConditions,
  type CellContext,
  CREATION_TIMESTAMP_DESCRIPTION,
  isComputedColumn,
  NAME_DESCRIPTION,
  type TableRowCondition,
} from './builtinColumns';
import { compileJsonPath, type CompiledJsonPath, evaluateJsonPath } from './jsonpath';

/**
 * meta.k8s.io/v1 Table rendering, as `kubectl get` asks for it with
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. Built-in kinds use the Go printers' columns
 * (builtinColumns.ts); CRDs follow the apiextensions table convertor.
 */

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  /** `?includeObject=`; the server's default is Metadata. */
  includeObject: IncludeObject;
  listMeta?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  now?: Date;
  /** TableOptions.noHeaders: columnDefinitions is then null, as the Go struct marshals a nil slice. */
  noHeaders?: boolean;
}

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  /** A nil RawExtension marshals as null, so includeObject=None gives `"object": null`, not an absent key. */
  object: Record<string, unknown> | null;
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration, for a span in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Up to a second in the future is clock skew and reads as now.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** translateTimestampSince: the age of a timestamp, `<unknown>` when it is absent. */
export function ageSince(timestamp: unknown, now: Date): string {
  const t = typeof timestamp === 'string' && timestamp ? Date.parse(timestamp) : NaN;
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now.getTime() - t);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** The apiextensions convertor's Age column, used when a CRD version declares no printer columns. */
const CRD_DEFAULT_COLUMNS: PrinterColumn[] = [
  { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: CREATION_TIMESTAMP_DESCRIPTION },
];

type CellFn = (obj: KubeObject, ctx: CellContext) => unknown;

interface Plan {
  source: readonly PrinterColumn[];
  definitions: TableColumnDefinition[];
  cells: CellFn[];
  conditions?: (obj: KubeObject) => TableRowCondition[] | undefined;
}

const plans = new WeakMap<ResourceType, Plan>();

function columnsOf(type: ResourceType): readonly PrinterColumn[] {
  if (type.custom) return type.printerColumns.length ? type.printerColumns : CRD_DEFAULT_COLUMNS;
  if (type.printerColumns.length) return type.printerColumns;
  // Kinds without a Go printer get the apiserver's default convertor, the same Name + "Created At" CRDs show.
  return builtinPrinterColumns[`${type.group}/${type.name}`] ?? builtinPrinterColumns['apiextensions.k8s.io/customresourcedefinitions'];
}

/** jsonpath PrintResults for a single value: strings raw, scalars as text, objects as compact JSON. */
function printValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? sortKeys(x as Record<string, unknown>) : x));
  return String(v);
}

// Go marshals maps with sorted keys.
function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map(k => [k, o[k]]));
}

/** cellForJSONValue of the apiextensions convertor: a value of the wrong type is a null cell. */
function typedCell(type: string, v: unknown, ctx: CellContext): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'integer':
      return typeof v === 'number' ? Math.trunc(v) : null;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'date':
      if (typeof v !== 'string') return null;
      if (v === '' || v === 'null') return '<unknown>';
      return RFC3339.test(v) ? ctx.since(v) : '<invalid>';
    default:
      return null;
  }
}

function jsonPathCell(col: PrinterColumn): CellFn {
  let path: CompiledJsonPath;
  try {
    path = compileJsonPath(col.jsonPath);
  } catch {
    // The real server refuses such a CRD; if one gets here anyway, its column stays empty.
    return () => null;
  }
  return (obj, ctx) => {
    // Only the first match is shown, as the convertor assumes simple paths.
    const results = evaluateJsonPath(path, obj);
    if (results.length === 0) return null;
    return col.type === 'string' ? printValue(results[0]) : typedCell(col.type, results[0], ctx);
  };
}

function planFor(type: ResourceType): Plan {
  const source = columnsOf(type);
  const cached = plans.get(type);
  if (cached && cached.source === source) return cached;
  const definitions: TableColumnDefinition[] = [];
  const cells: CellFn[] = [];
  // Name leads, except for a built-in list that places its own `format: name` column (events); CRDs always get it.
  if (type.custom || !source.some(c => c.format === 'name')) {
    definitions.push({ name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 });
    cells.push(o => o.metadata.name ?? '');
  }
  for (const col of source) {
    const fallback = type.custom ? `Custom resource definition column (in JSONPath format): ${col.jsonPath}` : '';
    definitions.push({
      name: col.name,
      type: col.type,
      format: col.format ?? '',
      description: col.description || fallback,
      priority: col.priority ?? 0,
    });
    if (isComputedColumn(col)) cells.push(col.compute);
    else if (col.format === 'name' && !type.custom) cells.push(o => o.metadata.name ?? '');
    else cells.push(jsonPathCell(col));
  }
  const plan: Plan = { source, definitions, cells, conditions: type.custom ? undefined : builtinRowConditions[`${type.group}/${type.name}`] };
  plans.set(type, plan);
  return plan;
}

/** The column definitions a Table of this type carries; a watch can send them once per stream. */
export function tableColumnDefinitions(type: ResourceType): TableColumnDefinition[] {
  return planFor(type).definitions.map(d => ({ ...d }));
}

function rowObject(type: ResourceType, obj: KubeObject, include: IncludeObject): Record<string, unknown> | null {
  if (include === 'None') return null;
  if (include === 'Metadata') return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
  // The server converts each row's object to the requested version, which always sets apiVersion and kind.
  const { apiVersion, kind, ...rest } = obj;
  return { apiVersion: apiVersion ?? (type.group ? `${type.group}/${type.version}` : type.version), kind: kind ?? type.kind, ...rest };
}

/** The rows alone, so a watch can wrap each event's object in a one-row Table with the same columns. */
export function tableRowsFor(type: ResourceType, objects: KubeObject[], opts: TableOptions): TableRow[] {
  const plan = planFor(type);
  const now = opts.now ?? new Date();
  const ctx: CellContext = { now, since: ts => ageSince(ts, now), duration: humanDuration };
  const include = opts.includeObject ?? 'Metadata';
  return objects.map(obj => {
    const cells = plan.cells.map(cell => cell(obj, ctx));
    const conditions = plan.conditions?.(obj);
    // Key order follows the Go struct: cells, conditions (omitempty), object.
    return { cells, ...(conditions ? { conditions } : {}), object: rowObject(type, obj, include) };
  });
}

/** A meta.k8s.io/v1 Table for a list (or a single object passed as a one-element list). */
export function toTable(type: ResourceType, objects: KubeObject[], opts: TableOptions): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  const lm = opts.listMeta ?? {};
  if (lm.resourceVersion) metadata.resourceVersion = lm.resourceVersion;
  if (lm.continue) metadata.continue = lm.continue;
  if (typeof lm.remainingItemCount === 'number') metadata.remainingItemCount = lm.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.noHeaders ? null : tableColumnDefinitions(type),
    rows: tableRowsFor(type, objects, opts),
  };
}
