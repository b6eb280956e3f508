/**
 * Annotations the render action writes so the ingestor can link a live object back to the file
 * that declared it, the entity that owns it and the template that created it.
 *
 * @public
 */
export const GITOPS_ANNOTATIONS = {
  /** Entity ref of the owner; the ingestor already reads it as `<prefix>/owner`. */
  owner: 'kube-platform.io/owner',
  /** Entity ref of the Template that produced the manifest. */
  template: 'kube-platform.io/template',
  /** Path of the manifest in the GitOps repository (workspace-relative when rendered). */
  gitopsPath: 'kube-platform.io/gitops-path',
} as const;
