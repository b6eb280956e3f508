import MarkdownIt from 'markdown-it';
import { stringify } from 'yaml';
import { pullRequestBody } from './pullRequestBody';

/** GitHub-flavoured enough: raw HTML allowed and bare URLs linked, as GitHub does. */
const markdown = new MarkdownIt({ html: true, linkify: true });

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
  attrGet(name: string): string | null;
}

function tokensOf(markdownText: string): Token[] {
  return (markdown.parse(markdownText, {}) as Token[]).flatMap(t => [t, ...(t.children ?? [])]);
}

const HOSTILE = [
  'a `backtick` and ``two`` and ```three```',
  '`',
  '@acme/platform-team please look',
  '[click me](https://evil.example/steal)',
  '![pixel](https://evil.example/track.png)',
  '<img src=x onerror=alert(1)> <a href="https://evil.example">x</a> <!-- hidden -->',
  'https://evil.example/bare',
  'line one\n\n# A heading\n@acme/team',
  'right-to-left \u202e override',
];

function body(value: string, extra: Partial<Parameters<typeof pullRequestBody>[0]> = {}): string {
  const manifest = stringify({ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { note: value, [value]: 'as a key' } });
  return pullRequestBody({
    title: `Create Widget ${value}`,
    description: `Requested by ${value}`,
    files: [{ path: 'team/Widget/w.yaml', content: Buffer.from(manifest) }],
    changes: [{ path: 'team/Widget/w.yaml', change: 'added' }],
    targetBranch: value,
    entityRef: value,
    templateRef: 'template:default/widget',
    appBaseUrl: 'https://backstage.example.com',
    ...extra,
  });
}

describe('pullRequestBody', () => {
  it.each(HOSTILE.map(v => [v]))('shows %p as inert text', value => {
    const all = tokensOf(body(value));
    // No HTML, no image, and the only link is ours (to the Template in Backstage).
    expect(all.filter(t => t.type === 'html_inline' || t.type === 'html_block' || t.type === 'image')).toEqual([]);
    expect(all.filter(t => t.type === 'link_open').map(t => t.attrGet('href'))).toEqual([
      'https://backstage.example.com/create/templates/default/widget',
    ]);
    // Outside code, no text could mention anyone or was written by the form.
    const text = all.filter(t => t.type === 'text').map(t => t.content).join('\n');
    expect(text).not.toContain('@');
    expect(text).not.toContain('evil');
    // Only our headings: Request, Changes, Requested, Backstage.
    expect(all.filter(t => t.type === 'heading_open').length).toBe(4);
    // The value itself is there, shown in code, as the form sent it (JSON-quoted for field values).
    const code = all.filter(t => t.type === 'code_inline' || t.type === 'fence').map(t => t.content);
    expect(code).toContainEqual(`"${JSON.stringify(value).slice(1, -1)}"`.replace(/\u202e/g, '\\u202e'));
  });

  it('links entity refs that are valid catalog refs, and shows any other as text', () => {
    const links = (ref: string) =>
      tokensOf(body('x', { entityRef: ref, templateRef: undefined }))
        .filter(t => t.type === 'link_open')
        .map(t => t.attrGet('href'));
    expect(links('group:default/team-a')).toEqual(['https://backstage.example.com/catalog/default/group/team-a']);
    expect(links('group:default/team-a) [x](https://evil.example')).toEqual([]);
  });

  it('keeps the usual lines for ordinary values', () => {
    const text = body('eu-west-1');
    expect(text).toContain('- `spec.note`: `"eu-west-1"`');
    expect(text).toContain('- added: `team/Widget/w.yaml`');
  });
});
