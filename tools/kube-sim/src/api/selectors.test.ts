import type { KubeObject } from '../types';
import { ApiError } from './errors';
import {
  exactFieldValue,
  matchesFields,
  matchesLabels,
  namespaceConstraint,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

const matches = (selector: string, labels?: Record<string, string>) => matchesLabels(parseLabelSelector(selector), labels);

function labelError(selector: string): ApiError {
  try {
    parseLabelSelector(selector);
  } catch (e) {
    return e as ApiError;
  }
  throw new Error(`expected ${selector} to be rejected`);
}

describe('parseLabelSelector / matchesLabels', () => {
  it('matches everything for an empty or blank selector, even objects without labels', () => {
    expect(parseLabelSelector('').empty).toBe(true);
    expect(matches('', undefined)).toBe(true);
    expect(matches('   ', { a: 'b' })).toBe(true);
  });

  it('treats =, == and in as equality and requires the key', () => {
    for (const sel of ['app=web', 'app==web', 'app in (web)', 'app in (api,web)']) {
      expect(matches(sel, { app: 'web' })).toBe(true);
      expect(matches(sel, { app: 'db' })).toBe(false);
      expect(matches(sel, {})).toBe(false);
      expect(matches(sel, undefined)).toBe(false);
    }
  });

  it('lets != and notin match objects that lack the key, as Kubernetes does', () => {
    for (const sel of ['app!=web', 'app notin (web)', 'app notin (web,api)']) {
      expect(matches(sel, { app: 'web' })).toBe(false);
      expect(matches(sel, { app: 'db' })).toBe(true);
      expect(matches(sel, {})).toBe(true);
      expect(matches(sel, undefined)).toBe(true);
    }
  });

  it('supports exists and does-not-exist, including for empty values', () => {
    expect(matches('app', { app: '' })).toBe(true);
    expect(matches('app', { other: 'x' })).toBe(false);
    expect(matches('!app', { other: 'x' })).toBe(true);
    expect(matches('!app', { app: '' })).toBe(false);
  });

  it('does not see inherited object members as labels', () => {
    expect(matches('constructor', {})).toBe(false);
    expect(matches('!toString', {})).toBe(true);
  });

  it('ANDs comma-separated requirements and tolerates whitespace', () => {
    const sel = '  tier = frontend ,  env  in ( prod , staging ) , !legacy ';
    expect(matches(sel, { tier: 'frontend', env: 'staging' })).toBe(true);
    expect(matches(sel, { tier: 'frontend', env: 'dev' })).toBe(false);
    expect(matches(sel, { tier: 'frontend', env: 'prod', legacy: 'true' })).toBe(false);
  });

  it('normalises values and keeps empty ones, like the Go parser', () => {
    expect(parseLabelSelector('a in (y,,x,y)').requirements[0].values).toEqual(['', 'x', 'y']);
    expect(parseLabelSelector('a in ()').requirements[0].values).toEqual(['']);
    expect(matches('a=', { a: '' })).toBe(true);
    expect(matches('a=,b', { a: '', b: '1' })).toBe(true);
    expect(parseLabelSelector('z,a=1').requirements.map(r => r.key)).toEqual(['a', 'z']);
  });

  it('treats in/notin as identifiers where a key or value is expected', () => {
    expect(matches('in=notin', { in: 'notin' })).toBe(true);
    expect(matches('x in (in)', { x: 'in' })).toBe(true);
  });

  it('accepts prefixed keys and compares numbers for gt and lt', () => {
    expect(matches('app.kubernetes.io/name=web', { 'app.kubernetes.io/name': 'web' })).toBe(true);
    expect(matches('replicas>3', { replicas: '10' })).toBe(true);
    expect(matches('replicas>3', { replicas: '3' })).toBe(false);
    expect(matches('replicas<3', { replicas: 'x' })).toBe(false);
    expect(matches('replicas<3', {})).toBe(false);
  });

  it('rejects a bad key with the message a real server sends', () => {
    const err = labelError('app:monolith');
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe(
      `unable to parse requirement: <nil>: Invalid value: "app:monolith": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  });

  it('rejects a bad prefix, an over-long name and a bad value', () => {
    expect(labelError('app.kubernetes_io/name=x').message).toBe(
      `unable to parse requirement: <nil>: Invalid value: "app.kubernetes_io/name": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(labelError(`${'k'.repeat(64)}=v`).message).toContain('name part must be no more than 63 characters');
    expect(labelError('app=demo-{nginx}').message).toBe(
      `unable to parse requirement: values[0][app]: Invalid value: "demo-{nginx}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    expect(labelError('env>qa').message).toBe(
      `unable to parse requirement: values[0]: Invalid value: "qa": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  });

  it('reports syntax errors at the token that is wrong', () => {
    expect(labelError('a b').message).toBe('unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt');
    expect(labelError('a in x').message).toBe("unable to parse requirement: found 'x' expected: '('");
    expect(labelError('a in (x y)').message).toBe("unable to parse requirement: found 'y', expected: ',' or ')'");
    expect(labelError('a=b)').message).toBe("found ')', expected: ',' or 'end of string'");
    expect(labelError('a,').message).toBe("found '', expected: identifier after ','");
    expect(labelError('=a').message).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(labelError('!a=b').message).toBe("found '=', expected: ',' or 'end of string'");
  });
});

const pod = (name: string, namespace: string | undefined, extra: Record<string, unknown> = {}): KubeObject => ({
  metadata: { name, namespace },
  ...extra,
});

function fieldError(selector: string, fields: string[] = []): ApiError {
  try {
    parseFieldSelector(selector, fields);
  } catch (e) {
    return e as ApiError;
  }
  throw new Error(`expected ${selector} to be rejected`);
}

describe('parseFieldSelector / matchesFields', () => {
  const podFields = ['spec.nodeName', 'status.phase', 'spec.hostNetwork'];

  it('supports =, == and != on name and namespace for every kind', () => {
    const a = pod('a', 'team-1');
    expect(matchesFields(parseFieldSelector('metadata.name=a', []), a)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.name==b', []), a)).toBe(false);
    expect(matchesFields(parseFieldSelector('metadata.namespace!=kube-system', []), a)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.namespace!=team-1', []), a)).toBe(false);
  });

  it('reads a missing field as empty, so != matches cluster-scoped objects and = can find unset fields', () => {
    const ns = pod('default', undefined);
    expect(matchesFields(parseFieldSelector('metadata.namespace!=kube-system', []), ns)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.namespace=', []), ns)).toBe(true);
    const pending = pod('p', 'x', { spec: {}, status: { phase: 'Pending' } });
    expect(matchesFields(parseFieldSelector('spec.nodeName=', podFields), pending)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName!=', podFields), pending)).toBe(false);
  });

  it('ANDs terms and reads kind-specific fields by dotted path, scalars as text', () => {
    const running = pod('p', 'x', { spec: { nodeName: 'n1', hostNetwork: true }, status: { phase: 'Running' } });
    expect(matchesFields(parseFieldSelector('status.phase=Running,spec.nodeName=n1', podFields), running)).toBe(true);
    expect(matchesFields(parseFieldSelector('status.phase=Running,spec.nodeName=n2', podFields), running)).toBe(false);
    expect(matchesFields(parseFieldSelector('spec.hostNetwork=true', podFields), running)).toBe(true);
  });

  it('unescapes \\, \\= and \\\\ in values', () => {
    const odd = pod('a,b=c\\d', 'x');
    expect(matchesFields(parseFieldSelector('metadata.name=a\\,b\\=c\\\\d', []), odd)).toBe(true);
  });

  it('rejects fields the kind does not support, with the server message', () => {
    const err = fieldError('spec.foo=bar', podFields);
    expect(err.code).toBe(400);
    expect(err.message).toBe('field label not supported: spec.foo');
    expect(() => parseFieldSelector('spec.foo=bar', [], f => `"${f}" is not a known field selector: only "metadata.name", "metadata.namespace"`)).toThrow(
      '"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });

  it('rejects malformed terms and escapes', () => {
    expect(fieldError('metadata.name').message).toBe("invalid selector: 'metadata.name'; can't understand 'metadata.name'");
    expect(fieldError('metadata.name=a\\x').message).toBe('invalid field selector: invalid escape sequence: \\x');
    expect(fieldError('metadata.name=a=b').message).toBe('invalid field selector: unescaped character in value: 61');
  });

  it('tells the store which namespaces it may skip', () => {
    expect(namespaceConstraint(parseFieldSelector('metadata.name=x,metadata.namespace=team-1', []))).toEqual({ equals: 'team-1', notEquals: [] });
    expect(namespaceConstraint(parseFieldSelector('metadata.namespace!=a,metadata.namespace!=b', []))).toEqual({ notEquals: ['a', 'b'] });
    expect(namespaceConstraint(parseFieldSelector('', []))).toEqual({ notEquals: [] });
    expect(exactFieldValue(parseFieldSelector('metadata.name=web', []), 'metadata.name')).toBe('web');
  });
});
