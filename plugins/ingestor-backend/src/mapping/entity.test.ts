import type { Entity } from '@backstage/catalog-model';
import { withRelations } from './entity';

const base = (): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web', namespace: 'team-a', annotations: { 'backstage.io/kubernetes-id': 'web' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-a', system: 'shop' },
});

describe('withRelations', () => {
  it('adds relations after the spec fields and shares the metadata', () => {
    const entity = base();
    const warnings: string[] = [];
    const related = withRelations(entity, 'Component', { dependsOn: ['component:team-a/db'], consumesApis: ['api:default/orders'] }, m => warnings.push(m));
    expect(Object.keys(related.spec!)).toEqual(['type', 'lifecycle', 'owner', 'system', 'dependsOn', 'consumesApis']);
    expect(related.spec).toMatchObject({ dependsOn: ['component:team-a/db'], consumesApis: ['api:default/orders'] });
    expect(related.metadata).toBe(entity.metadata);
    expect(entity.spec).toEqual(base().spec);
    expect(warnings).toEqual([]);
  });

  it('replaces the relations an entity had, and removes them when there are none', () => {
    const related = withRelations(base(), 'Component', { dependsOn: ['component:team-a/db'], subcomponentOf: 'component:team-a/shop' }, () => {});
    const moved = withRelations(related, 'Component', { dependsOn: ['component:team-a/db-2'] }, () => {});
    expect(moved.spec).toEqual({ ...base().spec, dependsOn: ['component:team-a/db-2'] });
    const none = withRelations(related, 'Component', {}, () => {});
    expect(JSON.stringify(none)).toBe(JSON.stringify(base()));
  });

  it('hands back the very entity when it has no relations and gets none', () => {
    const entity = base();
    expect(withRelations(entity, 'Component', {}, () => {})).toBe(entity);
  });

  it('keeps only dependsOn on a Resource, warning about the rest', () => {
    const resource = { ...base(), kind: 'Resource', spec: { type: 'database', owner: 'group:default/team-a' } };
    const warnings: string[] = [];
    const related = withRelations(resource, 'Resource', { dependsOn: ['resource:team-a/net'], consumesApis: ['api:default/x'] }, m => warnings.push(m));
    expect(related.spec).toEqual({ type: 'database', owner: 'group:default/team-a', dependsOn: ['resource:team-a/net'] });
    expect(warnings).toEqual(['consumesApis is not supported on a Resource; dropped']);
  });
});
