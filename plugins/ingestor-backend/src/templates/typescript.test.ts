import { cachedTypesGenerator, toTypesSchema, typeNameFor } from './typescript';

describe('TypeScript types', () => {
  it('reads Kubernetes extensions as the types they mean', () => {
    expect(
      toTypesSchema({
        type: 'object',
        required: ['a'],
        properties: {
          a: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
          b: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          c: { type: 'string', nullable: true, enum: ['x', null] },
          d: { type: 'object', additionalProperties: { type: 'integer' } },
        },
      }),
    ).toEqual({
      type: 'object',
      required: ['a'],
      properties: {
        a: { tsType: 'number | string' },
        b: { tsType: '{ [key: string]: unknown }' },
        c: { type: ['string', 'null'], enum: ['x', null] },
        d: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    });
    expect(typeNameFor('PostgreSQLInstance', 'v1alpha1')).toBe('PostgreSQLInstanceV1alpha1');
  });

  it('caches by schema content and forgets failures', async () => {
    let calls = 0;
    const generator = cachedTypesGenerator(async () => {
      calls++;
      if (calls === 1) throw new Error('first fails');
      return 'ok';
    });
    await expect(generator({ type: 'object' }, 'A')).rejects.toThrow('first fails');
    await expect(generator({ type: 'object' }, 'A')).resolves.toBe('ok');
    await expect(generator({ type: 'object' }, 'A')).resolves.toBe('ok');
    expect(calls).toBe(2);
  });
});
