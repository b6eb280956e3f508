/**
 * The pods/log subresource: seeded logs (annotations) served as text, over raw HTTP and to real kubectl.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeSim } from '..';
import { call } from './http';
import { kubectlBinaries, runKubectl } from './kubectlBinaries';

const TEST_TIMEOUT = 60_000;

const PODS = `
apiVersion: v1
kind: Namespace
metadata: { name: logs }
---
apiVersion: v1
kind: Pod
metadata:
  name: single
  namespace: logs
  annotations:
    kube-sim.dev/logs.app: "line 1\\nline 2\\nline 3 ✓\\n"
    kube-sim.dev/previous-logs.app: "boot\\npanic: <script>alert(1)</script>\\n"
spec:
  containers: [{ name: app, image: app:1 }]
status:
  containerStatuses:
    - name: app
      restartCount: 4
      state: { waiting: { reason: CrashLoopBackOff } }
      lastState: { terminated: { exitCode: 2, reason: Error } }
---
apiVersion: v1
kind: Pod
metadata:
  name: multi
  namespace: logs
  annotations:
    kube-sim.dev/logs.web: "web up\\n"
spec:
  initContainers: [{ name: migrate, image: m:1 }]
  containers: [{ name: web, image: w:1 }, { name: sidecar, image: s:1 }]
status:
  containerStatuses:
    - { name: web, state: { running: {} } }
    - { name: sidecar, state: { waiting: { reason: ImagePullBackOff } } }
`;

describe('pods/log', () => {
  let sim: KubeSim;
  const logPath = (pod: string, query = '') => `/api/v1/namespaces/logs/pods/${pod}/log${query}`;

  beforeAll(async () => {
    sim = await KubeSim.start({ tls: false });
    sim.apply(PODS);
  });
  afterAll(() => sim?.stop());

  it('serves the current log as text/plain', async () => {
    const r = await call(sim, 'GET', logPath('single'));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain');
    expect(r.text).toBe('line 1\nline 2\nline 3 ✓\n');
  });

  it('serves the previous run with previous=true, as written (no escaping of hostile text)', async () => {
    const r = await call(sim, 'GET', logPath('single', '?previous=true'));
    expect(r.text).toBe('boot\npanic: <script>alert(1)</script>\n');
  });

  it('honours tailLines and limitBytes', async () => {
    expect((await call(sim, 'GET', logPath('single', '?tailLines=2'))).text).toBe('line 2\nline 3 ✓\n');
    expect((await call(sim, 'GET', logPath('single', '?tailLines=0'))).text).toBe('');
    expect((await call(sim, 'GET', logPath('single', '?tailLines=99'))).text).toBe('line 1\nline 2\nline 3 ✓\n');
    expect((await call(sim, 'GET', logPath('single', '?limitBytes=8'))).text).toBe('line 1\nl');
    // 22 bytes end inside the 3-byte "✓": the body is cut there, not re-encoded to a longer text.
    expect((await call(sim, 'GET', logPath('single', '?limitBytes=22'))).headers['content-length']).toBe('22');
    expect((await call(sim, 'GET', logPath('single', '?tailLines=abc'))).status).toBe(400);
    expect((await call(sim, 'GET', logPath('single', '?tailLines=-1'))).status).toBe(400);
    expect((await call(sim, 'GET', logPath('single', '?limitBytes=0'))).status).toBe(400);
  });

  it('names the containers when the pod has several and none is given', async () => {
    const r = await call(sim, 'GET', logPath('multi'));
    expect(r.status).toBe(400);
    expect(r.json.reason).toBe('BadRequest');
    expect(r.json.message).toBe('a container name must be specified for pod multi, choose one of: [web sidecar] or one of the init containers: [migrate]');
  });

  it('selects a container by name; refuses one the pod does not have', async () => {
    expect((await call(sim, 'GET', logPath('multi', '?container=web'))).text).toBe('web up\n');
    const unknown = await call(sim, 'GET', logPath('multi', '?container=nope'));
    expect(unknown.status).toBe(400);
    expect(unknown.json.message).toBe('container nope is not valid for pod multi');
  });

  it('answers 400 for a waiting container without a log and for a missing previous run', async () => {
    const waiting = await call(sim, 'GET', logPath('multi', '?container=sidecar'));
    expect(waiting.status).toBe(400);
    expect(waiting.json.message).toBe('container "sidecar" in pod "multi" is waiting to start: ImagePullBackOff');
    const previous = await call(sim, 'GET', logPath('multi', '?container=web&previous=true'));
    expect(previous.status).toBe(400);
    expect(previous.json.message).toBe('previous terminated container "web" in pod "multi" not found');
  });

  it('answers 404 for a missing pod and for another subresource', async () => {
    const missing = await call(sim, 'GET', logPath('ghost'));
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe('pods "ghost" not found');
    expect((await call(sim, 'GET', '/api/v1/namespaces/logs/pods/single/exec')).status).toBe(404);
  });

  it('is listed in discovery as a get-only subresource of pods', async () => {
    const { json } = await call<{ resources: Array<{ name: string; verbs: string[] }> }>(sim, 'GET', '/api/v1');
    expect(json.resources.find(r => r.name === 'pods/log')?.verbs).toEqual(['get']);
    expect(json.resources.filter(r => r.name.endsWith('/log')).map(r => r.name)).toEqual(['pods/log']);
  });

  it('refuses a caller without access to the subresource', async () => {
    expect((await call(sim, 'GET', logPath('single'), { token: null })).status).toBe(401);
  });
});

const binaries = kubectlBinaries();

// kubectl.test.ts already fails loudly when no kubectl is installed; here each binary found is exercised.
describe.each(binaries.map(b => [b.gitVersion, b] as const))('kubectl %s logs', (_v, bin) => {
  let sim: KubeSim;
  let dir: string;
  const kubectl = (...args: string[]) =>
    runKubectl(bin.path, ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), '-n', 'logs', ...args]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kube-sim-logs-'));
    sim = await KubeSim.start();
    sim.apply(PODS);
    sim.writeKubeconfig(join(dir, 'kubeconfig'));
  }, TEST_TIMEOUT);
  afterAll(async () => {
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the current and previous log, with --tail', async () => {
    expect((await kubectl('logs', 'single')).stdout).toBe('line 1\nline 2\nline 3 ✓\n');
    expect((await kubectl('logs', 'single', '--previous')).stdout).toBe('boot\npanic: <script>alert(1)</script>\n');
    expect((await kubectl('logs', 'single', '--tail=1')).stdout).toBe('line 3 ✓\n');
    expect((await kubectl('logs', 'multi', '-c', 'web')).stdout).toBe('web up\n');
  }, TEST_TIMEOUT);

  it('fails with the server message for a bad container and a missing pod', async () => {
    const bad = await kubectl('logs', 'multi', '-c', 'nope');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('container nope is not valid for pod multi');
    const missing = await kubectl('logs', 'ghost');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('pods "ghost" not found');
  }, TEST_TIMEOUT);
});
