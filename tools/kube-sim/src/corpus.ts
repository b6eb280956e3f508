import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The shared corpus of published CRDs, XRDs, Compositions and claims. It sits beside the repository
 * (`../shared/corpus`) on developer machines and in CI; `KUBE_PLATFORM_CORPUS` points elsewhere.
 * Throws when it is missing, so corpus tests fail loudly instead of passing over nothing.
 */
export function corpusDir(...parts: string[]): string {
  const root = process.env.KUBE_PLATFORM_CORPUS ?? resolve(__dirname, '../../../../shared/corpus');
  if (!existsSync(root)) {
    throw new Error(`The shared corpus was not found at ${root}; set KUBE_PLATFORM_CORPUS to its path`);
  }
  return resolve(root, ...parts);
}
