import { Config } from '@backstage/config';

/** Who a commit is by. */
export interface CommitAuthor {
  name: string;
  email: string;
}

/** The author when `scaffolder.defaultAuthor` does not say: Backstage's own default for it. */
export const FALLBACK_COMMIT_AUTHOR: CommitAuthor = { name: 'Scaffolder', email: 'scaffolder@backstage.io' };

/**
 * `scaffolder.defaultAuthor` (Backstage's own key), each part falling back on its own to
 * {@link FALLBACK_COMMIT_AUTHOR}. Read once when an action is created; both git actions use it.
 */
export function readDefaultCommitAuthor(config?: Config): CommitAuthor {
  return {
    name: config?.getOptionalString('scaffolder.defaultAuthor.name') ?? FALLBACK_COMMIT_AUTHOR.name,
    email: config?.getOptionalString('scaffolder.defaultAuthor.email') ?? FALLBACK_COMMIT_AUTHOR.email,
  };
}
