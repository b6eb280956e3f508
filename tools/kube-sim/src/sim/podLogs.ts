import { badRequest } from '../api/errors';
import type { KubeObject } from '../types';

/**
 * Seeded pods carry their logs in annotations, one per container, because a manifest is the only
 * input the simulator has and it runs no containers:
 * `kube-sim.dev/logs.<container>` (current run) and `kube-sim.dev/previous-logs.<container>` (the
 * run before the last restart).
 */
export const LOGS_ANNOTATION_PREFIX = 'kube-sim.dev/logs.';
/** See {@link LOGS_ANNOTATION_PREFIX}. */
export const PREVIOUS_LOGS_ANNOTATION_PREFIX = 'kube-sim.dev/previous-logs.';

/** The `pods/log` query parameters the simulator honours, as strings from the URL. */
export interface PodLogQuery {
  container?: string;
  previous?: string;
  tailLines?: string;
  limitBytes?: string;
}

interface ContainerStatusLike {
  name?: unknown;
  lastState?: { terminated?: unknown };
  state?: { waiting?: { reason?: unknown } };
}

function names(pod: KubeObject, field: 'containers' | 'initContainers'): string[] {
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  const list = spec[field];
  if (!Array.isArray(list)) return [];
  return list.map(c => (c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined)).filter((n): n is string => typeof n === 'string');
}

function statusOf(pod: KubeObject, container: string): ContainerStatusLike | undefined {
  const status = (pod.status ?? {}) as Record<string, unknown>;
  const all = [status.initContainerStatuses, status.containerStatuses].flatMap(l => (Array.isArray(l) ? (l as ContainerStatusLike[]) : []));
  return all.find(s => s?.name === container);
}

/** A non-negative whole number query parameter, or the 400 a real server answers for a malformed one. */
function wholeNumber(value: string | undefined, param: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n)) throw badRequest(`strconv.ParseInt: parsing "${value}": invalid syntax for ${param}`);
  if (n < min) throw badRequest(`PodLogOptions "" is invalid: ${param}: Invalid value: ${n}: must be ${min === 0 ? 'greater than or equal to 0' : 'greater than 0'}`);
  return n;
}

/** The container a request means, with the messages a real server gives when it cannot tell. */
function pickContainer(pod: KubeObject, requested: string | undefined): string {
  const podName = pod.metadata.name ?? '';
  const containers = names(pod, 'containers');
  const init = names(pod, 'initContainers');
  if (requested === undefined || requested === '') {
    if (containers.length === 1) return containers[0];
    const initPart = init.length ? ` or one of the init containers: [${init.join(' ')}]` : '';
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]${initPart}`);
  }
  if (![...containers, ...init].includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${podName}`);
  return requested;
}

/** The last `tailLines` lines of `text`, keeping a trailing newline as the server streams it. */
function tail(text: string, lines: number | undefined): string {
  if (lines === undefined) return text;
  if (lines === 0) return '';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const kept = body.split('\n').slice(-lines).join('\n');
  return text.endsWith('\n') ? `${kept}\n` : kept;
}

/**
 * The body of `GET /api/v1/namespaces/{ns}/pods/{name}/log` for a stored pod, or the 400 a real
 * server answers (ambiguous or unknown container, no previous run, a container waiting to start).
 * Bytes, not text: `limitBytes` may cut a character in two, as the real server's does.
 */
export function podLogBody(pod: KubeObject, query: PodLogQuery): Buffer {
  const container = pickContainer(pod, query.container);
  const previous = query.previous === 'true' || query.previous === '1';
  const tailLines = wholeNumber(query.tailLines, 'tailLines', 0);
  const limitBytes = wholeNumber(query.limitBytes, 'limitBytes', 1);
  const annotations = pod.metadata.annotations ?? {};
  const podName = pod.metadata.name ?? '';
  const status = statusOf(pod, container);
  let text: string | undefined;
  if (previous) {
    text = annotations[`${PREVIOUS_LOGS_ANNOTATION_PREFIX}${container}`];
    if (text === undefined && !status?.lastState?.terminated) {
      throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    }
  } else {
    text = annotations[`${LOGS_ANNOTATION_PREFIX}${container}`];
    const waiting = status?.state?.waiting?.reason;
    if (text === undefined && typeof waiting === 'string') {
      throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${waiting}`);
    }
  }
  const out = Buffer.from(tail(text ?? '', tailLines), 'utf8');
  return limitBytes === undefined ? out : out.subarray(0, limitBytes);
}
