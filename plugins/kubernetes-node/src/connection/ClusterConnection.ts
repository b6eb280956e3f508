import type { KubeObject } from '../types';

/**
 * Query parameters of a request; undefined values are left out.
 *
 * @public
 */
export type KubeQuery = Record<string, string | undefined>;

/**
 * One event of a watch stream, as the API server sends it (`BOOKMARK` and `ERROR` included).
 *
 * @public
 */
export interface WatchEvent {
  type: string;
  object: KubeObject;
}

/**
 * Per-request options: a caller's abort signal and a time budget for the complete answer.
 *
 * @public
 */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * A list answer as {@link ClusterConnection.getList} returns it.
 *
 * @public
 */
export interface ListAnswer<T> {
  metadata?: { continue?: string; resourceVersion?: string };
  items: T[];
}

/**
 * Read access to one cluster's API server, whatever the route (direct or through Backstage's
 * kubernetes-backend proxy). Paths are API server paths such as `/apis/apps/v1/deployments`.
 *
 * @remarks
 * Every failure is a {@link KubeRequestError} naming the cluster and path, never a credential.
 *
 * @public
 */
export interface ClusterConnection {
  /** The cluster's name: the kubeconfig context, the configured name, or the proxy's cluster name. */
  readonly name: string;
  /** GET a JSON document; non-2xx answers, network errors, timeouts and aborts throw. */
  getJson<T>(path: string, query: KubeQuery, opts: RequestOptions): Promise<T>;
  /**
   * GET a list answer, parsing its items one at a time and passing each through `item` as it is parsed,
   * so a large page's whole objects are never all alive at once. Fails like {@link ClusterConnection.getJson};
   * an error thrown by `item` passes unchanged. Optional: where it is absent, {@link listSnapshot} parses
   * each page whole with `getJson`.
   */
  getList?<T>(path: string, query: KubeQuery, opts: RequestOptions, item: (raw: unknown) => T): Promise<ListAnswer<T>>;
  /** GET a text document, such as a `pods/log` subresource; fails like {@link ClusterConnection.getJson}. */
  getText(path: string, query: KubeQuery, opts: RequestOptions): Promise<string>;
  /**
   * Opens a watch and calls `onEvent` for each event in order. Resolves when the server ends the stream
   * or `signal` aborts; rejects when the request fails or the connection drops mid-stream.
   */
  watch(path: string, query: KubeQuery, onEvent: (e: WatchEvent) => void, opts: { signal?: AbortSignal }): Promise<void>;
}
