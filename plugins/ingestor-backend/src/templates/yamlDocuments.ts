/**
 * Multi-document YAML to Kubernetes objects, read the way kubectl reads it.
 *
 * kubectl (Go's libyaml-based parser) accepts a double-quoted scalar whose continuation lines are
 * indented no deeper than its key, which YAML 1.2 and the `yaml` library reject. Published manifests
 * do this (the corpus has one), and a real cluster accepts them, so such a scalar is re-indented and
 * the document read again, with a warning naming the line. Any other syntax error fails the document.
 */
import { parseAllDocuments, type YAMLError } from 'yaml';
import type { KubeObject } from '../types';
import { isRecord } from './schema/types';

export interface YamlReading {
  objects: KubeObject[];
  /** One message per document that could not be read. */
  errors: string[];
  warnings: string[];
}

const MAX_REPAIRS = 20;

function unterminatedQuote(errors: YAMLError[]): number | undefined {
  const error = errors.find(e => e.code === 'MISSING_CHAR' && e.message.startsWith('Missing closing "quote'));
  return error?.linePos?.[0].line;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Re-indents the continuation lines of the scalar opened on 1-based `line`; undefined when it cannot tell where it ends. */
function reindent(text: string, line: number): { text: string; from: number } | undefined {
  const lines = text.split('\n');
  const opening = lines[line - 1];
  if (opening === undefined) return undefined;
  const indent = ' '.repeat(indentOf(opening) + 2);
  for (let i = line; i < lines.length && i < line + 50; i++) {
    lines[i] = indent + lines[i].trimStart();
    if (/(^|[^\\])"/.test(lines[i])) return { text: lines.join('\n'), from: line + 1 };
  }
  return undefined;
}

export function readYamlDocuments(text: string): YamlReading {
  const warnings: string[] = [];
  let current = text;
  let docs = parseAllDocuments(current);
  for (let n = 0; n < MAX_REPAIRS; n++) {
    const line = unterminatedQuote(Array.from(docs).flatMap(d => d.errors));
    const repaired = line === undefined ? undefined : reindent(current, line);
    if (!repaired) break;
    warnings.push(`line ${repaired.from}: a quoted string continues at a shallower indent than YAML allows; read it as kubectl does`);
    current = repaired.text;
    docs = parseAllDocuments(current);
  }
  const objects: KubeObject[] = [];
  const errors: string[] = [];
  Array.from(docs).forEach((doc, i) => {
    if (doc.errors.length) {
      errors.push(`document ${i + 1}: ${doc.errors[0].message.split('\n')[0]}`);
      return;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (value === null || value === undefined) return;
    if (!isRecord(value) || !isRecord(value.metadata)) {
      errors.push(`document ${i + 1}: not a Kubernetes object (no metadata)`);
      return;
    }
    objects.push({ ...value, metadata: value.metadata });
  });
  return { objects, errors, warnings };
}
