/**
 * The resources backend answered with an error; `message` is the server's own explanation.
 *
 * @public
 */
export class ResourcesApiError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.name = 'ResourcesApiError';
    this.status = status;
  }
}

/**
 * The caller may not read this entity's resources (HTTP 403), so the tab explains instead of failing.
 *
 * @public
 */
export class NotAllowedError extends ResourcesApiError {
  constructor(message: string) {
    super(message, 403);
    this.name = 'NotAllowedError';
  }
}

/** Backstage backends answer errors as `{ error: { name, message } }`; others send text or nothing. */
export async function errorFromResponse(response: Response): Promise<ResourcesApiError> {
  const fallback = `Request failed with ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  let message = fallback;
  try {
    const text = await response.text();
    message = messageFromBody(text) ?? fallback;
  } catch {
    // an unreadable body leaves the status line as the message
  }
  return response.status === 403 ? new NotAllowedError(message) : new ResourcesApiError(message, response.status);
}

function messageFromBody(text: string): string | undefined {
  if (!text.trim()) {
    return undefined;
  }
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'error' in body) {
      const error = (body as { error: unknown }).error;
      if (error && typeof error === 'object' && 'message' in error) {
        const message = (error as { message: unknown }).message;
        if (typeof message === 'string' && message) {
          return message;
        }
      }
    }
    return undefined;
  } catch {
    return text.trim().slice(0, 500);
  }
}
