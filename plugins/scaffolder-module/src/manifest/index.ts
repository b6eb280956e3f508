export { assembleManifest, formatFieldErrors, prepareManifest } from './build';
export type { PreparedManifest, Preparation } from './build';
export { manifestPath, confine, hasGitSegment, isGitSegment, UnsafePathError, CLUSTER_SCOPED_SEGMENT } from './paths';
export type { PathParts } from './paths';
export { manifestToYaml } from './yaml';
export { GITOPS_ANNOTATIONS } from './annotations';
export type { FieldError, KubeSchema, Manifest, ManifestLayout, ManifestRequest, ResourceScope } from './types';
