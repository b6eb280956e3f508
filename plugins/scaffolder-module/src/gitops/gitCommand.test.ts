import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hardenedConfig, hardenedEnvironment, runHardenedGit } from './gitCommand';

describe('hardened git', () => {
  let scratch: string;
  let bare: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gitops-hardened-'));
    mkdirSync(join(scratch, 'empty'));
    bare = join(scratch, 'remote.git');
    execFileSync('git', ['init', '--quiet', '--bare', bare]);
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const options = (fileRemote: boolean) => ({
    cwd: scratch,
    gitDir: join(scratch, 'repository.git'),
    emptyDir: join(scratch, 'empty'),
    indexFile: join(scratch, 'index'),
    fileRemote,
  });

  it('allows the file protocol only for a file:// remote', async () => {
    expect(hardenedConfig(options(false))).toContain('protocol.file.allow=never');
    expect(hardenedConfig(options(true))).toContain('protocol.file.allow=always');
    expect(hardenedConfig(options(true))).toContain('protocol.allow=never');
    await expect(runHardenedGit(options(true), ['ls-remote', `file://${bare}`])).resolves.toBe('');
    await expect(runHardenedGit(options(false), ['ls-remote', `file://${bare}`])).rejects.toThrow(
      /transport 'file' not allowed/,
    );
    await expect(runHardenedGit(options(true), ['ls-remote', 'ext::sh -c true'])).rejects.toThrow(
      /transport 'ext' not allowed/,
    );
  });

  it('reads no system or global configuration and drops variables that would redirect git', () => {
    const saved = process.env;
    process.env = { ...saved, GIT_DIR: '/elsewhere', GIT_CONFIG_PARAMETERS: "'core.hookspath'='/x'", GIT_SSH_COMMAND: 'ssh -i key' };
    try {
      const env = hardenedEnvironment(options(false));
      expect(env).toMatchObject({
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_TERMINAL_PROMPT: '0',
        GIT_DIR: join(scratch, 'repository.git'),
        GIT_SSH_COMMAND: 'ssh -i key',
      });
      expect(env.GIT_CONFIG_PARAMETERS).toBeUndefined();
    } finally {
      process.env = saved;
    }
    expect(hardenedConfig(options(false))).toEqual(
      expect.arrayContaining([`core.hooksPath=${join(scratch, 'empty')}`, 'core.fsmonitor=false']),
    );
  });
});
