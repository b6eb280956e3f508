/**
 * fetch, again after a network error: Node's fetch reuses idle keep-alive connections, and one the backend
 * has just closed fails with ECONNRESET although the backend is fine.
 */
async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      if (attempt >= 3 || !(e instanceof TypeError)) throw e;
      await new Promise(r => setTimeout(r, 200 * attempt));
    }
  }
}

/** The few catalog reads the end-to-end test checks the UI against, signed in as the guest. */
export class CatalogApi {
  private token?: string;

  constructor(private readonly baseUrl: string) {}

  async entityRefs(filter: string): Promise<string[]> {
    const res = await fetchRetrying(`${this.baseUrl}/api/catalog/entities/by-query?filter=${encodeURIComponent(filter)}&limit=500&fields=kind,metadata.namespace,metadata.name`, {
      headers: { authorization: `Bearer ${await this.guestToken()}` },
    });
    if (!res.ok) throw new Error(`catalog query ${filter}: HTTP ${res.status}`);
    const body = (await res.json()) as { items: { kind: string; metadata: { namespace?: string; name: string } }[] };
    return body.items.map(e => `${e.kind.toLocaleLowerCase('en-US')}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`);
  }

  /** Every entity ref with its uid; the refs are checked to be unique (no duplicate entities). */
  async entityUids(): Promise<Map<string, string>> {
    const res = await fetchRetrying(`${this.baseUrl}/api/catalog/entities/by-query?limit=1000&fields=kind,metadata.namespace,metadata.name,metadata.uid`, {
      headers: { authorization: `Bearer ${await this.guestToken()}` },
    });
    if (!res.ok) throw new Error(`catalog query: HTTP ${res.status}`);
    const body = (await res.json()) as { items: { kind: string; metadata: { namespace?: string; name: string; uid: string } }[] };
    const uids = new Map<string, string>();
    for (const e of body.items) {
      const ref = `${e.kind.toLocaleLowerCase('en-US')}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`;
      if (uids.has(ref)) throw new Error(`duplicate entity ${ref}`);
      uids.set(ref, e.metadata.uid);
    }
    return uids;
  }

  /** What the catalog table shows for an entity: its title, else its name. */
  async displayName(ref: string): Promise<string> {
    const [kind, rest] = ref.split(':');
    const [namespace, name] = rest.split('/');
    const res = await fetchRetrying(`${this.baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`, {
      headers: { authorization: `Bearer ${await this.guestToken()}` },
    });
    if (!res.ok) throw new Error(`catalog entity ${ref}: HTTP ${res.status}`);
    const entity = (await res.json()) as { metadata: { name: string; title?: string } };
    return entity.metadata.title ?? entity.metadata.name;
  }

  /** Polls until every ref is in the catalog; returns how long it took. */
  async waitFor(refs: string[], timeoutMs: number): Promise<number> {
    const started = Date.now();
    let missing = refs;
    while (Date.now() - started < timeoutMs) {
      const present = new Set(await this.entityRefs('kind=component,kind=resource,kind=system,kind=template'));
      missing = refs.filter(r => !present.has(r));
      if (missing.length === 0) return Date.now() - started;
      await new Promise(r => setTimeout(r, 1000));
    }
    throw new Error(`not in the catalog after ${timeoutMs / 1000} s: ${missing.join(', ')}`);
  }

  private async guestToken(): Promise<string> {
    if (!this.token) {
      const res = await fetchRetrying(`${this.baseUrl}/api/auth/guest/refresh?env=development`, { headers: { 'x-requested-with': 'XMLHttpRequest' } });
      if (!res.ok) throw new Error(`guest sign-in: HTTP ${res.status}`);
      this.token = ((await res.json()) as { backstageIdentity: { token: string } }).backstageIdentity.token;
    }
    return this.token;
  }
}
