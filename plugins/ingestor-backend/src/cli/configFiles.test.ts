import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfigFiles } from './configFiles';

describe('readConfigFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ingestor-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file and line of a YAML error without quoting the file', async () => {
    const path = join(dir, 'app-config.yaml');
    writeFileSync(path, 'kubernetesIngestor:\n  clusters:\n    direct:\n      - name: a\n        token: sekret-abc123\n       url: [x\n');
    const err = await readConfigFiles([path]).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(new RegExp(`^${path}: not valid YAML \\(\\w+\\) at line \\d+, column \\d+$`));
    expect((err as Error).message).not.toContain('sekret');
  });

  it('reads valid files into one Config', async () => {
    const path = join(dir, 'ok.yaml');
    writeFileSync(path, 'kubernetesIngestor:\n  annotationPrefix: example.com\n');
    expect((await readConfigFiles([path])).getString('kubernetesIngestor.annotationPrefix')).toBe('example.com');
  });
});
