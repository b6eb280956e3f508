/** Whether a cluster passes `kubernetesIngestor.clusters.allowedClusterNames` (absent: every cluster). */
export function isAllowedCluster(name: string, allowedClusterNames: string[] | undefined): boolean {
  return !allowedClusterNames || allowedClusterNames.includes(name);
}
