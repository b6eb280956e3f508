export { assembleManifest, formatFieldErrors, prepareManifest } from './build';
export type { PreparedManifest, Preparation } from './build';
export { manifestPath, confine, hasGitSegment, isGitSegment, UnsafePathError, CLUSTER_SCOPED_SEGMENT } from './paths';
export type { PathParts } from './paths';
export { manifestToYaml } from './yaml';
// The annotations the render action writes are part of the shared Template <-> action contract.
export { GITOPS_ANNOTATIONS } from '@kube-platform/plugin-kubernetes-common';
export type { FieldError, KubeSchema, Manifest, ManifestLayout, ManifestRequest, ResourceScope } from './types';
