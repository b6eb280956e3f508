import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CrossplaneController, KubeSim } from '@internal/kube-sim';
import { BackendProcess, backendLogFile } from './backendProcess';
import { ensureFrontendBuilt } from './frontendBuild';
import { GitopsRepo } from './gitopsRepo';
import { demoCacheDir, repoRoot } from './paths';
import { DemoReconciler, type ReconcileReport } from './reconciler';

export interface DemoOptions {
  port?: number;
  /** State directory (kubeconfig, GitOps repository, logs); default .cache/demo. */
  stateDir?: string;
  /** The catalog user the guest signs in as. */
  user?: string;
  /** Extra backend config files, e.g. examples/app-config.github.yaml. */
  extraConfigs?: string[];
  /** Extra backend environment (a database connection, a GitHub token). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface Demo {
  url: string;
  kubeconfig: string;
  gitops: GitopsRepo;
  sim: KubeSim;
  backend: BackendProcess;
  reconciler: DemoReconciler;
  stop(): Promise<void>;
}

/** kube-sim with the demo cluster, the local GitOps repository and its reconciler, and the demo Backstage. */
export async function startDemo(opts: DemoOptions = {}): Promise<Demo> {
  const log = opts.log ?? (() => {});
  const stateDir = opts.stateDir ?? demoCacheDir;
  mkdirSync(stateDir, { recursive: true });

  const buildDone = ensureFrontendBuilt(log);
  const sim = await KubeSim.start({ name: 'demo', manifests: [join(repoRoot, 'examples/cluster')] });
  // New claims and composites get their composed resources, Ready a few seconds later.
  const crossplane = new CrossplaneController(sim, { readyAfterMs: 5000 }).start();
  const kubeconfig = sim.writeKubeconfig(join(stateDir, 'kubeconfig'));
  const gitops = new GitopsRepo(join(stateDir, 'gitops.git'));
  await gitops.ensure();
  const reconciler = new DemoReconciler(gitops, sim, report => log(describe(report)));
  await reconciler.reconcile();
  reconciler.start();

  let backend: BackendProcess;
  try {
    await buildDone;
    backend = await BackendProcess.start({
      port: opts.port ?? 7007,
      extraConfigs: opts.extraConfigs,
      logFile: backendLogFile(stateDir),
      env: {
        KUBE_SIM_URL: sim.url,
        KUBE_SIM_TOKEN: sim.adminToken,
        KUBE_SIM_CA_DATA: Buffer.from(sim.caPem ?? '').toString('base64'),
        DEMO_USER: opts.user ?? 'user:default/guest',
        DEMO_GITOPS_REMOTE: gitops.url,
        ...opts.env,
      },
    });
  } catch (e) {
    await reconciler.stop();
    crossplane.stop();
    await sim.stop();
    throw e;
  }

  return {
    url: backend.url,
    kubeconfig,
    gitops,
    sim,
    backend,
    reconciler,
    async stop() {
      await backend.stop();
      await reconciler.stop();
      crossplane.stop();
      await sim.stop();
    },
  };
}

function describe(report: ReconcileReport): string {
  const head = `reconciler: main at ${report.commit.slice(0, 8)}, applied ${report.applied.length} object(s)`;
  return [head, ...report.applied.map(a => `  ${a}`), ...report.errors.map(e => `  error: ${e}`)].join('\n');
}
