/**
 * Helpers for the kubectl conformance tests: which kubectl binaries to test, and running them.
 *
 * scripts/install-system-deps.sh writes the binaries it made available (Debian's kubectl 1.20, and any
 * other kubectl on the machine) to .cache/kubectl-binaries; a `kubectl` on PATH is added when it is a
 * different binary.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';

export interface KubectlBinary {
  path: string;
  /** First line of `kubectl version --client`, e.g. `Client Version: v1.32.4`. */
  version: string;
  /** The client's git version, e.g. `v1.20.2`; `?` when it could not be read. */
  gitVersion: string;
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const KUBECTL_TIMEOUT_MS = 20_000;
export const INSTALL_HINT = 'Run `bash scripts/install-system-deps.sh` (as root) to install the kubectl binaries these tests use.';

/** The repository root: the closest folder above `from` holding yarn.lock. */
export function repoRoot(from: string = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'yarn.lock'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no yarn.lock above ${from}`);
    dir = parent;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function describeBinary(path: string): KubectlBinary | undefined {
  try {
    const out = execFileSync(path, ['version', '--client'], { encoding: 'utf8', timeout: KUBECTL_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
    const version = out.split('\n')[0].trim();
    // 1.20 prints `version.Info{Major:"1", Minor:"20", ...}`; newer ones `Client Version: v1.32.4`.
    const m = /GitVersion:"([^"]+)"/.exec(version) ?? /(v\d+\.\d+\S*)/.exec(version);
    return { path, version, gitVersion: m?.[1] ?? '?' };
  } catch {
    return undefined;
  }
}

/** The kubectl binaries to test: those in .cache/kubectl-binaries, then `kubectl` on PATH, without duplicates. */
export function kubectlBinaries(root: string = repoRoot()): KubectlBinary[] {
  // KUBECTL_BINARIES_FILE: another list to read instead (e.g. an empty one, to check the no-kubectl failure).
  const listFile = process.env.KUBECTL_BINARIES_FILE ?? join(root, '.cache', 'kubectl-binaries');
  const candidates = existsSync(listFile)
    ? readFileSync(listFile, 'utf8').split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('#')).map(l => (isAbsolute(l) ? l : join(root, l)))
    : [];
  const fromPath = onPath('kubectl');
  if (fromPath) candidates.push(fromPath);

  const found: KubectlBinary[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (!isExecutable(candidate)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    const binary = describeBinary(candidate);
    if (!binary || found.some(b => b.version === binary.version)) continue;
    seen.add(real);
    found.push(binary);
  }
  return found;
}

/** Runs kubectl with a timeout; resolves with the exit code and output, whatever the outcome. */
export function runKubectl(bin: string, args: string[], timeoutMs = KUBECTL_TIMEOUT_MS): Promise<KubectlResult> {
  return new Promise(resolvePromise => {
    execFile(bin, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 32 * 1024 * 1024, env: kubectlEnv() }, (err, stdout, stderr) => {
      let code = 0;
      if (err) code = typeof err.code === 'number' ? err.code : -1;
      const note = err?.killed ? `\n[killed after ${timeoutMs} ms]` : '';
      resolvePromise({ code, stdout, stderr: stderr + note });
    });
  });
}

/** The environment without the user's KUBECONFIG (the tests always pass --kubeconfig and --cache-dir). */
function kubectlEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.KUBECONFIG;
  return env;
}

/** A long-running kubectl (e.g. `get -w`) whose output is collected; `stop()` always kills it. */
export interface KubectlProcess {
  output(): string;
  /** Resolves once `done(stdout)`; rejects with the output so far after `timeoutMs` or when kubectl exits. */
  waitFor(done: (stdout: string) => boolean, timeoutMs: number, what: string): Promise<void>;
  stop(): Promise<void>;
}

export function spawnKubectl(bin: string, args: string[]): KubectlProcess {
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: kubectlEnv() });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  let closed = false;
  const exited = new Promise<void>(r => {
    child.once('close', () => {
      closed = true;
      r();
    });
    child.once('error', err => {
      stderr += String(err);
      closed = true;
      r();
    });
  });
  return {
    output: () => stdout,
    async waitFor(done, timeoutMs, what) {
      const deadline = Date.now() + timeoutMs;
      while (!done(stdout)) {
        if (Date.now() > deadline || closed) {
          const why = closed ? `kubectl exited (${child.exitCode ?? child.signalCode})` : `not seen after ${timeoutMs} ms`;
          throw new Error(`kubectl ${args.join(' ')}: ${what}: ${why}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        }
        await new Promise(r => setTimeout(r, 50));
      }
    },
    async stop() {
      if (!closed) child.kill('SIGKILL');
      await exited;
    },
  };
}

// ---- fixture ----------------------------------------------------------------------------------

/** A Deployment; with `ready`, also the status a controller would have written. */
export function deploymentYaml(ns: string, name: string, app: string, replicas: number, ready?: number): string {
  const status = ready === undefined ? '' : `status: {replicas: ${replicas}, updatedReplicas: ${replicas}, readyReplicas: ${ready}, availableReplicas: ${ready}}\n`;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${app}}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: main, image: nginx:1.27}]}
${status}`;
}

function pod(ns: string, name: string, app: string): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${app}}}
spec: {containers: [{name: main, image: nginx:1.27}]}
status: {phase: Running}
`;
}

/** Deployments in `namespace/name` order, with their READY column. */
export const FIXTURE_DEPLOYMENTS = [
  { ns: 'kc-a', name: 'api', app: 'api', ready: '1/1' },
  { ns: 'kc-a', name: 'web', app: 'web', ready: '2/3' },
  { ns: 'kc-b', name: 'web', app: 'web', ready: '2/2' },
  { ns: 'kc-b', name: 'worker', app: 'worker', ready: '0/1' },
  { ns: 'kube-system', name: 'coredns', app: 'coredns', ready: '2/2' },
];

/** A small cluster: namespaces kc-a and kc-b with deployments and pods, and kube-system's coredns. */
export function fixtureYaml(): string {
  const docs = ['kc-a', 'kc-b'].map(ns => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}\n`);
  for (const d of FIXTURE_DEPLOYMENTS) {
    const [ready, replicas] = d.ready.split('/').map(Number);
    docs.push(deploymentYaml(d.ns, d.name, d.app, replicas, ready));
  }
  docs.push(pod('kc-a', 'web-1', 'web'), pod('kc-a', 'web-2', 'web'), pod('kc-a', 'api-1', 'api'), pod('kc-b', 'web-1', 'web'));
  docs.push('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: kc-a}\ndata: {mode: fixture}\n');
  return docs.join('---\n');
}

/** A namespaced CRD: example.org Widget (shortName wd, category toys) with a SIZE printer column. */
export const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.org}
spec:
  group: example.org
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList, shortNames: [wd], categories: [toys]}
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - {name: Size, type: string, jsonPath: .spec.size}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: string}
`;

/** A Crossplane v1 XRD with claimNames: XGadget (cluster) / Gadget (claim, namespaced). */
export const GADGET_XRD = `apiVersion: apiextensions.crossplane.io/v1
kind: CompositeResourceDefinition
metadata: {name: xgadgets.example.org}
spec:
  group: example.org
  names: {kind: XGadget, plural: xgadgets}
  claimNames: {kind: Gadget, plural: gadgets}
  versions:
  - name: v1alpha1
    served: true
    referenceable: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              parameters:
                type: object
                properties:
                  color: {type: string}
`;
