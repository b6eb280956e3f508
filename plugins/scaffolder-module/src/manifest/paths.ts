import { posix } from 'node:path';
import { JsonObject, JsonValue } from '@backstage/types';
import { ManifestLayout } from './types';

/** Everything a path can be made of. */
export interface PathParts {
  layout: ManifestLayout;
  pathTemplate?: string;
  targetPath?: string;
  /** Undefined when no clusters were given: the cluster segment is left out. */
  cluster?: string;
  namespace?: string;
  kind: string;
  name: string;
  /** Values for `{parameters.<key>}` placeholders (the spec form values). */
  parameters?: JsonObject;
}

/** Thrown for a path that would leave the workspace or cannot be built. */
export class UnsafePathError extends Error {}

/** Placeholder for the namespace segment of cluster-scoped objects. */
export const CLUSTER_SCOPED_SEGMENT = '_cluster';

function lookup(values: JsonObject | undefined, dotted: string): JsonValue | undefined {
  let current: JsonValue | undefined = values;
  for (const key of dotted.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

/** Characters HFS+ ignores in names, so `.g\u200cit` is `.git` there (git's is_hfs_dotgit). */
const HFS_IGNORABLE = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

/**
 * Whether one path segment names a git directory on some file system: `.git` in any case, with the
 * trailing dots and spaces or `:stream` suffix NTFS ignores, its 8.3 short name `git~1`, or with
 * characters HFS+ ignores. Such a path would be written into, or committed as, a repository's own
 * configuration and hooks.
 */
export function isGitSegment(part: string): boolean {
  const name = part
    .replace(HFS_IGNORABLE, '')
    .split(':')[0]
    .replace(/[. ]+$/, '')
    .toLowerCase();
  return name === '.git' || name === 'git~1';
}

/** Whether any segment of a `/`- or backslash-separated path is a git directory (see {@link isGitSegment}). */
export function hasGitSegment(path: string): boolean {
  return path.split(/[/\\]/).some(isGitSegment);
}

function segment(value: string, what: string): string {
  // A value never contributes a directory level of its own, nor climbs out of one.
  if (!value || value === '.' || value === '..' || /[/\\\0]/.test(value)) {
    throw new UnsafePathError(`${what} "${value}" cannot be used as a path segment`);
  }
  if (isGitSegment(value)) {
    throw new UnsafePathError(`${what} "${value}" cannot be used as a path segment: it names a git directory`);
  }
  return value;
}

function fromTemplate(template: string, parts: PathParts): string {
  return template.replace(/\{([^{}]+)\}/g, (_match, key: string) => {
    if (key === 'cluster') {
      if (!parts.cluster) {
        throw new UnsafePathError('pathTemplate uses {cluster} but no clusters were given');
      }
      return segment(parts.cluster, 'cluster');
    }
    if (key === 'namespace') {
      return segment(parts.namespace ?? CLUSTER_SCOPED_SEGMENT, 'namespace');
    }
    if (key === 'kind') return segment(parts.kind, 'kind');
    if (key === 'name') return segment(parts.name, 'name');
    if (key.startsWith('parameters.')) {
      const value = lookup(parts.parameters, key.slice('parameters.'.length));
      if (value === undefined || value === null || typeof value === 'object') {
        throw new UnsafePathError(`pathTemplate placeholder {${key}} has no scalar value`);
      }
      return segment(String(value), `{${key}}`);
    }
    throw new UnsafePathError(`pathTemplate has an unknown placeholder {${key}}`);
  });
}

/**
 * The workspace-relative, POSIX path of one manifest. Pure: confinement against symlinks is
 * checked again when writing (see writeFiles).
 */
export function manifestPath(parts: PathParts): string {
  const namespace = segment(parts.namespace ?? CLUSTER_SCOPED_SEGMENT, 'namespace');
  const file = `${segment(parts.name, 'name')}.yaml`;
  const kind = segment(parts.kind, 'kind');
  let relative: string;
  if (parts.layout === 'custom') {
    if (!parts.pathTemplate) {
      throw new UnsafePathError('layout "custom" needs a pathTemplate');
    }
    relative = fromTemplate(parts.pathTemplate, parts);
  } else if (parts.layout === 'namespace-kind' || !parts.cluster) {
    relative = posix.join(namespace, kind, file);
  } else {
    relative = posix.join(segment(parts.cluster, 'cluster'), namespace, kind, file);
  }
  // Checked before joining too: join() would quietly turn an absolute template into a relative path.
  return confine(posix.join(parts.targetPath ?? '.', confine(relative)));
}

/**
 * Rejects absolute paths, any `..` (before or after normalisation) and any `.git` segment (see
 * {@link isGitSegment}).
 */
export function confine(path: string): string {
  if (path.includes('\0') || path.includes('\\')) {
    throw new UnsafePathError(`path "${path}" contains a forbidden character`);
  }
  if (posix.isAbsolute(path) || /^[A-Za-z]:/.test(path)) {
    throw new UnsafePathError(`path "${path}" must be relative to the workspace`);
  }
  if (path.split('/').includes('..')) {
    throw new UnsafePathError(`path "${path}" must not contain ".."`);
  }
  if (hasGitSegment(path)) {
    throw new UnsafePathError(`path "${path}" must not contain a ".git" segment`);
  }
  const normalised = posix.normalize(path);
  if (normalised === '.' || normalised.endsWith('/')) {
    throw new UnsafePathError(`path "${path}" does not name a file`);
  }
  return normalised;
}
