import { stringify } from 'yaml';
import { Manifest } from './types';

/**
 * Serialises a manifest with the `yaml` library: strings that look like numbers or booleans are
 * quoted, long strings are not folded (lineWidth 0) so diffs stay one line per value.
 */
export function manifestToYaml(manifest: Manifest): string {
  return stringify(manifest, { lineWidth: 0, aliasDuplicateObjects: false });
}
