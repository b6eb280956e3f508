import type { ClusterConnection, KubeQuery } from '../connection/ClusterConnection';
import { KubeRequestError } from '../errors';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../retry';
import { objectPath, withKindFields } from '../list/paths';
import type { KubeObject, ResourceType } from '../types';

/**
 * How to read one object.
 *
 * @public
 */
export interface GetOptions {
  /** Required for namespaced kinds. */
  namespace?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

/**
 * One object with `apiVersion` and `kind` set, or undefined when the server answers 404 (the object,
 * or its namespace, does not exist). Every other failure throws a {@link KubeRequestError}.
 *
 * @public
 */
export async function getObject(conn: ClusterConnection, resource: ResourceType, name: string, opts: GetOptions = {}): Promise<KubeObject | undefined> {
  const path = objectPath(resource, name, { namespace: opts.namespace });
  try {
    const object = await withRetry(
      () => conn.getJson<KubeObject>(path, {}, { signal: opts.signal, timeoutMs: opts.timeoutMs }),
      opts.retry ?? DEFAULT_RETRY,
      opts.signal,
    );
    return withKindFields(object, resource);
  } catch (err) {
    if (err instanceof KubeRequestError && err.status === 404) return undefined;
    throw err;
  }
}

/**
 * A text subresource of one object, such as a pod's `log` (with `query` like `{ container, tailLines }`).
 * A 404 throws like any other failure, since "no log" and "no pod" must not look alike.
 *
 * @public
 */
export function getSubresourceText(
  conn: ClusterConnection,
  resource: ResourceType,
  name: string,
  subresource: string,
  opts: GetOptions & { query?: KubeQuery } = {},
): Promise<string> {
  const path = objectPath(resource, name, { namespace: opts.namespace, subresource });
  return withRetry(
    () => conn.getText(path, opts.query ?? {}, { signal: opts.signal, timeoutMs: opts.timeoutMs }),
    opts.retry ?? DEFAULT_RETRY,
    opts.signal,
  );
}
