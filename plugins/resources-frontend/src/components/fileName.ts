/** A download file name from cluster-written names: only characters safe on every file system. */
export function yamlFileName(kind: string, name: string): string {
  const safe = `${kind}-${name}`.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return `${safe.slice(0, 120) || 'resource'}.yaml`;
}
