/**
 * Benchmark: converts the whole shared corpus and prints the time of each phase.
 *
 *   bash scripts/yarn.sh tsx plugins/ingestor-backend/bench/templates.ts [--types]
 */
import { corpusDir } from '@internal/kube-sim';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { yamlFiles } from '../src/cli/templates';
import { convertLocatedDefinitions, type LocatedObject } from '../src/templates/convert';
import { resolveTemplateOptions } from '../src/templates/options';
import { readYamlDocuments } from '../src/templates/yamlDocuments';

async function bench(withTypes: boolean): Promise<void> {
  const time = async <T>(label: string, fn: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    process.stdout.write(`${label}: ${(performance.now() - started).toFixed(0)} ms\n`);
    return value;
  };
  const files = yamlFiles([corpusDir('xrd'), corpusDir('crd')]);
  const inputs = await time(`read ${files.length} files (yaml parse)`, () =>
    files.flatMap((f): LocatedObject[] => readYamlDocuments(readFileSync(f, 'utf8')).objects.map(object => ({ object, source: f }))),
  );
  const options = resolveTemplateOptions({ selection: { crds: { ingestAll: true } } });
  // Types first, so the first figure is a cold process's, as the CLI and a starting backend see it.
  if (withTypes) {
    await time('convert with TypeScript types (first run)', () => convertLocatedDefinitions(inputs, options));
    await time('convert with TypeScript types (second run)', () => convertLocatedDefinitions(inputs, options));
  }
  const first = await time('convert without types', () => convertLocatedDefinitions(inputs, options, { typesGenerator: null }));
  await time(`serialise ${first.entities.length} entities as YAML`, () => first.entities.map(e => stringify(e, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'));
}

bench(process.argv.includes('--types')).catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
