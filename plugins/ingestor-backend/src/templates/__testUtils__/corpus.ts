/** Test helper: the shared corpus of published CRDs and XRDs, read once per test file. */
import { corpusDir } from '@internal/kube-sim';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { yamlFiles } from '../../cli/templates';
import type { LocatedObject } from '../convert';
import { readYamlDocuments } from '../yamlDocuments';

export interface CorpusReading {
  inputs: LocatedObject[];
  files: string[];
  readErrors: string[];
  ms: number;
}

let cached: CorpusReading | undefined;

/** Every document of `xrd/` and `crd/`, each with its corpus-relative file name as source. */
export function readCorpus(): CorpusReading {
  if (cached) return cached;
  const started = performance.now();
  const root = corpusDir();
  const files = yamlFiles([corpusDir('xrd'), corpusDir('crd')]);
  const inputs: LocatedObject[] = [];
  const readErrors: string[] = [];
  for (const file of files) {
    const source = relative(root, file);
    const reading = readYamlDocuments(readFileSync(file, 'utf8'));
    readErrors.push(...reading.errors.map(e => `${source}: ${e}`));
    inputs.push(...reading.objects.map(object => ({ object, source })));
  }
  cached = { inputs, files: files.map(f => relative(root, f)), readErrors, ms: performance.now() - started };
  return cached;
}
