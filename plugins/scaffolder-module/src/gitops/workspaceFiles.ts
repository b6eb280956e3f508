import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { serializeDirectoryContents } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { dirname, posix } from 'node:path';
import { confine, hasGitSegment } from '../manifest';

/** A file to commit: repository path and its bytes. */
export interface GitFile {
  /** POSIX path inside the repository. */
  path: string;
  content: Buffer;
  executable?: boolean;
}

/**
 * Writes files below the workspace. Every path is confined first (no `..`, not absolute) and
 * resolved through real paths, so a symlink inside the workspace cannot redirect a write outside it.
 * All paths are checked before the first write.
 */
export async function writeWorkspaceFiles(
  workspacePath: string,
  files: Array<{ path: string; content: string }>,
): Promise<void> {
  const targets = files.map(file => ({
    target: resolveSafeChildPath(workspacePath, confine(file.path)),
    content: file.content,
  }));
  for (const { target, content } of targets) {
    await fs.mkdir(dirname(target), { recursive: true });
    // Re-check after mkdir: a directory created above may be a symlink planted meanwhile.
    resolveSafeChildPath(workspacePath, target);
    await fs.writeFile(target, content, 'utf8');
  }
}

/**
 * Reads the files to commit: either the listed workspace-relative `paths` (which must lie under
 * `sourcePath`) or every file under `sourcePath` (honouring .gitignore). Repository paths are
 * relative to `sourcePath`. A `.git` segment (any case, anywhere: `sourcePath`, a listed path, a file
 * found by the walk) is an error: such a file would become a repository's own configuration or hooks.
 */
export async function readWorkspaceFiles(options: {
  workspacePath: string;
  sourcePath?: string;
  paths?: string[];
}): Promise<GitFile[]> {
  const sourcePath = options.sourcePath ?? '.';
  if (hasGitSegment(sourcePath)) {
    throw new Error(`sourcePath "${sourcePath}" must not contain a ".git" segment`);
  }
  const root = resolveSafeChildPath(options.workspacePath, sourcePath);
  if (options.paths && options.paths.length > 0) {
    const base = posix.normalize(sourcePath);
    const files: GitFile[] = [];
    for (const path of [...new Set(options.paths.map(p => confine(p)))]) {
      const repoPath = base === '.' ? path : posix.relative(base, path);
      if (repoPath.startsWith('..')) {
        throw new Error(`path "${path}" is outside sourcePath "${sourcePath}"`);
      }
      const absolute = resolveSafeChildPath(options.workspacePath, path);
      files.push({ path: repoPath, content: await fs.readFile(absolute) });
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }
  // Every file, `.git` included (the default pattern skips only a top-level `.git`, in that case), so
  // a git directory anywhere is reported rather than silently committed or silently left out.
  const contents = await serializeDirectoryContents(root, { gitignore: true, globPatterns: ['./**'] });
  const gitFiles = contents.map(file => file.path).filter(hasGitSegment).sort();
  if (gitFiles.length > 0) {
    const shown = gitFiles.slice(0, 3).join(', ') + (gitFiles.length > 3 ? `, … (${gitFiles.length} in all)` : '');
    throw new Error(
      `sourcePath "${sourcePath}" holds files in a git directory (${shown}); list the files to commit in "paths" or choose a sourcePath without one`,
    );
  }
  return contents
    // A symlink would be committed as a link whose target may lie outside the workspace.
    .filter(file => !file.symlink)
    .map(file => ({ path: file.path, content: file.content, executable: file.executable }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
