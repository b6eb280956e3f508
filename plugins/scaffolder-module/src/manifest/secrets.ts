/**
 * Why a manifest bound for Git may not be a core `v1 Secret`: its `data`/`stringData` would sit in the
 * repository's history in clear text (base64 is an encoding, not encryption) for everyone who can read
 * it. Returns the refusal, or undefined for every other kind.
 */
export function secretRefusal(apiVersion: string, kind: string): string | undefined {
  if (apiVersion !== 'v1' || kind !== 'Secret') return undefined;
  return (
    'A core v1 Secret is never rendered into a GitOps repository: its data would be readable by everyone ' +
    'with access to the repository, forever. Use an ExternalSecret (External Secrets Operator) that points ' +
    'at your secret store, a SealedSecret (Bitnami Sealed Secrets) encrypted for the cluster, or let the ' +
    'controller write a connection secret (Crossplane writeConnectionSecretToRef) instead.'
  );
}
