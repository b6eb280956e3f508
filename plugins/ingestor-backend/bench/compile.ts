/**
 * Measurements of memory run compiled, as a production backend runs built JavaScript: under tsx the
 * process also holds the loader, every transformed source and its source map (about 85 MiB more RSS
 * before the first request, measured on the full fleet), which is the benchmark's cost, not the
 * ingestor's.
 *
 * The measurement file and the workspace code it imports are bundled into one CommonJS file; every
 * installed package stays external, required by the absolute path esbuild resolved it to, so the
 * process loads exactly the files it would load under tsx.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Plugin } from 'esbuild';

const INSTALLED = '/node_modules/';

const installedPackagesExternal: Plugin = {
  name: 'installed-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async args => {
      if (args.pluginData === 'resolving') return undefined;
      const found = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' });
      if (found.errors.length || !found.path.includes(INSTALLED)) return undefined;
      return { path: found.path, external: true };
    });
  },
};

/** Bundles `file` (a measurement's TypeScript entry) into `outDir`; returns the JavaScript file to run. */
export async function compileMeasurement(file: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${basename(file, '.ts')}.js`);
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [installedPackagesExternal],
    logLevel: 'warning',
  });
  return outfile;
}
