import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { InputError } from '@backstage/errors';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Octokit } from 'octokit';
import { DEFAULT_RETRY_POLICY, RetryPolicy, installRetry } from './retry';

/** Where and as whom to talk to GitHub. */
export interface GithubClientRequest {
  host: string;
  owner: string;
  repo: string;
  /** A user token (`secrets.USER_OAUTH_TOKEN`); wins over `integrations.github`. */
  token?: string;
  logger: LoggerService;
}

/** An authenticated octokit plus the token, so error messages can be scrubbed of it. */
export interface GithubClient {
  octokit: Octokit;
  token: string;
}

/**
 * Creates an authenticated client for one repository. Injected into the action so tests (and
 * adopters with special needs) can swap it; the default reads `integrations.github`.
 *
 * @public
 */
export type GithubClientFactory = (request: GithubClientRequest) => Promise<GithubClient>;

/** Options of {@link createGithubClientFactory}. */
export interface GithubClientFactoryOptions {
  integrations: ScmIntegrationRegistry;
  credentialsProvider?: GithubCredentialsProvider;
  retry?: Partial<RetryPolicy>;
}

/**
 * The default factory: base URL from the integration's `apiBaseUrl` (GitHub Enterprise included),
 * a token or GitHub App installation token from `integrations.github`, unless a user token is given.
 *
 * @public
 */
export function createGithubClientFactory(options: GithubClientFactoryOptions): GithubClientFactory {
  const credentialsProvider =
    options.credentialsProvider ?? DefaultGithubCredentialsProvider.fromIntegrations(options.integrations);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  return async ({ host, owner, repo, token: userToken, logger }) => {
    const integration = options.integrations.github.byHost(host);
    if (!integration) {
      throw new InputError(
        `No integrations.github entry matches host "${host}"; add one to app-config to publish to ${owner}/${repo}`,
      );
    }
    let token = userToken;
    if (!token) {
      const credentials = await credentialsProvider.getCredentials({
        url: `https://${host}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`,
      });
      token = credentials.token;
    }
    if (!token) {
      throw new InputError(
        `No GitHub credentials for ${host}/${owner}/${repo}: configure a token or a GitHub App under integrations.github, or pass the user's token (secrets.USER_OAUTH_TOKEN) as "token"`,
      );
    }
    // Checked here, before any request: fetch would refuse it with a message that quotes it.
    if (!/^[\x21-\x7e]+$/.test(token)) {
      throw new InputError(
        `The GitHub token for ${host}/${owner}/${repo} is malformed: it holds spaces, line breaks, control or non-ASCII characters, which no GitHub token has. Check the secret or the integrations.github entry.`,
      );
    }
    const octokit = new Octokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl ?? 'https://api.github.com',
      retry: { enabled: false },
      throttle: { enabled: false },
      // octokit logs method and URL only; debug output is dropped to keep task logs readable.
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => logger.warn(message),
        error: (message: string) => logger.error(message),
      },
    });
    installRetry(octokit, policy);
    return { octokit, token };
  };
}
