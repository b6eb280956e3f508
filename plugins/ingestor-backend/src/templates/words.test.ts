import { titleFromKey, withArticle } from './words';

describe('titleFromKey', () => {
  it.each([
    ['storageGB', 'Storage GB'],
    ['issuingCertificateURLs', 'Issuing Certificate URLs'],
    ['allowedIPs', 'Allowed IPs'],
    ['podCIDRs', 'Pod CIDRs'],
    ['HTTPServer', 'HTTP Server'],
    ['writeConnectionSecretToRef', 'Write Connection Secret To Ref'],
    ['ipv4Address', 'IPv4 Address'],
    ['storage_class-name', 'Storage class name'],
    ['kmsKeyArnRef', 'KMS Key ARN Ref'],
    ['apiVersion', 'API Version'],
    ['dnsNames', 'DNS Names'],
    ['vpcSecurityGroupIds', 'VPC Security Group IDs'],
    ['vpcSecurityGroupIDs', 'VPC Security Group IDs'],
    ['dbSubnetGroupName', 'DB Subnet Group Name'],
    ['uris', 'URIs'],
    ['osDisk', 'Os Disk'],
    ['idle', 'Idle'],
    ['x', 'X'],
  ])('%s → %s', (key, title) => {
    expect(titleFromKey(key)).toBe(title);
  });
});

describe('withArticle', () => {
  it.each([
    ['Issuer', 'an Issuer'],
    ['XNetwork', 'an XNetwork'],
    ['Bucket', 'a Bucket'],
    ['User', 'a User'],
    ['Unit', 'a Unit'],
    ['Update', 'an Update'],
    ['URLMap', 'a URLMap'],
    ['HTTPRoute', 'an HTTPRoute'],
    ['S3Bucket', 'an S3Bucket'],
    ['SQLInstance', 'an SQLInstance'],
    ['Application', 'an Application'],
    ['EKSCluster', 'an EKSCluster'],
  ])('%s → %s', (kind, text) => {
    expect(withArticle(kind)).toBe(text);
  });
});
