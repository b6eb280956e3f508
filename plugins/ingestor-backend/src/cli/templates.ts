/**
 * Converts CRD and XRD YAML files into Template and API entities, printed as multi-document YAML.
 * A file that fails is named on stderr with the reason; the others are still converted, and the exit
 * status is non-zero when anything failed.
 *
 *   npm run templates -- <file-or-dir>... [--namespace default] [--owner group:platform]
 *       [--publish github-pr|git-push|none] [--repo-url github.com?owner=o&repo=r] [--target-branch main]
 *       [--layout cluster-namespace-kind|namespace-kind] [--versions referenceable|served] [--composites]
 *       [--no-types]
 */
import { errorMessage } from '@kube-platform/plugin-kubernetes-node';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { convertLocatedDefinitions, type LocatedObject } from '../templates/convert';
import { resolveTemplateOptions, type ManifestLayout, type PublishTarget, type TemplateOptions } from '../templates/options';
import { readYamlDocuments } from '../templates/yamlDocuments';

/** YAML files under the given files and directories, each directory walked in name order. */
export function yamlFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) walk(join(path, entry));
    } else if (/\.ya?ml$/i.test(path)) {
      out.push(path);
    }
  };
  paths.forEach(walk);
  return out;
}

function optionsFrom(values: Record<string, string | boolean | undefined>): TemplateOptions {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return resolveTemplateOptions({
    namespace: str('namespace'),
    owner: str('owner'),
    // The command line names its files: every CRD and XRD in them is wanted.
    selection: {
      crds: { ingestAll: true },
      xrds: { composites: values.composites === true },
      versions: (str('versions') as 'referenceable' | 'served' | undefined) ?? 'referenceable',
    },
    publish: {
      target: (str('publish') as PublishTarget | undefined) ?? 'github-pr',
      repoUrl: str('repo-url'),
      targetBranch: str('target-branch'),
      layout: str('layout') as ManifestLayout | undefined,
    },
  });
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function main(argv: string[], io: CliIo = { stdout: t => process.stdout.write(t), stderr: t => process.stderr.write(t) }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      namespace: { type: 'string' },
      owner: { type: 'string' },
      publish: { type: 'string' },
      'repo-url': { type: 'string' },
      'target-branch': { type: 'string' },
      layout: { type: 'string' },
      versions: { type: 'string' },
      composites: { type: 'boolean' },
      'no-types': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) {
    io.stderr('usage: templates <file-or-dir>... (see the header of src/cli/templates.ts for options)\n');
    return 2;
  }
  const options = optionsFrom(values);
  const failedFiles = new Set<string>();
  const inputs: LocatedObject[] = [];
  for (const file of yamlFiles(positionals)) {
    const name = relative(process.cwd(), file) || file;
    const reading = readYamlDocuments(readFileSync(file, 'utf8'));
    for (const w of reading.warnings) io.stderr(`warning: ${name}: ${w}\n`);
    for (const e of reading.errors) {
      failedFiles.add(name);
      io.stderr(`${name}: ${e}\n`);
    }
    inputs.push(...reading.objects.map(object => ({ object, source: name })));
  }
  const result = await convertLocatedDefinitions(inputs, options, values['no-types'] ? { typesGenerator: null } : {});
  for (const w of result.warnings) io.stderr(`warning: ${w.source}: ${w.message}\n`);
  for (const e of result.errors) {
    failedFiles.add(e.source);
    io.stderr(`${e.source}: ${e.message}\n`);
  }
  io.stdout(result.entities.map(e => stringify(e, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'));
  return failedFiles.size > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`templates: ${errorMessage(error)}\n`);
      process.exitCode = 2;
    },
  );
}
