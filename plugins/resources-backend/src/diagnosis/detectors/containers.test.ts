import { entryOf, podWith } from '../testEntries';
import { containerDetector, logTailsWanted, missingConfig } from './containers';

const waiting = (reason: string, message?: string, extra: Record<string, unknown> = {}) => podWith({ ready: false, restartCount: 4, state: { waiting: { reason, ...(message ? { message } : {}) } }, ...extra });

describe('containerDetector', () => {
  it.each([
    ['CrashLoopBackOff with its exit code', waiting('CrashLoopBackOff', 'back-off 5m0s restarting failed container', { lastState: { terminated: { reason: 'Error', exitCode: 1 } } }), 'crash-loop', 'Container app keeps crashing (exit code 1)', /exit code: 1/],
    ['ImagePullBackOff', waiting('ImagePullBackOff', 'Back-off pulling image "ghcr.io/acme/api:v9"'), 'image-pull', 'Container app cannot pull its image', /ghcr.io\/acme\/api:v9/],
    ['ErrImagePull', waiting('ErrImagePull', 'manifest unknown'), 'image-pull', 'Container app cannot pull its image', /manifest unknown/],
    ['InvalidImageName', waiting('InvalidImageName', 'Failed to apply default image tag "Acme/API:latest"'), 'invalid-image-name', 'Container app has an invalid image name', /Acme\/API/],
    ['OOMKilled, even while back-off', waiting('CrashLoopBackOff', undefined, { lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }), 'oom-killed', 'Container app was killed for using more memory than its limit', /exit code: 137/],
    ['a missing Secret key', waiting('CreateContainerConfigError', "couldn't find key password in Secret shop/db-creds"), 'container-config', 'Container app needs key password of Secret db-creds, which does not exist', /db-creds/],
    ['a missing ConfigMap', waiting('CreateContainerConfigError', 'configmap "api-config" not found'), 'container-config', 'Container app needs ConfigMap api-config, which does not exist', /api-config/],
    ['a failed run', podWith({ ready: false, state: { terminated: { reason: 'Error', exitCode: 2 } } }, { phase: 'Failed' }), 'container-error', 'Container app exited with an error (exit code 2)', /exit code: 2/],
    ['a failing readiness probe', podWith({ ready: false, restartCount: 0, state: { running: { startedAt: '2026-12-04T10:00:00Z' } } }), 'readiness-probe', 'Container app is running but not ready', /running since/],
  ])('%s', (_label, pod, detector, title, evidence) => {
    const [d, ...rest] = containerDetector({ entry: entryOf(pod), children: [], warnings: [] });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ detector, title, nodeId: 'api-1' });
    expect(d.fix.evidence.join('\n')).toMatch(evidence);
    expect(d.fix.docsUrl).toMatch(/^https:\/\/kubernetes.io\//);
  });

  it('quotes the log tail the service read, for crashes only, after the status evidence', () => {
    const crashing = waiting('CrashLoopBackOff', undefined, { lastState: { terminated: { reason: 'Error', exitCode: 2 } } });
    const logs = new Map([['app', { previous: true, lines: ['panic: redis.address is required', 'exit status 2'] }]]);
    const [d] = containerDetector({ entry: entryOf(crashing), children: [], warnings: [], logs });
    expect(d.fix.evidence.slice(-3)).toEqual(['log of container app (previous run), last 2 lines:', 'panic: redis.address is required', 'exit status 2']);
    const probe = podWith({ ready: false, restartCount: 0, state: { running: {} } });
    const [r] = containerDetector({ entry: entryOf(probe), children: [], warnings: [], logs });
    expect(r.fix.evidence.join('\n')).not.toContain('panic');
  });

  it.each([
    ['a crash loop: the previous run', waiting('CrashLoopBackOff', undefined, { lastState: { terminated: { reason: 'Error', exitCode: 2 } } }), [{ container: 'app', previous: true }]],
    ['an OOM kill: the previous run', waiting('CrashLoopBackOff', undefined, { lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }), [{ container: 'app', previous: true }]],
    ['a failed run: the current one', podWith({ ready: false, state: { terminated: { reason: 'Error', exitCode: 1 } } }), [{ container: 'app', previous: false }]],
    ['a crash loop with no previous status: the current run', waiting('CrashLoopBackOff'), [{ container: 'app', previous: false }]],
    ['an image pull failure: none', waiting('ImagePullBackOff'), []],
    ['a failing readiness probe: none', podWith({ ready: false, state: { running: {} } }), []],
  ])('wants the log tail of %s', (_label, pod, wanted) => {
    expect(logTailsWanted(pod)).toEqual(wanted);
  });

  it('adds the pod\'s Warning events as evidence', () => {
    const pod = podWith({ ready: false, restartCount: 0, state: { running: { startedAt: '2026-12-04T10:00:00Z' } } });
    const warnings = [{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 12 }];
    const [d] = containerDetector({ entry: entryOf(pod), children: [], warnings });
    expect(d.fix.evidence).toContain('event Unhealthy (x12): Readiness probe failed: HTTP probe failed with statuscode: 503');
  });

  it('finds nothing on a healthy pod or another kind', () => {
    expect(containerDetector({ entry: entryOf(podWith({ ready: true, state: { running: {} } })), children: [], warnings: [] })).toEqual([]);
    expect(containerDetector({ entry: entryOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }), children: [], warnings: [] })).toEqual([]);
  });

  it('reads the missing object and key from the kubelet message', () => {
    expect(missingConfig('secret "db" not found')).toEqual({ kind: 'Secret', name: 'db' });
    expect(missingConfig("couldn't find key LOG in ConfigMap shop/cfg")).toEqual({ kind: 'ConfigMap', name: 'cfg', key: 'LOG' });
    expect(missingConfig('something else')).toBeUndefined();
  });
});
