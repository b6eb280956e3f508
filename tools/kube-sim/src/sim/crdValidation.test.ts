import { validateCrd } from './crdValidation';

function crd(kind: string) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'amazoneks.aws.example.org' },
    spec: {
      group: 'aws.example.org',
      scope: 'Namespaced',
      names: { kind, plural: 'amazoneks' },
      versions: [{ name: 'v1alpha1', served: true, storage: true }],
    },
  };
}

describe('validateCrd: spec.names.kind', () => {
  it('accepts a kind whose lowercased form is an RFC 1035 label, whatever its case (amazonEks, as a real server does)', () => {
    expect(() => validateCrd(crd('amazonEks'))).not.toThrow();
    expect(() => validateCrd(crd('AmazonEKS'))).not.toThrow();
  });

  it('refuses a kind that is not a label once lowercased, naming the field', () => {
    expect(() => validateCrd(crd('Amazon_Eks'))).toThrow(/spec\.names\.kind: Invalid value: "Amazon_Eks"/);
    expect(() => validateCrd(crd('9Eks'))).toThrow(/spec\.names\.kind/);
  });
});
