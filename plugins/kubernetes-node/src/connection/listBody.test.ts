import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeRequestError } from '../errors';
import { createHttpConnection } from './httpConnection';
import { ListBodyError, parseListBody } from './listBody';

const identity = (raw: unknown) => raw;

/** What a lister reads of a body, the reference way: one JSON.parse. */
function reference(text: string) {
  const whole = JSON.parse(text);
  return { metadata: whole.metadata, items: whole.items ?? [] };
}

function parsed(text: string) {
  const out = parseListBody(Buffer.from(text, 'utf8'), identity);
  return { metadata: out.metadata, items: out.items };
}

const TRICKY_ITEMS = [
  { metadata: { name: 'quotes', annotations: { a: 'say "hi"', b: 'ends with a backslash \\', c: '\\"', d: '\\\\' } } },
  { metadata: { name: 'braces', annotations: { a: '{ not [ an } object ]', b: '},{', c: '"],"items":[' } } },
  { metadata: { name: 'unicode', annotations: { a: 'Grüße, 日本語, emoji 🚀, \u2028 and \u0000' } } },
  { spec: { replicas: 3, ratio: -1.5e-3, on: true, off: false, none: null, list: [1, [2, [3, {}]], []], empty: {} } },
  'a string item',
  42,
  null,
];

describe('parseListBody', () => {
  it('reads what JSON.parse reads, item by item, in order', () => {
    const body = { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '7', continue: 'abc' }, items: TRICKY_ITEMS };
    for (const text of [JSON.stringify(body), JSON.stringify(body, null, 2), JSON.stringify(body, null, '\t').replace(/\n/g, '\r\n')]) {
      expect(parsed(text)).toEqual(reference(text));
    }
  });

  it('passes every item through the callback once, as soon as it is parsed, and keeps what it returns', () => {
    const seen: unknown[] = [];
    const out = parseListBody(Buffer.from(JSON.stringify({ items: [{ n: 1 }, { n: 2 }, { n: 3 }], metadata: { resourceVersion: '9' } })), raw => {
      seen.push(raw);
      return (raw as { n: number }).n * 10;
    });
    expect(seen).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(out.items).toEqual([10, 20, 30]);
    expect(out.metadata).toEqual({ resourceVersion: '9' });
  });

  it('reads empty and null item lists, metadata after the items, and other members', () => {
    expect(parsed('{}')).toEqual({ metadata: undefined, items: [] });
    expect(parsed('{"items":[]}')).toEqual({ metadata: undefined, items: [] });
    expect(parsed(' { "items" : null , "metadata" : {} } ')).toEqual({ metadata: {}, items: [] });
    expect(parsed('{"items":[{"a":1}],"metadata":{"continue":"x"},"kind":"List","extra":[1,{"b":"]"}]}')).toEqual({ metadata: { continue: 'x' }, items: [{ a: 1 }] });
    // JSON.parse keeps the last of duplicate members; so does the list.
    expect(parsed('{"items":[1],"items":[2,3]}')).toEqual(reference('{"items":[1],"items":[2,3]}'));
  });

  it.each([
    ['an array', '[{"a":1}]'],
    ['truncated in an item', '{"items":[{"a":"b"}, {"a":'],
    ['truncated in a string', '{"items":[{"a":"unterminated'],
    ['items without a comma between them', '{"items":[{"a":1} {"a":2}]}'],
    ['an invalid literal in an item', '{"items":[{"a":tru}]}'],
    ['mismatched brackets in an item', '{"items":[{"a":[1}]}'],
    ['items that are not a list', '{"items":"s3cr3t"}'],
    ['data after the object', '{"items":[]} {"items":[]}'],
    ['a member without a value', '{"metadata":,"items":[]}'],
    ['an empty body', ''],
  ])('refuses %s without quoting the body', (_what, text) => {
    const planted = `${text} "s3cr3t"`;
    for (const body of [text, planted]) {
      let err: unknown;
      try {
        parseListBody(Buffer.from(body), identity);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ListBodyError);
      expect(String((err as Error).message)).not.toContain('s3cr3t');
    }
  });

  it('lets an error thrown by the callback through unchanged', () => {
    const mine = new TypeError('not mine to judge');
    expect(() => parseListBody(Buffer.from('{"items":[{}]}'), () => {
      throw mine;
    })).toThrow(mine);
  });
});

describe('getList over HTTP', () => {
  let server: http.Server;
  let body = '';
  let baseUrl = '';
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  const connection = () => createHttpConnection({ name: 'c1', baseUrl, requestOptions: async () => ({ headers: { Authorization: 'Bearer t0ken-value' }, agent: new http.Agent() }) });

  it('returns the metadata and each item through the callback', async () => {
    body = JSON.stringify({ kind: 'PodList', metadata: { resourceVersion: '12' }, items: [{ metadata: { name: 'a' } }, { metadata: { name: 'b' } }] });
    const answer = await connection().getList!('/api/v1/pods', {}, {}, raw => (raw as { metadata: { name: string } }).metadata.name);
    expect(answer).toEqual({ metadata: { resourceVersion: '12' }, items: ['a', 'b'] });
  });

  it('names the cluster and path of a malformed answer, and never quotes it', async () => {
    body = '{"items":[{"metadata":{"name":"s3cr3t"}} {"oops":1}]}';
    const err = await connection().getList!('/api/v1/pods', {}, {}, identity).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeRequestError);
    expect(String(err)).toContain('c1');
    expect(String(err)).toContain('/api/v1/pods');
    expect(String(err)).toContain('not valid JSON');
    expect(String(err)).not.toContain('s3cr3t');
  });
});
