/** English for generated text: titles from property names and the article before a kind. */

/**
 * Words of a camelCase, snake_case or kebab-case name. Capital runs are acronyms, and an acronym
 * followed by a lone `s` is its plural (`URLs`, `IPs`), not an acronym and a word (`UR Ls`).
 */
const WORD = /[A-Z]{2,}s(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+/g;

/**
 * Acronyms that schema authors write in lower or title case (`dnsNames`, `vpcId`, `kmsKeyArn`): spelt
 * as acronyms in titles. Only unambiguous ones: a word that is also an English word (`os`, `ca`) is left alone.
 */
const ACRONYMS = new Set([
  'acl', 'acme', 'api', 'arn', 'aws', 'az', 'cidr', 'cpu', 'crl', 'csi', 'dns', 'db', 'ebs', 'ec2', 'ecr', 'eks', 'gcp', 'gke',
  'gpu', 'grpc', 'http', 'https', 'iam', 'id', 'ip', 'jks', 'json', 'jwt', 'k8s', 'kms', 'ldap', 'mtls', 'nat', 'oidc', 'rbac',
  'rds', 'sa', 'saml', 'sku', 'sni', 'sql', 'ssh', 'sso', 'ssl', 'tcp', 'tls', 'ttl', 'udp', 'uid', 'uri', 'url', 'uuid', 'vm',
  'vpc', 'vpn', 'xml', 'yaml',
]);
/** Acronyms with a lower-case part of their own. */
const MIXED: Record<string, string> = { ipv4: 'IPv4', ipv6: 'IPv6', oauth: 'OAuth', oauth2: 'OAuth2', mysql: 'MySQL', postgresql: 'PostgreSQL' };

function spelt(word: string): string {
  const lower = word.toLowerCase();
  if (MIXED[lower]) return MIXED[lower];
  if (ACRONYMS.has(lower)) return lower.toUpperCase();
  // A plural acronym keeps its `s` small: `Ips` → `IPs`, `Ids` → `IDs`.
  if (lower.endsWith('s') && ACRONYMS.has(lower.slice(0, -1))) return `${lower.slice(0, -1).toUpperCase()}s`;
  return word;
}

/** Titles from property names: `storageGB` → `Storage GB`, `issuingCertificateURLs` → `Issuing Certificate URLs`, `dnsNames` → `DNS Names`. */
export function titleFromKey(key: string): string {
  const words = key.split(/[_\-.\s]+/).flatMap(part => part.match(WORD) ?? []).map(spelt);
  if (!words.length) return key;
  const title = words.join(' ');
  return title[0].toUpperCase() + title.slice(1);
}

/** Letters whose English names start with a vowel sound (an F, an X, an SQL…). */
const VOWEL_SOUND_LETTERS = new Set([...'AEFHILMNORSX']);
/** Words that start with a vowel letter but a consonant sound (a Uniform, a User, a One-off). */
const CONSONANT_SOUND_START = /^(uni|use|usa|uti|eu|one|once)/i;

/**
 * "a" or "an" before `word`, by how it is said: a kind starting with an acronym (`XNetwork`, `SQLInstance`)
 * by the name of its first letter, other words by their first sound (`an Issuer`, `a User`).
 */
export function article(word: string): 'a' | 'an' {
  const first = word[0] ?? '';
  const acronym = /^[A-Z]{2}/.test(word) || /^[A-Z](?![a-z])/.test(word);
  if (acronym) return VOWEL_SOUND_LETTERS.has(first) ? 'an' : 'a';
  if (CONSONANT_SOUND_START.test(word)) return 'a';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** `word` with its article: `an Issuer`, `a Bucket`, `an XNetwork`. */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}
