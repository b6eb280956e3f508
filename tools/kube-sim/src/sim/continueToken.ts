import { badRequest } from '../api/errors';

/** Continue tokens shaped like the real server's: base64 JSON of the list's revision and next key. */
export function encodeContinue(rv: number, lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` })).toString('base64');
}

export function decodeContinue(token: string): { rv: number; after: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { v?: string; rv?: number; start?: string };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') {
      throw new Error('unexpected shape');
    }
    const end = parsed.start.endsWith('\u0000') ? -1 : undefined;
    return { rv: parsed.rv, after: parsed.start.slice(0, end) };
  } catch {
    throw badRequest('continue key is not valid: invalid continue token');
  }
}
