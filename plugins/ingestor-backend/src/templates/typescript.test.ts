import { cachedTypesGenerator, generateTypes, toTypesSchema, typeNameFor } from './typescript';

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
  });

  it('names the type as json-schema-to-typescript will declare it', () => {
    expect(typeNameFor('PostgreSQLInstance', 'v1alpha1')).toBe('PostgreSQLInstanceV1Alpha1');
    expect(typeNameFor('amazonEks', 'v2')).toBe('AmazonEksV2');
  });

  it('generates indented declarations with the real json-schema-to-typescript', async () => {
    const schema = {
      type: 'object',
      description: 'A widget.',
      properties: {
        spec: {
          type: 'object',
          required: ['size'],
          properties: {
            size: { type: 'integer', description: 'How big.' },
            port: { 'x-kubernetes-int-or-string': true },
            values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            mode: { type: 'string', enum: ['a', 'b'], nullable: true },
          },
        },
      },
    };
    const name = typeNameFor('Widget', 'v1beta1');
    await expect(generateTypes(schema, name)).resolves.toBe(`/**
 * A widget.
 */
export interface WidgetV1Beta1 {
  spec?: {
    /**
     * How big.
     */
    size: number
    port?: number | string
    values?: { [key: string]: unknown }
    labels?: {
      [k: string]: string | undefined
    }
    mode?: (("a" | "b") | null)
  }
}
`);
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
