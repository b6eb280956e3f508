import type { KubeObject } from '../../cluster/types';
import { clusterText } from '../../status/conditions';
import type { Detection, Detector, LogTail } from '../types';

interface Terminated {
  reason?: string;
  exitCode?: number;
  message?: string;
  finishedAt?: string;
}

interface Container {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; running?: { startedAt?: string }; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
}

const DOCS = {
  debug: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/',
  images: 'https://kubernetes.io/docs/concepts/containers/images/',
  memory: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/',
  config: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/',
  secrets: 'https://kubernetes.io/docs/concepts/configuration/secret/',
  probes: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
};

function containers(pod: KubeObject): Container[] {
  const s = pod.status ?? {};
  return [s.initContainerStatuses, s.containerStatuses].flatMap(l => (Array.isArray(l) ? (l as Container[]) : [])).filter(c => c && typeof c === 'object');
}

function terminationEvidence(t: Terminated | undefined): string[] {
  if (!t) return [];
  const parts = [
    clusterText(t.reason) ? `last termination reason: ${clusterText(t.reason)}` : undefined,
    typeof t.exitCode === 'number' ? `exit code: ${t.exitCode}` : undefined,
    clusterText(t.message) ? `termination message: ${clusterText(t.message)}` : undefined,
    clusterText(t.finishedAt) ? `finished at: ${clusterText(t.finishedAt)}` : undefined,
  ];
  return parts.filter((p): p is string => !!p);
}

/** What a CreateContainerConfigError message says is missing: `Secret x`, or `key k in ConfigMap x`. */
export function missingConfig(message: string): { kind: 'Secret' | 'ConfigMap'; name: string; key?: string } | undefined {
  const key = /couldn't find key (\S+) in (Secret|ConfigMap) (?:[^/\s]+\/)?([^\s]+)/.exec(message);
  if (key) return { kind: key[2] as 'Secret' | 'ConfigMap', name: key[3], key: key[1] };
  const object = /(secret|configmap) "([^"]+)" not found/i.exec(message);
  if (object) return { kind: object[1].toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap', name: object[2] };
  return undefined;
}

function describeMissing(missing: { kind: string; name: string; key?: string }): string {
  return missing.key ? `key ${missing.key} of ${missing.kind} ${missing.name}` : `${missing.kind} ${missing.name}`;
}

function one(pod: string, c: Container): Detection | undefined {
  const name = clusterText(c.name) ?? '?';
  const waiting = c.state?.waiting;
  const reason = clusterText(waiting?.reason);
  const message = clusterText(waiting?.message);
  const restarts = typeof c.restartCount === 'number' ? [`restart count: ${c.restartCount}`] : [];
  const last = c.lastState?.terminated ?? c.state?.terminated;
  const waitingEvidence = [reason && message ? `${reason}: ${message}` : reason].filter((e): e is string => !!e);

  if (reason === 'InvalidImageName') {
    return {
      detector: 'invalid-image-name', severity: 'error', nodeId: pod,
      title: `Container ${name} has an invalid image name`,
      fix: { explanation: 'The image reference cannot be parsed, so Kubernetes never tries to pull it.', nextStep: `Fix the image of container ${name} (registry/name:tag, lower case, no spaces) in the workload's manifest.`, evidence: waitingEvidence, docsUrl: DOCS.images },
    };
  }
  if (reason === 'ImagePullBackOff' || reason === 'ErrImagePull') {
    return {
      detector: 'image-pull', severity: 'error', nodeId: pod,
      title: `Container ${name} cannot pull its image`,
      fix: { explanation: 'The node cannot download the image: the tag does not exist, the registry is unreachable, or it needs credentials the pod does not have.', nextStep: 'Check that the image tag exists in the registry, and for a private registry that the pod has an imagePullSecret that can read it.', evidence: waitingEvidence, docsUrl: DOCS.images },
    };
  }
  if (reason === 'CreateContainerConfigError') {
    const missing = message ? missingConfig(message) : undefined;
    const what = missing ? describeMissing(missing) : 'a referenced Secret or ConfigMap';
    return {
      detector: 'container-config', severity: 'error', nodeId: pod,
      title: `Container ${name} needs ${what}, which does not exist`,
      fix: { explanation: `The container's environment or volumes refer to ${what}, and it is missing from the namespace, so the container cannot be created.`, nextStep: `Create ${what} in the pod's namespace, or correct the reference in the workload.`, evidence: waitingEvidence, docsUrl: missing?.kind === 'ConfigMap' ? DOCS.config : DOCS.secrets },
    };
  }
  if (clusterText(last?.reason) === 'OOMKilled') {
    return {
      detector: 'oom-killed', severity: 'error', nodeId: pod,
      title: `Container ${name} was killed for using more memory than its limit`,
      fix: { explanation: 'The container exceeded its memory limit and the kernel stopped it (OOMKilled); it will keep restarting while its memory use stays above the limit.', nextStep: `Raise the memory limit of container ${name}, or find what makes it use more memory than expected.`, evidence: [...terminationEvidence(last), ...restarts], docsUrl: DOCS.memory },
    };
  }
  if (reason === 'CrashLoopBackOff') {
    return {
      detector: 'crash-loop', severity: 'error', nodeId: pod,
      title: `Container ${name} keeps crashing${typeof last?.exitCode === 'number' ? ` (exit code ${last.exitCode})` : ''}`,
      fix: { explanation: 'The container starts and exits again and again; Kubernetes waits longer before each restart.', nextStep: `Read the previous logs of container ${name} (the drawer's logs, or kubectl logs --previous) for the error it exits with.`, evidence: [...terminationEvidence(last), ...restarts, ...waitingEvidence], docsUrl: DOCS.debug },
    };
  }
  const ended = c.state?.terminated;
  if (ended && clusterText(ended.reason) === 'Error' && typeof ended.exitCode === 'number' && ended.exitCode !== 0) {
    return {
      detector: 'container-error', severity: 'error', nodeId: pod,
      title: `Container ${name} exited with an error (exit code ${ended.exitCode})`,
      fix: { explanation: 'The container ran and ended with a non-zero exit code.', nextStep: `Read the logs of container ${name} for the error.`, evidence: [...terminationEvidence(ended), ...restarts], docsUrl: DOCS.debug },
    };
  }
  if (c.state?.running && c.ready === false) {
    return {
      detector: 'readiness-probe', severity: 'warning', nodeId: pod,
      title: `Container ${name} is running but not ready`,
      fix: { explanation: 'The container runs, but its readiness probe fails, so it gets no traffic from its Services.', nextStep: `Check the readiness probe of container ${name} (path, port, timeouts) against what the application serves, and the pod's events for the probe's error.`, evidence: [`running since: ${clusterText(c.state.running.startedAt) ?? 'unknown'}`, ...restarts], docsUrl: DOCS.probes },
    };
  }
  return undefined;
}

/** Detections whose cause is usually written in the container's own log. */
const LOG_DETECTORS = new Set(['crash-loop', 'oom-killed', 'container-error']);

/**
 * Which containers of a pod need their log tail as evidence (crash-looping, OOM-killed, ended in error), and
 * which run: the current one when the container has ended, else the previous (the run that crashed).
 * The service reads these so the detector itself does no I/O.
 */
export function logTailsWanted(pod: KubeObject): Array<{ container: string; previous: boolean }> {
  return containers(pod).flatMap(c => {
    const name = clusterText(c.name);
    const d = name ? one('', c) : undefined;
    if (!name || !d || !LOG_DETECTORS.has(d.detector)) return [];
    return [{ container: name, previous: !c.state?.terminated && !!c.lastState?.terminated }];
  });
}

function logEvidence(container: string, tail: LogTail | undefined): string[] {
  if (!tail?.lines.length) return [];
  return [`log of container ${container} (${tail.previous ? 'previous run' : 'current run'}), last ${tail.lines.length} lines:`, ...tail.lines];
}

/** Per container of a Pod: image, configuration, crash, memory and readiness problems. */
export const containerDetector: Detector = ({ entry, warnings, logs }) => {
  if (entry.node.apiVersion !== 'v1' || entry.node.kind !== 'Pod' || !entry.object) return [];
  // The pod's Warning events say what the status cannot, such as the readiness probe's own error.
  const events = warnings.map(w => `event ${w.reason ?? w.type}${w.count > 1 ? ` (x${w.count})` : ''}: ${w.message ?? ''}`.trim());
  return containers(entry.object).flatMap(c => {
    const d = one(entry.node.id, c);
    if (!d) return [];
    const name = clusterText(c.name);
    const tail = name && LOG_DETECTORS.has(d.detector) ? logEvidence(name, logs?.get(name)) : [];
    return [{ ...d, fix: { ...d.fix, evidence: [...d.fix.evidence, ...events, ...tail] } }];
  });
};
