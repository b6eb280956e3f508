import { randomBytes } from 'node:crypto';
import type { KubeSim } from '../kubeSim';
import { resourceKey } from '../store/keys';
import type { KubeObject } from '../types';
import { composeResources } from './compose';

type Json = Record<string, unknown>;

export interface CrossplaneControllerOptions {
  /** How long composed resources take to become Ready. Default 3 s. */
  readyAfterMs?: number;
  /** How often new claims and composites are looked for. Default 500 ms. */
  intervalMs?: number;
  now?: () => number;
}

/** What one XRD makes the controller handle. */
interface Definition {
  apiVersion: string;
  kind: string;
  claimKind?: string;
  /** Crossplane 1.x composites (LegacyCluster): references under spec, not spec.crossplane. */
  legacy: boolean;
}

interface Pending {
  readyAt: number;
  composite: { apiVersion: string; kind: string; name: string; namespace?: string };
  composed: Array<{ apiVersion: string; kind: string; name: string; namespace?: string }>;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * kube-sim plays Crossplane for the XRDs it serves, just enough for a demo: a new claim gets its composite,
 * a composite without resource references gets the resources its Composition's templates describe, and all
 * of them turn Ready a few seconds later. Objects that already carry references (the seeded demo, or
 * anything a test applied with its status) are left alone.
 */
export class CrossplaneController {
  private readonly pending: Pending[] = [];
  private timer?: NodeJS.Timeout;
  private readonly readyAfterMs: number;
  private readonly now: () => number;

  constructor(private readonly sim: KubeSim, private readonly opts: CrossplaneControllerOptions = {}) {
    this.readyAfterMs = opts.readyAfterMs ?? 3000;
    this.now = opts.now ?? Date.now;
  }

  start(): this {
    this.timer = setInterval(() => this.reconcile(), this.opts.intervalMs ?? 500);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass: bind new claims, compose new composites, mark due resources Ready. */
  reconcile(): void {
    const definitions = this.definitions();
    for (const def of definitions) if (def.claimKind) this.bindClaims(def);
    for (const def of definitions) this.composeComposites(def);
    this.markReady();
  }

  private definitions(): Definition[] {
    return this.stored('apiextensions.crossplane.io', 'compositeresourcedefinitions').flatMap(xrd => {
      const spec = (xrd.spec ?? {}) as Json;
      const names = (spec.names ?? {}) as Json;
      const versions = Array.isArray(spec.versions) ? (spec.versions as Json[]) : [];
      const version = versions.find(v => v.referenceable) ?? versions[0];
      if (!version || typeof spec.group !== 'string' || typeof names.kind !== 'string') return [];
      const claimKind = (spec.claimNames as Json | undefined)?.kind;
      const legacy = spec.scope === 'LegacyCluster' || (spec.scope === undefined && String(xrd.apiVersion).endsWith('/v1'));
      return [{ apiVersion: `${spec.group}/${version.name}`, kind: names.kind, claimKind: typeof claimKind === 'string' ? claimKind : undefined, legacy }];
    });
  }

  private bindClaims(def: Definition): void {
    for (const claim of this.list(def.apiVersion, def.claimKind!)) {
      const spec = (claim.spec ?? {}) as Json;
      if (spec.resourceRef || claim.metadata.deletionTimestamp) continue;
      const name = `${claim.metadata.name}-${suffix()}`;
      const { resourceRef: _ref, compositeDeletePolicy: _policy, writeConnectionSecretToRef: _secret, ...rest } = spec;
      const composite = this.sim.apply({
        apiVersion: def.apiVersion,
        kind: def.kind,
        metadata: {
          name,
          labels: {
            ...claim.metadata.labels,
            'crossplane.io/claim-name': String(claim.metadata.name),
            'crossplane.io/claim-namespace': String(claim.metadata.namespace),
            'crossplane.io/composite': name,
          },
          annotations: claim.metadata.annotations,
        },
        spec: { ...rest, claimRef: { apiVersion: def.apiVersion, kind: def.claimKind, name: claim.metadata.name, namespace: claim.metadata.namespace } },
      })[0];
      this.sim.apply({
        ...claim,
        spec: { ...spec, resourceRef: { apiVersion: def.apiVersion, kind: def.kind, name: composite.metadata.name } },
        status: { conditions: conditions(false) },
      });
    }
  }

  private composeComposites(def: Definition): void {
    for (const composite of this.list(def.apiVersion, def.kind)) {
      const spec = (composite.spec ?? {}) as Json;
      const refsHolder = def.legacy ? spec : ((spec.crossplane ?? {}) as Json);
      if (refsHolder.resourceRefs || composite.metadata.deletionTimestamp) continue;
      const composition = this.compositionFor(def, refsHolder);
      if (!composition) continue;
      const composed = composeResources(composite, composition, {
        suffix,
        isNamespaced: (apiVersion, kind) => this.sim.cluster.registry.byKind(apiVersion, kind)?.namespaced,
      }).flatMap(({ object }) => {
        try {
          return this.sim.apply(object);
        } catch {
          // A template the cluster refuses (say, a namespaced kind under a cluster-scoped composite) is left out.
          return [];
        }
      });
      const refs = composed.map(o => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name }));
      const crossplane = { ...refsHolder, compositionRef: { name: composition.metadata.name }, resourceRefs: refs };
      this.sim.apply({
        ...composite,
        spec: def.legacy ? crossplane : { ...spec, crossplane },
        status: { ...((composite.status as Json) ?? {}), conditions: conditions(false) },
      });
      this.pending.push({
        readyAt: this.now() + this.readyAfterMs,
        composite: { apiVersion: def.apiVersion, kind: def.kind, name: String(composite.metadata.name), namespace: composite.metadata.namespace },
        composed: composed.map(o => ({ apiVersion: String(o.apiVersion), kind: String(o.kind), name: String(o.metadata.name), namespace: o.metadata.namespace })),
      });
    }
  }

  private compositionFor(def: Definition, refsHolder: Json): KubeObject | undefined {
    const compositions = this.list('apiextensions.crossplane.io/v1', 'Composition');
    const named = (refsHolder.compositionRef as Json | undefined)?.name;
    if (typeof named === 'string') return compositions.find(c => c.metadata.name === named);
    const group = def.apiVersion.split('/')[0];
    return compositions.find(c => {
      const ref = ((c.spec as Json | undefined)?.compositeTypeRef ?? {}) as Json;
      return ref.kind === def.kind && String(ref.apiVersion).split('/')[0] === group;
    });
  }

  private markReady(): void {
    const due = this.pending.filter(p => p.readyAt <= this.now());
    for (const p of due) {
      this.pending.splice(this.pending.indexOf(p), 1);
      for (const ref of p.composed) this.setReady(ref);
      const composite = this.setReady(p.composite);
      const claimRef = (((composite?.spec as Json | undefined)?.claimRef ?? undefined) as Json | undefined);
      if (claimRef) this.setReady({ apiVersion: String(claimRef.apiVersion), kind: String(claimRef.kind), name: String(claimRef.name), namespace: String(claimRef.namespace) });
    }
  }

  private setReady(ref: { apiVersion: string; kind: string; name: string; namespace?: string }): KubeObject | undefined {
    let current: KubeObject | undefined;
    try {
      current = this.sim.get(ref.apiVersion, ref.kind, ref.name, ref.namespace);
    } catch {
      return undefined;
    }
    if (!current) return undefined;
    return this.sim.apply({ ...current, status: { ...((current.status as Json) ?? {}), conditions: conditions(true) } })[0];
  }

  private list(apiVersion: string, kind: string): KubeObject[] {
    try {
      return this.sim.list(apiVersion, kind);
    } catch {
      return []; // not served (yet)
    }
  }

  /** Objects as stored, in the version they were written in (so an XRD's apiVersion tells v1 from v2). */
  private stored(group: string, plural: string): KubeObject[] {
    return this.sim.cluster.store.scan(resourceKey(group, plural), { match: () => true }).items;
  }
}

function suffix(): string {
  return [...randomBytes(5)].map(b => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');
}

function conditions(ready: boolean): Json[] {
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: at },
    ready
      ? { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: at }
      : { type: 'Ready', status: 'False', reason: 'Creating', lastTransitionTime: at },
  ];
}
