import { ApiError } from '../api/errors';
import type { KubeObject } from '../types';

/** What a resource request is answering: one object (get, and each watch event) or a list. */
export type ResponseShape = 'object' | 'list';

/** The representation an Accept header asks for, once a Table has been ruled out. */
export type Representation = 'full' | 'metadata';

const META_GROUP = 'meta.k8s.io';
const META_VERSIONS = new Set(['v1', 'v1beta1']);
// Media types kube-sim answers with JSON (YAML readers parse JSON; wildcards accept anything).
const JSON_TYPES = new Set(['application/json', 'application/yaml', 'application/*', '*/*']);
// The list a real server names in its 406 message.
const SERVED = 'application/json, application/yaml, application/vnd.kubernetes.protobuf';

interface MediaRange {
  type: string;
  params: Map<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      const [type, ...rest] = part.split(';').map(s => s.trim());
      const params = new Map<string, string>();
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"|"$/g, ''));
      }
      return { type: type.toLowerCase(), params };
    });
}

/** What one media range yields for this shape: a representation, 'table' (served elsewhere) or nothing. */
function rangeYields(range: MediaRange, shape: ResponseShape): Representation | 'table' | undefined {
  if (!JSON_TYPES.has(range.type)) return undefined;
  const as = range.params.get('as');
  if (as === undefined) return 'full';
  if (range.params.get('g') !== META_GROUP || !META_VERSIONS.has(range.params.get('v') ?? '')) return undefined;
  if (as === 'Table') return 'table';
  // As the real server: a list answers as PartialObjectMetadataList, an object (and a watch event) as
  // PartialObjectMetadata; asking a list for the object form (or the reverse) is not servable.
  if (as === 'PartialObjectMetadataList' && shape === 'list') return 'metadata';
  if (as === 'PartialObjectMetadata' && shape === 'object') return 'metadata';
  return undefined;
}

/**
 * Chooses between whole objects and metadata only from an Accept header, first acceptable range first,
 * as a real API server does. Table requests are negotiated separately (negotiate.ts); a header with no
 * range kube-sim can serve is answered 406 NotAcceptable.
 */
export function negotiateRepresentation(accept: string | undefined, shape: ResponseShape): Representation {
  if (!accept || !accept.trim()) return 'full';
  for (const range of parseAccept(accept)) {
    const yields = rangeYields(range, shape);
    if (yields === 'metadata') return 'metadata';
    if (yields) return 'full';
  }
  throw new ApiError(406, 'NotAcceptable', `only the following media types are accepted: ${SERVED}`);
}

/** The Content-Type a real server names for a metadata-only answer. */
export function metadataContentType(shape: ResponseShape): string {
  return `application/json;as=${shape === 'list' ? 'PartialObjectMetadataList' : 'PartialObjectMetadata'};g=${META_GROUP};v=v1`;
}

/** A PartialObjectMetadata: apiVersion, kind and the object's whole metadata, nothing else. */
export function partialObjectMetadata(obj: KubeObject): KubeObject {
  return { apiVersion: `${META_GROUP}/v1`, kind: 'PartialObjectMetadata', metadata: obj.metadata };
}

/** A PartialObjectMetadataList: the list's metadata (resourceVersion, continue) and metadata-only items. */
export function partialObjectMetadataList(items: KubeObject[], listMeta: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: `${META_GROUP}/v1`, kind: 'PartialObjectMetadataList', metadata: listMeta, items: items.map(partialObjectMetadata) };
}
