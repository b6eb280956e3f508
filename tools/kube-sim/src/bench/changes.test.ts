import { changedEntities } from './changes';

const entity = (name: string, description = 'same') => ({ kind: 'Component', metadata: { name, namespace: 'team-a', description } });

describe('changedEntities', () => {
  it('counts nothing for identical emissions, whatever their order', () => {
    expect(changedEntities([entity('a'), entity('b')], [entity('b'), entity('a')])).toBe(0);
  });

  it('counts a changed, an added and a removed entity once each', () => {
    expect(changedEntities([entity('a'), entity('b')], [entity('a', 'new')])).toBe(2);
    expect(changedEntities([entity('a')], [entity('a'), entity('c')])).toBe(1);
  });

  it('compares serialised forms, so a change in key order counts too', () => {
    const reordered = { metadata: { namespace: 'team-a', name: 'a', description: 'same' }, kind: 'Component' };
    expect(changedEntities([entity('a')], [reordered])).toBe(1);
  });
});
