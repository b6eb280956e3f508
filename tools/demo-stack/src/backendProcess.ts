import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export interface BackendOptions {
  port: number;
  /** Extra config files after examples/app-config.yaml (later files win). */
  extraConfigs?: string[];
  /** Environment the config refers to (KUBE_SIM_*, DEMO_*), merged over process.env. */
  env: Record<string, string>;
  logFile: string;
  /** How long to wait for readiness. */
  timeoutMs?: number;
}

/** The demo backend as a child process, so tests and `npm start` run exactly what a user would. */
export class BackendProcess {
  private exited = false;

  private constructor(private readonly child: ChildProcess, readonly url: string) {
    child.on('exit', () => {
      this.exited = true;
    });
  }

  static async start(opts: BackendOptions): Promise<BackendProcess> {
    const configs = ['examples/app-config.yaml', ...(opts.extraConfigs ?? [])].flatMap(c => ['--config', c]);
    // Backstage's own transform hook (what `backstage-cli package start` uses) loads our TypeScript
    // plugins and leaves ESM-only dependencies such as octokit to Node's require(esm).
    const child = spawn(
      process.execPath,
      ['--require', require.resolve('@backstage/cli/config/nodeTransform.cjs'), 'examples/backend/src/index.ts', ...configs],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...opts.env, DEMO_PORT: String(opts.port) },
      },
    );
    const log = createWriteStream(opts.logFile);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const backend = new BackendProcess(child, `http://localhost:${opts.port}`);
    await backend.waitUntilReady(opts.timeoutMs ?? 120_000, opts.logFile);
    return backend;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>(resolve => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  private async waitUntilReady(timeoutMs: number, logFile: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`the backend exited during start-up; see ${logFile}`);
      try {
        const res = await fetch(`${this.url}/.backstage/health/v1/readiness`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 500));
    }
    await this.stop();
    throw new Error(`the backend was not ready within ${timeoutMs / 1000} s; see ${logFile}`);
  }
}

export const backendLogFile = (dir: string, name = 'backend') => join(dir, `${name}.log`);
