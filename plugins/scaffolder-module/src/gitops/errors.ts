import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { NetworkFailure, networkFailure } from './networkErrors';

/** One step of the pull-request flow and the permission it needs, for error messages. */
export interface GithubStep {
  /** What was being done, e.g. `creating branch backstage/x`. */
  action: string;
  /** Fine-grained permission name (GitHub App / fine-grained token). */
  permission: string;
}

interface RequestFailure {
  status?: number;
  message?: string;
  response?: { data?: unknown };
  request?: { url?: string };
}

/** The host a request went to, without path, query or credentials; undefined when unknown. */
function hostOf(failure: RequestFailure): string | undefined {
  try {
    return failure.request?.url ? new URL(failure.request.url).host : undefined;
  } catch {
    return undefined;
  }
}

/** Says what a request that got no HTTP answer ran into, without any detail that could hold a secret. */
function describeNetworkFailure(
  failure: NetworkFailure,
  host: string | undefined,
  repository: string,
  step: GithubStep,
): Error {
  const where = host ? `GitHub at ${host}` : 'GitHub';
  const during = `while ${step.action} in ${repository}`;
  switch (failure.kind) {
    case 'refused':
      return new ServiceUnavailableError(
        `Cannot connect to ${where} ${during}: the connection was refused. Check the apiBaseUrl of the integrations.github entry and that the server is up.`,
      );
    case 'dns':
      return new ServiceUnavailableError(
        `Cannot connect to ${where} ${during}: the host name does not resolve (DNS ${failure.code}). Check the apiBaseUrl of the integrations.github entry.`,
      );
    case 'tls':
      return new ServiceUnavailableError(
        `Cannot connect securely to ${where} ${during}: the TLS handshake failed (${failure.code}); the server's certificate is not trusted, does not match the host, or the server does not speak TLS there.`,
      );
    case 'timeout':
      return new ServiceUnavailableError(`${where} did not answer in time ${during} (${failure.code}).`);
    case 'reset':
      return new ServiceUnavailableError(`${where} closed the connection ${during} (${failure.code}).`);
    case 'malformed-header':
      return new InputError(
        `The GitHub token is malformed: it holds characters an HTTP header cannot carry (a line break, a control character), so no request was sent ${during}.`,
      );
    default:
      return new ServiceUnavailableError(`No answer from ${where} ${during}: the request failed before any HTTP response.`);
  }
}

function githubMessage(error: RequestFailure): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return typeof data?.message === 'string' ? data.message : '';
}

/** Removes every occurrence of the secrets from a text, whatever produced it. */
export function redact(text: string, secrets: Array<string | undefined>): string {
  return secrets.reduce<string>(
    (out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('***') : out),
    text,
  );
}

/**
 * Turns a failed GitHub request into an error a template user can act on: it names the repository,
 * the step and the permission, and never carries the request (whose headers hold the token).
 */
export function describeGithubError(
  error: unknown,
  repository: string,
  step: GithubStep,
  secrets: Array<string | undefined>,
): Error {
  const failure = error as RequestFailure;
  const network = networkFailure(error);
  if (network) {
    const described = describeNetworkFailure(network, hostOf(failure), repository, step);
    described.message = redact(described.message, secrets);
    return described;
  }
  const detail = githubMessage(failure);
  const suffix = detail ? ` GitHub said: ${detail}` : '';
  const status = failure.status;
  let described: Error;
  if (status === 401) {
    described = new AuthenticationError(
      `GitHub rejected the credentials for ${repository} while ${step.action} (401): the token is missing, invalid or expired.${suffix}`,
    );
  } else if (status === 403) {
    described = new NotAllowedError(
      `GitHub denied ${step.action} in ${repository} (403): the token needs the "${step.permission}" permission on ${repository} (classic tokens: the "repo" scope).${suffix}`,
    );
  } else if (status === 404) {
    described = new NotFoundError(
      `GitHub returned 404 while ${step.action} in ${repository}: the repository or branch does not exist, or the token cannot see it (needs "${step.permission}" on ${repository}).${suffix}`,
    );
  } else if (status === 409) {
    described = new ConflictError(`GitHub reported a conflict while ${step.action} in ${repository} (409).${suffix}`);
  } else if (status === 422) {
    described = new InputError(`GitHub refused ${step.action} in ${repository} (422).${suffix}`);
  } else {
    const reason = status ? `HTTP ${status}` : String(failure.message ?? error);
    described = new Error(`GitHub request failed while ${step.action} in ${repository}: ${reason}.${suffix}`);
  }
  described.message = redact(described.message, secrets);
  return described;
}
