/**
 * The `templates` CLI: in-process over the whole corpus (types left out: corpus.test.ts checks them),
 * and once as a real command through tsx, with types.
 */
import { corpusDir } from '@internal/kube-sim';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { main } from './templates';

const run = async (args: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: t => (stdout += t), stderr: t => (stderr += t) });
  return { code, stdout, stderr };
};

describe('templates CLI', () => {
  it('converts the corpus, naming on stderr the one file a real API server would reject', async () => {
    const { code, stdout, stderr } = await run(['--no-types', corpusDir('xrd'), corpusDir('crd')]);
    expect(code).toBe(1);
    const failures = stderr.split('\n').filter(l => l && !l.startsWith('warning: '));
    expect(failures).toEqual([expect.stringMatching(/xrd-invalid\.yaml: xnopresourcestwo\.nop\.example\.org: spec\.claimNames\.plural "Nopresourcestwo" is invalid/)]);
    const docs = parseAllDocuments(stdout);
    expect(Array.from(docs).filter(d => d.get('kind') === 'Template').length).toBeGreaterThan(80);
  }, 120_000);

  it('adds the composite Templates of XRDs with claims with --composites', async () => {
    const xrds = resolve(__dirname, '../../../../examples/cluster/20-xrds.yaml');
    const names = async (args: string[]) => {
      const { code, stdout } = await run(['--no-types', ...args, xrds]);
      expect(code).toBe(0);
      return Array.from(parseAllDocuments(stdout)).filter(d => d.get('kind') === 'Template').map(d => d.getIn(['metadata', 'name']));
    };
    expect(await names([])).toContain('postgresqlinstances.database.example.org-v1alpha1');
    expect(await names([])).not.toContain('xpostgresqlinstances.database.example.org-v1alpha1');
    expect(await names(['--composites'])).toEqual(expect.arrayContaining(['postgresqlinstances.database.example.org-v1alpha1', 'xpostgresqlinstances.database.example.org-v1alpha1']));
  });

  it('prints usage and fails without inputs', async () => {
    expect((await run([])).code).toBe(2);
  });

  it('runs as a command through tsx and puts generated TypeScript types into the API definition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-cli-'));
    try {
      const crd = {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.com' },
        spec: {
          group: 'example.com',
          names: { kind: 'Widget', plural: 'widgets' },
          scope: 'Namespaced',
          versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer' }, port: { 'x-kubernetes-int-or-string': true } } } } } } }],
        },
      };
      writeFileSync(join(dir, 'widget.yaml'), `${stringify(crd)}---\n${stringify({ ...crd, metadata: { name: 'Broken' } })}`);
      writeFileSync(join(dir, 'broken.yaml'), 'a: [\n');
      const cli = resolve(__dirname, 'templates.ts');
      const result = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), cli, dir], { cwd: dir }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      expect('code' in result ? result.code : 0).toBe(1);
      expect(result.stderr).toContain('broken.yaml: document 1:');
      expect(result.stderr).toContain('widget.yaml: Broken: metadata.name must be spec.names.plural+"."+spec.group');
      const api = Array.from(parseAllDocuments(result.stdout)).map(d => d.toJS()).find(e => e.kind === 'API');
      const types = parse(api.spec.definition).info.description;
      expect(types).toContain('export interface WidgetV1 {\n  spec?: {\n    size: number\n    port?: number | string\n  }\n}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
