/**
 * Whether a cluster is in an allow-list of cluster names (absent: every cluster).
 *
 * @public
 */
export function isAllowedCluster(name: string, allowedClusterNames: string[] | undefined): boolean {
  return !allowedClusterNames || allowedClusterNames.includes(name);
}
