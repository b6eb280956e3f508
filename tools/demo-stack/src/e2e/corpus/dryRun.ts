/**
 * Submitting a form as a dry-run: the Create button's request is captured (never sent), and its values go
 * to the scaffolder's `/v2/dry-run` with the same user token, so the real actions render the manifest and
 * nothing is pushed.
 */
import type { Entity } from '@backstage/catalog-model';
import type { Page } from 'playwright-core';
import { createButton } from '../formWalker';

export interface Submission {
  values: Record<string, unknown>;
  secrets: Record<string, string>;
  authorization: string;
}

/** Clicks Create on the Review page and returns what the page would have sent. */
export async function captureSubmission(page: Page): Promise<Submission> {
  const pattern = '**/api/scaffolder/v2/tasks';
  const captured = new Promise<Submission>(resolve => {
    void page.route(pattern, async route => {
      const request = route.request();
      const body = request.postDataJSON() as { values?: Record<string, unknown>; secrets?: Record<string, string> };
      resolve({ values: body.values ?? {}, secrets: body.secrets ?? {}, authorization: (await request.allHeaders()).authorization ?? '' });
      await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { name: 'InputError', message: 'captured by the test' } }) });
    });
  });
  await createButton(page).click();
  try {
    return await captured;
  } finally {
    await page.unroute(pattern);
  }
}

export interface DryRunResult {
  ok: boolean;
  /** The files the steps wrote, by workspace path. */
  files: Map<string, string>;
  /** The failure, in the scaffolder's words, when not ok. */
  error?: string;
}

export async function dryRun(baseUrl: string, template: Entity, submission: Submission): Promise<DryRunResult> {
  const res = await fetch(`${baseUrl}/api/scaffolder/v2/dry-run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: submission.authorization },
    body: JSON.stringify({ template, values: submission.values, secrets: submission.secrets, directoryContents: [] }),
  });
  const body = (await res.json()) as {
    directoryContents?: Array<{ path: string; base64Content: string }>;
    error?: { message?: string };
    errors?: Array<{ stack?: string; message?: string }>;
  };
  if (!res.ok) {
    const error = body.error?.message ?? body.errors?.map(e => e.stack ?? e.message).join('; ') ?? `HTTP ${res.status}`;
    return { ok: false, files: new Map(), error };
  }
  const files = new Map((body.directoryContents ?? []).map(f => [f.path, Buffer.from(f.base64Content, 'base64').toString('utf8')]));
  return { ok: true, files };
}
