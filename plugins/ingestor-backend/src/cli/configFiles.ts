import { ConfigReader, type Config } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';

/**
 * Throws naming the file, line and column of the first YAML error, never the text: config-loader's own
 * message quotes the offending lines, which in an app-config may hold a token.
 */
export function assertValidYamlFile(path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const first = parseDocument(text).errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new Error(`${path}: not valid YAML (${first.code}) at line ${pos?.line ?? '?'}, column ${pos?.col ?? '?'}`);
  }
}

/** The app-config files as one Config, checked first so a syntax error names only file and line. */
export async function readConfigFiles(files: string[]): Promise<Config> {
  if (files.length === 0) return new ConfigReader({});
  const paths = files.map(f => resolve(f));
  paths.forEach(assertValidYamlFile);
  const { appConfigs } = await loadConfig({ configRoot: process.cwd(), configTargets: paths.map(path => ({ path })) });
  return ConfigReader.fromConfigs(appConfigs);
}
