import { isRetryable } from './retry';
import { networkFailure } from './networkErrors';

/** What octokit throws when fetch gets no answer: status 500, no response, the reason in `cause`. */
function octokitFailure(cause: object) {
  return Object.assign(new Error('fetch failed'), { name: 'HttpError', status: 500, request: { url: 'https://ghe.example/api/v3/repos/a/b' }, cause: Object.assign(new TypeError('fetch failed'), { cause }) });
}

describe('networkFailure', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'refused', false],
    [new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), 'refused', false],
    [{ code: 'ENOTFOUND' }, 'dns', false],
    [{ code: 'EAI_AGAIN' }, 'dns', true],
    [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, 'tls', false],
    [{ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'tls', false],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'tls', false],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'tls', false],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'timeout', true],
    [{ code: 'ECONNRESET' }, 'reset', true],
    [{ message: 'Headers.append: "token x\ny" is an invalid header value.' }, 'malformed-header', false],
    [{ message: 'something else' }, 'other', false],
  ])('classifies %p as %s (retried: %s)', (cause, kind, retried) => {
    const error = octokitFailure(cause);
    expect(networkFailure(error)?.kind).toBe(kind);
    expect(isRetryable(error)).toBe(retried);
  });

  it('leaves failures with an HTTP answer to their status', () => {
    const answered = Object.assign(new Error('Server Error'), { name: 'HttpError', status: 500, response: { status: 500, headers: {} } });
    expect(networkFailure(answered)).toBeUndefined();
    expect(isRetryable(answered)).toBe(true);
    expect(networkFailure(Object.assign(new Error('Not Found'), { status: 404, response: {} }))).toBeUndefined();
    expect(networkFailure(new Error('a bug'))).toBeUndefined();
  });
});
