import { crd, options, versionOf, xrd } from './__testUtils__/fixtures';
import { DefinitionError, definitionVersions, isSelected } from './sources';
import { resolveTemplateOptions, TemplateOptionsError } from './options';
import { definitionEntityName, titleFromKey } from './names';

const spec = { type: 'object', properties: { size: { type: 'string' } } };

describe('sources', () => {
  it('templates the claim of a v1 XRD with claimNames, else the composite in its scope', () => {
    expect(versionOf(xrd(spec))).toMatchObject({ kind: 'Database', plural: 'databases', role: 'claim', namespaced: true, xrScope: 'LegacyCluster', compositeKind: 'XDatabase' });
    expect(versionOf(xrd(spec, { claim: false }))).toMatchObject({ kind: 'XDatabase', role: 'composite', namespaced: false, xrScope: 'LegacyCluster' });
    expect(versionOf(xrd(spec, { claim: false, apiVersion: 'apiextensions.crossplane.io/v2' }))).toMatchObject({ role: 'composite', namespaced: true, xrScope: 'Namespaced' });
    expect(versionOf(xrd(spec, { claim: false, apiVersion: 'apiextensions.crossplane.io/v2', scope: 'Cluster' }))).toMatchObject({ namespaced: false, xrScope: 'Cluster' });
  });

  it('rejects what a real API server or Crossplane would: bad plurals, claims on modern XRs', () => {
    const bad = xrd(spec);
    (bad.spec as { claimNames: { plural: string } }).claimNames.plural = 'Databases';
    expect(() => definitionVersions(bad, options().selection)).toThrow(DefinitionError);
    expect(() => definitionVersions(bad, options().selection)).toThrow('spec.claimNames.plural "Databases" is invalid');
    expect(() => definitionVersions(xrd(spec, { apiVersion: 'apiextensions.crossplane.io/v2', scope: 'Namespaced' }), options().selection)).toThrow('only supported by LegacyCluster');
  });

  it('offers the composite of an XRD with claims too when configured, cluster-scoped with its own names', () => {
    const both = definitionVersions(xrd(spec), options({ selection: { xrds: { composites: true } } }).selection);
    expect(both).toEqual([
      expect.objectContaining({ kind: 'Database', plural: 'databases', role: 'claim', namespaced: true }),
      expect.objectContaining({ kind: 'XDatabase', plural: 'xdatabases', role: 'composite', namespaced: false, xrScope: 'LegacyCluster', compositeKind: 'XDatabase' }),
    ]);
    // Without claims there is only the composite, whatever the setting.
    expect(definitionVersions(xrd(spec, { claim: false }), options({ selection: { xrds: { composites: true } } }).selection).map(v => v.kind)).toEqual(['XDatabase']);
  });

  it('reads an XRD with claims but no stored scope as LegacyCluster through either XRD version', () => {
    expect(versionOf(xrd(spec, { apiVersion: 'apiextensions.crossplane.io/v2' }))).toMatchObject({ role: 'claim', kind: 'Database', xrScope: 'LegacyCluster' });
  });

  it('offers the referenceable/storage version, or every served version by config', () => {
    const two = crd(spec);
    const versions = (two.spec as { versions: Array<Record<string, unknown>> }).versions;
    versions.push({ ...versions[0], name: 'v2', storage: false }, { ...versions[0], name: 'v0', storage: false, served: false });
    expect(definitionVersions(two, options().selection).map(v => v.version)).toEqual(['v1']);
    expect(definitionVersions(two, options({ selection: { versions: 'served' } }).selection).map(v => v.version)).toEqual(['v1', 'v2']);
  });

  it('selects CRDs by group, name, label selector or ingestAll; opt-out wins, opt-in selects', () => {
    const sel = (crds: object) => resolveTemplateOptions({ selection: { crds } }).selection;
    const widget = crd(spec, { labels: { team: 'a' } });
    expect(isSelected(widget, sel({}))).toBe(false);
    expect(isSelected(widget, sel({ groups: ['widgets.example.com'] }))).toBe(true);
    expect(isSelected(widget, sel({ names: ['widgets.widgets.example.com'] }))).toBe(true);
    expect(isSelected(widget, sel({ labelSelector: { team: 'a' } }))).toBe(true);
    expect(isSelected(widget, sel({ labelSelector: { team: 'b' } }))).toBe(false);
    widget.metadata.annotations = { 'kube-platform.io/add-to-catalog': 'true' };
    expect(isSelected(widget, sel({}))).toBe(true);
    const optedOut = xrd(spec);
    optedOut.metadata.annotations = { 'kube-platform.io/exclude-from-catalog': 'true' };
    expect(isSelected(optedOut, sel({}))).toBe(false);
    expect(isSelected(xrd(spec), resolveTemplateOptions({ selection: { xrds: { ingestAll: false } } }).selection)).toBe(false);
  });

  it('skips the CRDs Crossplane generates from an XRD', () => {
    const generated = crd(spec);
    generated.metadata.ownerReferences = [{ kind: 'CompositeResourceDefinition', name: 'x' }];
    expect(isSelected(generated, resolveTemplateOptions({ selection: { crds: { ingestAll: true } } }).selection)).toBe(false);
  });
});

describe('options', () => {
  it('fails at startup, naming the key, for settings that cannot work', () => {
    expect(() => resolveTemplateOptions({ publish: { layout: 'custom' } })).toThrow(new TemplateOptionsError('publish.pathTemplate', 'is required when publish.layout is custom'));
    expect(() => resolveTemplateOptions({ namespace: 'Not Valid' })).toThrow('templates option namespace');
    expect(() => resolveTemplateOptions({ form: { pageSize: 0 } })).toThrow('form.pageSize');
    expect(() => resolveTemplateOptions({ selection: { xrds: { composites: 'yes' as unknown as boolean } } })).toThrow(
      new TemplateOptionsError('selection.xrds.composites', 'must be true or false'),
    );
  });
});

describe('names', () => {
  it('are <plural>.<group>-<version>, shortened with a hash, distinct with a discriminator', () => {
    expect(definitionEntityName('databases', 'example.org', 'v1')).toBe('databases.example.org-v1');
    const long = definitionEntityName('averyveryverylongpluralname', 'platform.team.example-corporation.org', 'v1alpha1');
    expect(long).toMatch(/^[a-z0-9.-]{1,63}$/);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/-[0-9a-f]{6}$/);
    expect(definitionEntityName('databases', 'example.org', 'v1', 'abc123')).not.toBe('databases.example.org-v1');
  });

  it('make titles from property names', () => {
    expect(titleFromKey('storageGB')).toBe('Storage GB');
    expect(titleFromKey('writeConnectionSecretToRef')).toBe('Write Connection Secret To Ref');
    expect(titleFromKey('max_connections')).toBe('Max connections');
  });
});
