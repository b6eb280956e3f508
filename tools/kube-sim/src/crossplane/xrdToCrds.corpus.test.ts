/**
 * crdsForXrd over every XRD in the shared corpus of real-world XRDs (multi-document YAML files,
 * one folder per source repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../types';
import type { CustomResourceDefinition } from './crdTypes';
import { isRecord } from './jsonSchema';
import { props, renderCrds, rootSchema, schemaOutline } from './testUtils';
import { InvalidXrdError } from './xrdToCrds';
import { corpusDir } from '../corpus';

const CORPUS = corpusDir('xrd');

/**
 * Corpus XRDs a real cluster would not establish, and the field each error must name.
 * The first would be refused by the API server's CRD validation; Crossplane itself fails to render the
 * middle two ("custom resource validation cannot be nil"); the last would give a CRD two storage versions.
 */
const EXPECTED_FAILURES: Record<string, string> = {
  'xnopresourcestwo.nop.example.org': 'spec.claimNames.plural',
  'compositebuckets.common.crossplane.io': 'spec.versions[0].schema.openAPIV3Schema',
  'compositenosqlinstances.common.crossplane.io': 'spec.versions[0].schema.openAPIV3Schema',
  'xapimigrateresources.diff.example.org': 'spec.versions',
};

/** Files that are not valid YAML (a double-quoted scalar continued at too shallow an indent). */
const UNPARSEABLE = ['upbound__configuration-gcp-database/apis__sqlinstances__definition.yaml'];

interface CorpusXrd {
  file: string;
  xrd: KubeObject;
}

function loadCorpus(): { xrds: CorpusXrd[]; unparseable: string[] } {
  const xrds: CorpusXrd[] = [];
  const unparseable: string[] = [];
  for (const dir of fs.readdirSync(CORPUS).sort()) {
    for (const name of fs.readdirSync(path.join(CORPUS, dir)).sort()) {
      const file = `${dir}/${name}`;
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(CORPUS, file), 'utf8'))) {
        if (doc.errors.length) {
          unparseable.push(file);
          continue;
        }
        const obj: unknown = doc.toJS();
        if (isRecord(obj) && obj.kind === 'CompositeResourceDefinition' && isRecord(obj.metadata)) {
          xrds.push({ file, xrd: { ...obj, metadata: obj.metadata } });
        }
      }
    }
  }
  return { xrds, unparseable };
}

const { xrds, unparseable } = loadCorpus();

const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const LEGACY_XR_FIELDS = [
  'compositionRef',
  'compositionSelector',
  'compositionRevisionRef',
  'compositionRevisionSelector',
  'compositionUpdatePolicy',
  'resourceRefs',
  'claimRef',
  'writeConnectionSecretToRef',
];
const MODERN_XR_FIELDS = LEGACY_XR_FIELDS.slice(0, 6);
const CLAIM_FIELDS = [...LEGACY_XR_FIELDS.slice(0, 5), 'compositeDeletePolicy', 'resourceRef', 'writeConnectionSecretToRef'];
const STATUS_FIELDS = ['conditions', 'connectionDetails', 'claimConditionTypes'];

/** Every property path of the XRD's spec/status (outside fields Crossplane owns) keeps its type and required list. */
function expectUserSchemaKept(crd: CustomResourceDefinition, version: string, xrdSchema: unknown, reserved: Record<'spec' | 'status', string[]>) {
  const crdRoot = rootSchema(crd, version);
  for (const part of ['spec', 'status'] as const) {
    const userPart = record(record(record(xrdSchema).properties)[part]);
    const crdPart = crdRoot.properties?.[part];
    const userRequired = list(userPart.required);
    expect({ part, required: crdPart?.required ?? [] }).toEqual({ part, required: userRequired });
    const kept = schemaOutline(crdPart, part);
    for (const [key, child] of Object.entries(record(userPart.properties))) {
      if (reserved[part].includes(key)) continue;
      for (const [at, expected] of schemaOutline(child, `${part}.${key}`)) {
        expect({ at, ...kept.get(at) }).toEqual({ at, ...expected });
      }
    }
  }
}

describe('the XRD corpus', () => {
  it('is present and parses, apart from the known-broken files', () => {
    expect(xrds.length).toBeGreaterThan(50);
    expect(unparseable).toEqual(UNPARSEABLE);
  });

  it('contains every expected failure', () => {
    const names = new Set(xrds.map(x => x.xrd.metadata.name));
    expect(Object.keys(EXPECTED_FAILURES).filter(n => !names.has(n))).toEqual([]);
  });
});

describe.each(xrds.map(x => [`${x.file} ${x.xrd.metadata.name}`, x] as const))('crdsForXrd(%s)', (_title, { xrd }) => {
  const name = String(xrd.metadata.name);
  const spec = record(xrd.spec);
  const failField = EXPECTED_FAILURES[name];

  if (failField) {
    it(`throws an InvalidXrdError naming ${failField}`, () => {
      expect(() => renderCrds(xrd)).toThrow(InvalidXrdError);
      expect(() => renderCrds(xrd)).toThrow(`CompositeResourceDefinition "${name}": ${failField} `);
    });
    return;
  }

  const names = record(spec.names);
  const claimNames = spec.claimNames === undefined ? undefined : record(spec.claimNames);
  const xrdVersions = list(spec.versions).map(record);
  const scope = typeof spec.scope === 'string' ? spec.scope : xrd.apiVersion?.endsWith('/v1') ? 'LegacyCluster' : 'Namespaced';
  const legacy = scope === 'LegacyCluster';
  const crds = renderCrds(xrd);
  const [xr, claim] = crds;

  it('renders the XR CRD, plus a claim CRD exactly when claimNames is set', () => {
    expect(crds).toHaveLength(claimNames ? 2 : 1);
  });

  it('names and scopes the XR CRD after the XRD', () => {
    expect(xr.metadata.name).toBe(name);
    expect(xr.metadata.name).toBe(`${names.plural}.${spec.group}`);
    expect(xr.spec.group).toBe(spec.group);
    expect(xr.spec.names.kind).toBe(names.kind);
    expect(xr.spec.names.plural).toBe(names.plural);
    expect(xr.spec.names.listKind).toBe(names.listKind ?? `${names.kind}List`);
    expect(xr.spec.names.categories).toEqual([...list(names.categories), 'composite']);
    expect(xr.spec.scope).toBe(scope === 'Namespaced' ? 'Namespaced' : 'Cluster');
    expect(xr.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'CompositeResourceDefinition', name, controller: true })]);
  });

  it('has one CRD version per XRD version, the referenceable one being the only storage version', () => {
    for (const crd of crds) {
      expect(crd.spec.versions.map(v => [v.name, v.served, v.storage])).toEqual(
        xrdVersions.map(v => [v.name, v.served, v.referenceable]),
      );
      expect(crd.spec.versions.filter(v => v.storage)).toHaveLength(1);
      for (const v of crd.spec.versions) expect(v.subresources?.status).toEqual({});
    }
  });

  it("keeps the XRD's own spec and status properties and required lists", () => {
    const reserved = { spec: legacy ? LEGACY_XR_FIELDS : ['crossplane'], status: STATUS_FIELDS };
    for (const v of xrdVersions) {
      const schema = record(v.schema).openAPIV3Schema;
      expectUserSchemaKept(xr, String(v.name), schema, reserved);
      if (claim) expectUserSchemaKept(claim, String(v.name), schema, { spec: CLAIM_FIELDS, status: STATUS_FIELDS });
    }
  });

  it(`adds Crossplane's XR fields ${legacy ? 'flat under spec' : 'under spec.crossplane'}`, () => {
    for (const v of xr.spec.versions) {
      const specProps = props(xr, 'spec', v.name);
      const machinery = legacy ? specProps : specProps.crossplane?.properties ?? {};
      expect(LEGACY_XR_FIELDS.filter(f => f in machinery)).toEqual(legacy ? LEGACY_XR_FIELDS : MODERN_XR_FIELDS);
      expect(machinery.compositionRef?.required).toEqual(['name']);
      expect(specProps.claimRef === undefined || legacy).toBe(true);
      expect(props(xr, 'status', v.name).conditions?.type).toBe('array');
      expect('connectionDetails' in props(xr, 'status', v.name)).toBe(legacy);
      expect(rootSchema(xr, v.name).required).toEqual(['spec']);
    }
  });

  if (claimNames) {
    it('renders a namespaced claim CRD with the claim fields', () => {
      expect(claim.metadata.name).toBe(`${claimNames.plural}.${spec.group}`);
      expect(claim.spec.scope).toBe('Namespaced');
      expect(claim.spec.names.kind).toBe(claimNames.kind);
      expect(claim.spec.names.categories).toEqual([...list(claimNames.categories), 'claim']);
      for (const v of claim.spec.versions) {
        expect(CLAIM_FIELDS.filter(f => f in props(claim, 'spec', v.name))).toEqual(CLAIM_FIELDS);
        expect(props(claim, 'spec', v.name).claimRef).toBeUndefined();
      }
    });
  }
});
