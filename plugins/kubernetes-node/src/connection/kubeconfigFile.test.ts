import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionsFromKubeconfig } from './direct';
import { KubeconfigError } from './kubeconfigFile';

const TOKEN = 'sekret-token-0123456789abcdef';
const valid = (user: string) => `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster: { server: https://127.0.0.1:6443 }
users:
- name: u
  user:
${user}
contexts:
- name: ctx
  context: { cluster: c, user: u }
current-context: ctx
`;

describe('kubeconfig errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kubeconfig-errors-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const failure = (load: () => unknown): KubeconfigError => {
    try {
      load();
    } catch (err) {
      expect(err).toBeInstanceOf(KubeconfigError);
      return err as KubeconfigError;
    }
    throw new Error('expected a KubeconfigError');
  };

  it('names the file and the line of a YAML error, never the text around it', () => {
    const path = write('broken', valid(`    token: ${TOKEN}\n     bad: [unclosed`));
    const err = failure(() => connectionsFromKubeconfig({ path }));
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/line \d+, column \d+/);
    expect(err.line).toBeGreaterThanOrEqual(9);
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).not.toContain('unclosed');
  });

  it('says so when the file is empty, has no contexts, or a user has no credentials', () => {
    expect(failure(() => connectionsFromKubeconfig({ path: write('empty', '\n# nothing\n') })).message).toMatch(/empty$/);
    expect(failure(() => connectionsFromKubeconfig({ yaml: 'apiVersion: v1\nkind: Config\nclusters: []\n' })).message).toBe('inline kubeconfig: has no contexts');
    const tokenless = failure(() => connectionsFromKubeconfig({ path: write('tokenless', valid('    {}')) }));
    expect(tokenless.message).toContain('user u (context ctx) has no token, client certificate, exec plugin or auth provider');
  });

  it('names a missing file without a stack of YAML', () => {
    const path = join(dir, 'absent');
    expect(failure(() => connectionsFromKubeconfig({ path })).message).toBe(`kubeconfig ${path}: cannot be read (ENOENT)`);
  });

  it('accepts a kubeconfig whose user has a token', () => {
    expect(connectionsFromKubeconfig({ yaml: valid(`    token: ${TOKEN}`) }).map(c => c.name)).toEqual(['ctx']);
  });
});
