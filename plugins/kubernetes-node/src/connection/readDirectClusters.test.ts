import { ConfigReader } from '@backstage/config';
import { readDirectClusters } from './kubernetesConfig';

function section(data: object) {
  return new ConfigReader({ kubernetesIngestor: data }).getConfig('kubernetesIngestor');
}

describe('readDirectClusters', () => {
  it('reads every entry, leaving unset fields undefined, and nothing when the list is absent', () => {
    const config = section({
      clusters: { direct: [{ name: 'prod', url: 'https://prod:6443', token: 't', caData: 'pem', skipTLSVerify: false }, { name: 'dev', url: 'https://dev' }] },
    });
    expect(readDirectClusters(config)).toEqual([
      { name: 'prod', url: 'https://prod:6443', token: 't', caData: 'pem', caFile: undefined, skipTLSVerify: false },
      { name: 'dev', url: 'https://dev', token: undefined, caData: undefined, caFile: undefined, skipTLSVerify: undefined },
    ]);
    expect(readDirectClusters(section({}))).toEqual([]);
  });

  it('names the full key of a missing or mistyped value', () => {
    expect(() => readDirectClusters(section({ clusters: { direct: [{ name: 'prod' }] } }))).toThrow(/kubernetesIngestor\.clusters\.direct\[0\]\.url/);
    expect(() => readDirectClusters(section({ clusters: { direct: [{ name: 'prod', url: 'u', skipTLSVerify: 'perhaps' }] } }))).toThrow(
      /kubernetesIngestor\.clusters\.direct\[0\]\.skipTLSVerify/,
    );
  });
});
