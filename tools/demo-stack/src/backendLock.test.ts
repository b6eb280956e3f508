import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackendLock } from './backendLock';

describe('the demo backend lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backend-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is held from the first backend to the last one in a process, and released once', async () => {
    const lockDir = join(dir, 'lock');
    const lock = createBackendLock(lockDir, 10);
    const demo = await lock.acquire();
    const intern = await lock.acquire();
    expect(existsSync(lockDir)).toBe(true);
    lock.release(demo);
    lock.release(demo);
    expect(existsSync(lockDir)).toBe(true);
    lock.release(intern);
    expect(existsSync(lockDir)).toBe(false);
  });

  it('makes another process wait while the holder is alive, and takes over from one that died', async () => {
    const lockDir = join(dir, 'lock');
    mkdirSync(lockDir);
    // This test's own parent is alive for sure.
    writeFileSync(join(lockDir, 'pid'), String(process.ppid));
    const lock = createBackendLock(lockDir, 10);
    let got = false;
    const waiting = lock.acquire().then(token => {
      got = true;
      return token;
    });
    await new Promise(r => setTimeout(r, 100));
    expect(got).toBe(false);
    // A pid no process has (pids are below 2^22 on Linux).
    writeFileSync(join(lockDir, 'pid'), String(2 ** 22 + 1));
    const token = await waiting;
    expect(got).toBe(true);
    lock.release(token);
    expect(existsSync(lockDir)).toBe(false);
  });
});
