import { SERVER_VERSION } from './discovery';

/**
 * kubectl fetches `/openapi/v2` as protobuf (gnostic's openapi_v2.Document) before it creates or
 * applies anything, and stops if it cannot. We publish a document with no definitions: kubectl then
 * treats every kind as having no published schema and skips client-side validation, as it does for
 * CRDs without one; the server's own checks still apply.
 */
function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function lengthDelimited(fieldNumber: number, payload: Buffer): Buffer {
  return Buffer.concat([varint((fieldNumber << 3) | 2), varint(payload.length), payload]);
}

function str(fieldNumber: number, value: string): Buffer {
  return lengthDelimited(fieldNumber, Buffer.from(value, 'utf8'));
}

// Field numbers from gnostic's openapiv2/OpenAPIv2.proto: Document.swagger = 1, Document.info = 2,
// Document.paths = 8, Document.definitions = 9; Info.title = 1, Info.version = 2.
export function openApiV2Protobuf(): Buffer {
  const info = Buffer.concat([str(1, 'Kubernetes'), str(2, SERVER_VERSION.gitVersion)]);
  return Buffer.concat([str(1, '2.0'), lengthDelimited(2, info), lengthDelimited(8, Buffer.alloc(0)), lengthDelimited(9, Buffer.alloc(0))]);
}

export function openApiV2Json(): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion }, paths: {}, definitions: {} };
}

/** `/openapi/v3`: the index of group-version documents (none published; clients fall back). */
export function openApiV3Index(): Record<string, unknown> {
  return { paths: {} };
}
