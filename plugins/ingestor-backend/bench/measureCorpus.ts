/**
 * Measurement process: template conversion of the shared corpus (../shared/corpus), with TypeScript
 * types (cold, as a starting backend sees it, then warm) and without, and the slowest definition.
 * The types generator is the one the module wires (`cachedTypesGenerator`, one per provider), so warm is
 * the provider's next cycle over unchanged definitions; the slowest definition is timed with a fresh
 * generator each, so it shows the whole generation cost.
 */
import { corpusDir } from '@internal/kube-sim';
import { readFileSync } from 'node:fs';
import { yamlFiles } from '../src/cli/templates';
import { convertLocatedDefinitions, type LocatedObject } from '../src/templates/convert';
import { cachedTypesGenerator } from '../src/templates/typescript';
import { resolveTemplateOptions } from '../src/templates/options';
import { readYamlDocuments } from '../src/templates/yamlDocuments';
import { report, runMain } from './process';

/** What the corpus measurement reports. */
export interface CorpusReport {
  definitions: number;
  withTypesColdMs: number;
  withTypesWarmMs: number;
  withoutTypesMs: number;
  slowest: { name: string; ms: number };
}

async function timed(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

runMain(async () => {
  const files = yamlFiles([corpusDir('xrd'), corpusDir('crd')]);
  const inputs = files.flatMap((f): LocatedObject[] => readYamlDocuments(readFileSync(f, 'utf8')).objects.map(object => ({ object, source: f })));
  const options = resolveTemplateOptions({ selection: { crds: { ingestAll: true } } });
  // Types first, so the cold figure is a fresh process's.
  const typesGenerator = cachedTypesGenerator();
  const withTypesColdMs = await timed(() => convertLocatedDefinitions(inputs, options, { typesGenerator }));
  const withTypesWarmMs = await timed(() => convertLocatedDefinitions(inputs, options, { typesGenerator }));
  const withoutTypesMs = await timed(() => convertLocatedDefinitions(inputs, options, { typesGenerator: null }));
  let slowest = { name: '', ms: 0 };
  for (const input of inputs) {
    const ms = await timed(() => convertLocatedDefinitions([input], options, { typesGenerator: cachedTypesGenerator() }));
    if (ms > slowest.ms) slowest = { name: String(input.object.metadata?.name ?? input.source), ms };
  }
  const result: CorpusReport = { definitions: inputs.length, withTypesColdMs, withTypesWarmMs, withoutTypesMs, slowest };
  report(result);
});
