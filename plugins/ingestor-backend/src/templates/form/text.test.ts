import MarkdownIt from 'markdown-it';
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
