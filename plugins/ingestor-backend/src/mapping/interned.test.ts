import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { interned, internEntityStrings } from './interned';

/** The garbage collector, exposed for this test: interning pays off only once it has run. */
function exposedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('interned', () => {
  it('hands back the very value, and leaves entities unchanged', () => {
    const built = ['component', 'team-a', 'web'].join(':');
    expect(interned(built)).toBe('component:team-a:web');
    expect(interned(undefined)).toBeUndefined();
    const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'web', annotations: { a: `x${built}` }, tags: ['t'] }, spec: { owner: 'group:default/a', dependsOn: ['component:default/b'], nested: { n: 1 } } };
    const copy = JSON.parse(JSON.stringify(entity));
    expect(internEntityStrings(entity)).toBe(entity);
    expect(entity).toEqual(copy);
  });

  it('stores concatenated strings kept in bulk in less memory', () => {
    const collect = exposedGc();
    // Garbage Jest left may need more than one full collection (weak references, finalizers): without
    // it, what the first measured collection frees swamps the difference measured.
    const gc = () => {
      for (let i = 0; i < 4; i++) collect();
    };
    const make = (intern: boolean) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept: string[] = [];
      for (let i = 0; i < 50_000; i++) {
        const value = `${'Component'.toLowerCase()}:team-${i % 20}/service-${i}`;
        kept.push(intern ? interned(value) : value);
      }
      gc();
      return { bytes: process.memoryUsage().heapUsed - before, kept };
    };
    expect(make(true).bytes).toBeLessThan(make(false).bytes * 0.6);
  });
});
