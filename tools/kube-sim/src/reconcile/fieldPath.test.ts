import { getField, parseFieldPath, setField } from './fieldPath';

describe('Crossplane field paths', () => {
  it('splits dots, bracketed keys with dots and array indexes', () => {
    expect(parseFieldPath('spec.forProvider.tags[platform.example.org/claim]')).toEqual(['spec', 'forProvider', 'tags', 'platform.example.org/claim']);
    expect(parseFieldPath('spec.items[2].name')).toEqual(['spec', 'items', 2, 'name']);
  });

  it('reads nested values and undefined for a missing step', () => {
    const obj = { spec: { items: [{ name: 'a' }, { name: 'b' }], tags: { 'a.b/c': 'x' } } };
    expect(getField(obj, 'spec.items[1].name')).toBe('b');
    expect(getField(obj, 'spec.tags[a.b/c]')).toBe('x');
    expect(getField(obj, 'spec.missing.deeper')).toBeUndefined();
  });

  it('writes through missing objects and arrays, copying the value', () => {
    const obj: Record<string, unknown> = {};
    const value = { nested: true };
    setField(obj, 'metadata.annotations[crossplane.io/external-name]', 'acme');
    setField(obj, 'spec.list[0].value', value);
    value.nested = false;
    expect(obj).toEqual({ metadata: { annotations: { 'crossplane.io/external-name': 'acme' } }, spec: { list: [{ value: { nested: true } }] } });
  });
});
