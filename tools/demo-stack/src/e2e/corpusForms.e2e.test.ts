import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../paths';
import { GitopsRepo } from '../gitopsRepo';
import { startDemo, type Demo } from '../startDemo';
import { openBrowser, signInAsGuest, type BrowserSession } from './browser';
import { CatalogApi } from './catalogApi';
import { CORPUS_NAMESPACE, writeCorpusCatalog, type CorpusTemplate } from './corpus/corpusTemplates';
import { captureSubmission, dryRun } from './corpus/dryRun';
import { typedText, valueAtId } from './corpus/fieldValues';
import { requiredContainerLabels, reviewProblems, reviewRows } from './corpus/review';
import { manifestProblems } from './corpus/validate';
import { freePort } from './freePort';
import { walkToReview } from './formWalker';
import { table } from './table';

// Every Template generated from ../shared/corpus, in the demo's real Create page: filled with only the required
// fields (values generated from the form's schema), walked to Review, submitted as a dry-run, and the manifest
// checked against its definition's schema. CORPUS_TEMPLATES=<regexp> narrows the run while working on a form.
jest.setTimeout(45 * 60_000);

const artifacts = join(repoRoot, 'test-artifacts/e2e-corpus');
const only = process.env.CORPUS_TEMPLATES ? new RegExp(process.env.CORPUS_TEMPLATES) : undefined;

describe('every corpus Template in the real Create page', () => {
  let demo: Demo;
  let browser: BrowserSession;
  let stateDir: string;
  let templates: CorpusTemplate[];

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'corpus-e2e-'));
    const gitopsRemote = new GitopsRepo(join(stateDir, 'gitops.git')).url;
    const corpus = await writeCorpusCatalog(stateDir, gitopsRemote);
    templates = corpus.templates.filter(t => !only || only.test(t.name));
    demo = await startDemo({ port: await freePort(), stateDir, extraConfigs: [corpus.configFile] });
    browser = await openBrowser(artifacts);
    await new CatalogApi(demo.url).waitFor(
      templates.map(t => `template:${CORPUS_NAMESPACE}/${t.name}`),
      180_000,
    );
    await signInAsGuest(browser.page, demo.url);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (stateDir && !process.env.CORPUS_KEEP_STATE) rmSync(stateDir, { recursive: true, force: true });
  });

  /** One template: walked to Review, the Review read, submitted as a dry-run, the manifest checked. */
  async function tryTemplate(t: CorpusTemplate): Promise<{ pages: number; filled: number; tallest: number; result: string }> {
    const { page } = browser;
    const name = `e2e-${t.name.split('.')[0].slice(0, 40).replace(/-+$/, '')}`;
    const values = { ...t.values, name, namespace: 'team-e2e' };
    await page.goto(`${demo.url}/create/templates/${CORPUS_NAMESPACE}/${t.name}`);
    await page.locator('#root_name').waitFor({ timeout: 30_000 });
    const walk = await walkToReview(page, name, { valueFor: id => typedText(valueAtId(values, id)) });
    const summary = { pages: walk.pages, filled: walk.filled.length, tallest: walk.tallestPage };
    if (walk.stuck) {
      await browser.screenshot(`stuck-${t.name}`);
      return { ...summary, result: walk.stuck };
    }
    const blankAllowed = requiredContainerLabels((t.entity.spec as { parameters: unknown[] }).parameters);
    const problems = reviewProblems(await reviewRows(page), walk.filled, blankAllowed);
    if (problems.length) await browser.screenshot(`review-${t.name}`);
    const submission = await captureSubmission(page);
    const run = await dryRun(demo.url, t.entity, submission);
    const manifests = [...run.files.entries()].filter(([path]) => path.endsWith('.yaml'));
    if (!run.ok) problems.push(`dry-run failed: ${run.error}`);
    else if (manifests.length === 0) problems.push('dry-run wrote no manifest');
    const v = t.planned.group.version;
    for (const [path, text] of manifests) {
      const expected = { apiVersion: `${v.group}/${v.version}`, kind: v.kind, name };
      problems.push(...manifestProblems(text, t.planned.schema, expected).map(p => `${path}: ${p}`));
    }
    return { ...summary, result: problems.join('; ') || 'ok' };
  }

  it('completes each with the required fields only, reviews it truthfully and dry-runs a schema-valid manifest', async () => {
    const rows: string[][] = [];
    const failures: string[] = [];
    const session = browser;
    for (const t of templates) {
      const outcome = await tryTemplate(t).catch(async (e: Error) => {
        await session.screenshot(`failed-${t.name}`).catch(() => undefined);
        return { pages: 0, filled: 0, tallest: 0, result: `error: ${e.message.split('\n')[0]}` };
      });
      const errors = session.takeErrors().filter(e => !e.includes('captured by the test') && !/status of 400/.test(e));
      const result = outcome.result === 'ok' && errors.length ? `console: ${errors.join(' | ')}` : outcome.result;
      rows.push([t.name, String(outcome.pages), String(outcome.filled), String(outcome.tallest), result]);
      if (result !== 'ok') failures.push(`${t.name}: ${result}`);
    }
    console.log(table(['template', 'pages', 'required fields filled', 'tallest page (px)', 'result'], rows));
    expect(templates.length).toBeGreaterThan(only ? 0 : 100);
    expect(failures).toEqual([]);
  });
});
