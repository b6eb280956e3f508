import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

const appDir = join(repoRoot, 'examples/app');
const builtIndex = join(appDir, 'dist/index.html');
// What the built bundle depends on besides node_modules: the app, its config, and our frontend plugin.
const sources = [join(appDir, 'src'), join(appDir, 'package.json'), join(repoRoot, 'examples/app-config.yaml'), join(repoRoot, 'plugins/resources-frontend/src')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function frontendIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return sources.some(s => newestMtime(s) > built);
}

/**
 * Builds examples/app with the Backstage CLI (about a minute, ~1.5 GB) when its sources changed. Test
 * files run in parallel workers, so a lock makes the second caller wait for the first build and reuse it.
 */
export async function ensureFrontendBuilt(log: (line: string) => void): Promise<void> {
  if (!frontendIsStale()) return;
  const lock = join(appDir, '.build-lock');
  await acquire(lock);
  try {
    if (frontendIsStale()) await build(log);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// mkdir is atomic: whoever creates the directory holds the lock. A lock left by a killed build expires.
async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise(r => setTimeout(r, 1000));
    }
  }
}

async function build(log: (line: string) => void): Promise<void> {
  log('Building the frontend (examples/app), about a minute...');
  const cli = join(repoRoot, 'node_modules/.bin/backstage-cli');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(cli, ['package', 'build', '--config', '../app-config.yaml'], {
      cwd: appDir,
      stdio: ['ignore', 'ignore', 'pipe'],
      // NODE_ENV picks the browserslist entry; under Jest it is `test`, which the bundler cannot use.
      env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--max-old-space-size=3072' },
    });
    let stderr = '';
    child.stderr.on('data', d => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`frontend build failed (exit ${code}):\n${stderr}`))));
  });
}
