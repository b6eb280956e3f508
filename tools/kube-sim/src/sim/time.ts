/** Kubernetes timestamps have second precision (RFC 3339 without fractions). */
export function kubeTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
