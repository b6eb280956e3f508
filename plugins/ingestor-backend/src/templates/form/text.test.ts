import MarkdownIt from 'markdown-it';
import { crd, options, versionOf } from '../__testUtils__/fixtures';
import { buildForm } from './parameters';
import { markdownText, shortDescription } from './text';

// CommonMark, as the Create page's Markdown renderer reads it; raw HTML off, as there.
const markdown = new MarkdownIt('commonmark', { html: false });

/** The text a reader sees once `source` is rendered. */
function shown(source: string): string {
  const html = markdown.render(source);
  return html
    .replace(/<\/p>\n?<p>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .trim();
}

describe('markdownText', () => {
  it.each([
    'Written to <cluster>/<namespace>/<name>.yaml',
    'Must match the pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ and *not* be __reserved__.',
    'See [the docs](https://example.com) or ![img](x.png); `code`; a | b ~~c~~ &amp; #1',
    '${{ secrets.USER_OAUTH_TOKEN }} and {% raw %}',
    '# not a heading',
    '- not a list item',
    '1. not a numbered item',
    'Rules: must satisfy self.a <= self.b && !has(self.c) || self.d == \'x\\y\'.',
  ])('shows %j literally', text => {
    expect(shown(markdownText(text))).toBe(text);
  });

  it('is applied to every description of a form, nested fields and our own page text included', () => {
    const o = options();
    const spec = { type: 'object', properties: { db: { type: 'object', properties: { path: { type: 'string', description: 'Mounted at <root>/*data*' } } } } };
    const plan = buildForm({ version: versionOf(crd(spec)), compositions: [], clusters: ['a', 'b'], form: o.form, publish: o.publish });
    const all = JSON.stringify(plan.pages);
    const fields = Object.assign({}, ...plan.pages.map(p => p.properties));
    expect(shown(fields.db.properties.path.description)).toBe('Mounted at <root>/*data*');
    const layout = plan.pages.flatMap(p => Object.values(p.properties ?? {})).find(f => f.title === 'Layout');
    expect(shown(String(layout?.description))).toContain('<cluster>/<namespace>/<kind>/<name>.yaml');
    expect(all).not.toMatch(/[^\\]<cluster>/);
  });

  it('keeps paragraphs apart and does not turn indentation into a code block', () => {
    expect(shown(markdownText('First.\n\n    Second, indented.'))).toBe('First.\n\nSecond, indented.');
  });
});

describe('shortDescription', () => {
  it('keeps a short description whole', () => {
    expect(shortDescription('  Short. ')).toBe('Short.');
  });

  it('cuts a long one after the sentence that crosses the limit', () => {
    const sentence = 'This sentence is exactly fifty characters long ok. ';
    const text = sentence.repeat(12);
    const cut = shortDescription(text);
    expect(cut.endsWith('ok. …')).toBe(true);
    expect(cut.length).toBeLessThan(text.length);
    expect(cut.length).toBeGreaterThan(400);
  });

  it('cuts at a word when no sentence ends soon after the limit', () => {
    const cut = shortDescription('word '.repeat(200));
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(401);
  });
});
