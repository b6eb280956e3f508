import type { EntityLink } from '@backstage/catalog-model';
import { asRecord, asString, clip } from './guards';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

function optionalText(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

/**
 * A JSON array of `{ url, title?, icon?, type? }`. Only http and https URLs are kept: a link is
 * rendered as a clickable anchor, and `javascript:` or `data:` there would run in the portal.
 */
export function parseLinks(raw: string, warn: (message: string) => void): EntityLink[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    warn('is not valid JSON; no links taken');
    return [];
  }
  if (!Array.isArray(parsed)) {
    warn('is not a JSON array; no links taken');
    return [];
  }
  const links: EntityLink[] = [];
  parsed.forEach((item: unknown, index) => {
    const record = asRecord(item);
    const url = asString(record?.url)?.trim();
    if (!record || !url) {
      warn(`entry ${index} has no url; dropped`);
      return;
    }
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      warn(`entry ${index} url "${clip(url)}" is not a valid URL; dropped`);
      return;
    }
    if (!ALLOWED_PROTOCOLS.has(protocol)) {
      warn(`entry ${index} url "${clip(url)}" is not http or https; dropped`);
      return;
    }
    const link: EntityLink = { url };
    const title = optionalText(record.title);
    const icon = optionalText(record.icon);
    const type = optionalText(record.type);
    if (title) link.title = title;
    if (icon) link.icon = icon;
    if (type) link.type = type;
    links.push(link);
  });
  return links;
}
