import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { serializeDirectoryContents } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';
import { dirname, posix } from 'node:path';
import { confine } from '../manifest';

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
 * relative to `sourcePath`.
 */
export async function readWorkspaceFiles(options: {
  workspacePath: string;
  sourcePath?: string;
  paths?: string[];
}): Promise<GitFile[]> {
  const sourcePath = options.sourcePath ?? '.';
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
  const contents = await serializeDirectoryContents(root, { gitignore: true });
  return contents
    // A symlink would be committed as a link whose target may lie outside the workspace.
    .filter(file => !file.symlink)
    .map(file => ({ path: file.path, content: file.content, executable: file.executable }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
