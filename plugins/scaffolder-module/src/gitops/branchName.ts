import { InputError } from '@backstage/errors';

/** The default prefix for generated branch names. */
export const DEFAULT_BRANCH_PREFIX = 'backstage/';

/**
 * A deterministic branch name from the title: the same request always maps to the same branch,
 * which is what makes a re-run update its pull request instead of opening another.
 */
export function branchFromTitle(title: string, prefix = DEFAULT_BRANCH_PREFIX): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  if (!slug) throw new InputError(`Cannot derive a branch name from title "${title}"`);
  return assertBranchName(`${prefix}${slug}`);
}

/** Rejects names git would refuse (see git-check-ref-format), before any request is made. */
export function assertBranchName(name: string): string {
  const invalid =
    !name ||
    name.startsWith('-') ||
    name.startsWith('/') ||
    name.endsWith('/') ||
    name.endsWith('.') ||
    name.endsWith('.lock') ||
    name.includes('..') ||
    name.includes('//') ||
    name.includes('@{') ||
    // eslint-disable-next-line no-control-regex
    /[\x00-\x20\x7f~^:?*[\\]/.test(name);
  if (invalid) throw new InputError(`"${name}" is not a valid git branch name`);
  return name;
}
