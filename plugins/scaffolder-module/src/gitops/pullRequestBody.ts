import { parseAllDocuments } from 'yaml';
import { FileChange } from './githubPullRequest';
import { codeBlock, codeSpan } from './markdown';
import { GitFile } from './workspaceFiles';

/** What the generated body describes. */
export interface BodyInput {
  title: string;
  description?: string;
  files: GitFile[];
  changes: FileChange[];
  targetBranch: string;
  entityRef?: string;
  templateRef?: string;
  /** `app.baseUrl`, to link entity and template; refs are shown as text without it. */
  appBaseUrl?: string;
}

type Leaf = [path: string, value: string];

function leaves(value: unknown, path: string, out: Leaf[]): Leaf[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => leaves(item, `${path}[${index}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, path ? `${path}.${key}` : key, out);
    }
  } else {
    out.push([path, JSON.stringify(value)]);
  }
  return out;
}

/** Catalog entity names and namespaces are `[A-Za-z0-9._-]`; anything else cannot form a link. */
const REF_PART = /^[A-Za-z0-9._-]+$/;

function entityLink(ref: string, baseUrl: string | undefined, template: boolean): string {
  const match = /^(?:([^:/]+):)?(?:([^/]+)\/)?([^/]+)$/.exec(ref);
  const shown = codeSpan(ref);
  if (!baseUrl || !match) return shown;
  const [, kind = template ? 'template' : 'component', namespace = 'default', name] = match;
  if (![kind, namespace, name].every(part => REF_PART.test(part))) return shown;
  const base = baseUrl.replace(/\/+$/, '');
  const url = template
    ? `${base}/create/templates/${namespace}/${name}`
    : `${base}/catalog/${namespace}/${kind.toLowerCase()}/${name}`;
  // The URL is ours (app.baseUrl) plus checked parts; `<…>` keeps it one destination whatever it holds.
  return `[${shown}](<${encodeURI(url)}>)`;
}

/** Summarises one manifest: its kind and name, then every field that was set. */
function describeManifest(file: GitFile): string[] {
  if (!/\.ya?ml$/.test(file.path)) return [];
  const lines: string[] = [];
  for (const doc of parseAllDocuments(file.content.toString('utf8'))) {
    if (!('toJS' in doc) || doc.errors.length > 0) continue;
    const object = doc.toJS() as { kind?: string; metadata?: { name?: string }; spec?: unknown };
    if (!object?.kind) continue;
    lines.push('', `${codeSpan(String(object.kind))} ${codeSpan(String(object.metadata?.name ?? ''))} in ${codeSpan(file.path)}`);
    const fields = leaves(object.spec, 'spec', []);
    if (fields.length === 0) lines.push('- no fields set: every value is the default');
    for (const [path, value] of fields) lines.push(`- ${codeSpan(path)}: ${codeSpan(value)}`);
  }
  return lines;
}

/**
 * The pull request description: what is requested, which files change how, the fields that were
 * set, and links back to Backstage. Markdown, built from data only: every value that a form, a
 * template or a file chose (title, description, paths, kinds, names, field paths and values, refs)
 * is shown in a code span or a fenced block it cannot leave, so it renders as text and mentions,
 * links, images and HTML in it do nothing.
 */
export function pullRequestBody(input: BodyInput): string {
  const lines = [`## Request: ${codeSpan(input.title)}`];
  if (input.description) lines.push('', codeBlock(input.description));
  lines.push('', `### Changes against ${codeSpan(input.targetBranch)}`);
  for (const change of input.changes) lines.push(`- ${change.change}: ${codeSpan(change.path)}`);
  const requested = input.files.flatMap(describeManifest);
  if (requested.length > 0) lines.push('', '### Requested', ...requested);
  const links = [
    input.entityRef && `- Entity: ${entityLink(input.entityRef, input.appBaseUrl, false)}`,
    input.templateRef && `- Template: ${entityLink(input.templateRef, input.appBaseUrl, true)}`,
  ].filter((line): line is string => Boolean(line));
  if (links.length > 0) lines.push('', '### Backstage', ...links);
  lines.push('', '_Opened by the Backstage scaffolder (kubernetes:gitops:pull-request)._');
  return `${lines.join('\n')}\n`;
}
