/**
 * One process at a time runs demo backends. Each backend writes its app config (with its own port) into the
 * shared built frontend (examples/app/dist) when it starts, so a backend started by another test file would
 * point the first one's browser pages at the wrong port. Test files run in parallel Jest workers: a process
 * holds this lock from its first backend's start until its last backend stops, and others wait.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths';

/** One backend's share of the lock; releasing it twice is harmless. */
export interface BackendLockToken {
  released: boolean;
}

export interface BackendLock {
  /** Waits for the lock unless this process already holds it; counts one more running backend. */
  acquire(): Promise<BackendLockToken>;
  /** One backend fewer; the last one releases the lock. */
  release(token: BackendLockToken): void;
}

/** A holder that died without releasing (killed test run) must not block the next one forever. */
function holderAlive(lockDir: string): boolean {
  const pidFile = join(lockDir, 'pid');
  // No pid file yet: the holder is between its mkdir and its write.
  if (!existsSync(pidFile)) return true;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function createBackendLock(lockDir: string, pollMs = 1000): BackendLock {
  let running = 0;
  return {
    async acquire() {
      const token = { released: false };
      if (running++ > 0) return token;
      mkdirSync(dirname(lockDir), { recursive: true });
      for (;;) {
        try {
          mkdirSync(lockDir);
          writeFileSync(join(lockDir, 'pid'), String(process.pid));
          return token;
        } catch {
          if (!holderAlive(lockDir)) rmSync(lockDir, { recursive: true, force: true });
          await new Promise(r => setTimeout(r, pollMs));
        }
      }
    },
    release(token) {
      if (token.released) return;
      token.released = true;
      running -= 1;
      if (running === 0) rmSync(lockDir, { recursive: true, force: true });
    },
  };
}

/** The lock every demo backend of this repository takes. */
export const demoBackendLock = createBackendLock(join(repoRoot, '.cache/demo-backend.lock'));
