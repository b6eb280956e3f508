import { ApiError } from '../api/errors';
import { negotiateRepresentation, partialObjectMetadataList } from './metadataOnly';

const LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

describe('negotiateRepresentation', () => {
  it.each([
    [undefined, 'list', 'full'],
    ['*/*', 'list', 'full'],
    ['application/yaml', 'object', 'full'],
    ['application/vnd.kubernetes.protobuf, application/json', 'list', 'full'],
    [LIST, 'list', 'metadata'],
    ['application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1beta1', 'list', 'metadata'],
    ['application/json; as=PartialObjectMetadata; v=v1; g=meta.k8s.io', 'object', 'metadata'],
    [`application/vnd.kubernetes.protobuf;${LIST.slice('application/json;'.length)}, ${LIST}`, 'list', 'metadata'],
  ] as const)('Accept %s for a %s gives %s', (accept, shape, expected) => {
    expect(negotiateRepresentation(accept, shape)).toBe(expected);
  });

  it.each([
    ['application/vnd.kubernetes.protobuf', 'list'],
    ['application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v2', 'list'],
    ['application/json;as=PartialObjectMetadataList;g=example.org;v=v1', 'list'],
    [LIST, 'object'],
  ] as const)('answers 406 to Accept %s for a %s', (accept, shape) => {
    let caught: unknown;
    try {
      negotiateRepresentation(accept, shape);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe(406);
  });

  it('keeps only apiVersion, kind and metadata of each item, and the list metadata as given', () => {
    const list = partialObjectMetadataList([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { k: 'v' } }], { resourceVersion: '7', continue: 'x' });
    expect(list).toEqual({
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadataList',
      metadata: { resourceVersion: '7', continue: 'x' },
      items: [{ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: { name: 'a' } }],
    });
  });
});
