import type { Locator, Page } from 'playwright-core';

/** How far a template's form got: the pages walked, and why it stopped short of Review (if it did). */
export interface WalkResult {
  pages: number;
  stuck?: string;
  /** What was typed or picked, by field id, in order. */
  filled: FilledField[];
  /** The height in pixels of the longest form page, as filled (before Review). */
  tallestPage: number;
}

export interface FilledField {
  id: string;
  value: string;
  /** Whether the value came from the caller's values (else from what the page says of the field). */
  fromValues: boolean;
  /** Typed into a text field (rather than picked from a list, whose Review shows the value, not the title). */
  typed: boolean;
}

export interface WalkOptions {
  /** A field's value by its rjsf id (`root_spec_size`), when the caller knows the form's schema. */
  valueFor?: (id: string) => string | undefined;
}

// The stepper marks the page being shown; MUI v4 and v5 name the class differently.
const ACTIVE_STEP = '.MuiStepLabel-label.MuiStepLabel-active, .MuiStepLabel-label.Mui-active';
// Enough for any template (Prometheus has 16 pages); a form that keeps offering Next past this is itself a bug.
const MAX_PAGES = 30;

/**
 * Walks a template form that is already open to its Review page, filling only what the page marks as required,
 * the way a hurried user would: with `opts.valueFor`'s value for a field where it has one (a value generated from
 * the form's schema), else with one chosen from what the page shows.
 */
export async function walkToReview(page: Page, name: string, opts: WalkOptions = {}): Promise<WalkResult> {
  const filled: FilledField[] = [];
  let tallestPage = 0;
  const next = page.getByRole('button', { name: 'Next', exact: true });
  const review = page.getByRole('button', { name: 'Review', exact: true });
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    await next.or(review).first().waitFor();
    let rounds = 0;
    while (rounds++ < 5 && (await fillRequired(page, name, opts, filled)) > 0) {
      // Again: a value just chosen can show more required fields (a choice's section).
    }
    tallestPage = Math.max(tallestPage, await page.evaluate(() => document.documentElement.scrollHeight));
    const last = await review.isVisible();
    const step = await activeStep(page);
    await (last ? review : next).click();
    const outcome = await settle(page, step);
    if (outcome === 'moved') continue;
    if (outcome === 'review') return { pages, filled, tallestPage };
    return { pages, filled, tallestPage, stuck: `page ${pages} (${step}): ${outcome}` };
  }
  return { pages: MAX_PAGES, filled, tallestPage, stuck: `still no Review after ${MAX_PAGES} pages` };
}

async function activeStep(page: Page): Promise<string> {
  const label = page.locator(ACTIVE_STEP).first();
  return (await label.count()) ? ((await label.textContent()) ?? '').trim() : '';
}

/**
 * The Review page's Create button: a real <button>. A form's select titled "Create" (a service account's
 * `create` flag) is a div with the button role, so the role alone would mistake it for Review.
 */
export function createButton(page: Page): Locator {
  return page.locator('button').filter({ hasText: /^Create$/ });
}

/** After Next/Review: the next page, the Review page, or the validation messages that kept the form where it was. */
async function settle(page: Page, stepBefore: string): Promise<'moved' | 'review' | string> {
  const create = createButton(page);
  const errors = page.locator('.Mui-error:not(label):not(input)');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await create.isVisible()) return 'review';
    const step = await activeStep(page);
    if (step !== stepBefore && (await page.getByRole('button', { name: /^(Next|Review)$/ }).count())) return 'moved';
    if (await errors.count()) {
      // Give the form a moment to show every message, not only the first.
      await page.waitForTimeout(300);
      const texts = (await errors.allTextContents()).map(t => t.trim()).filter(Boolean);
      return `validation: ${[...new Set(texts)].join('; ') || 'a field is marked in error'}`;
    }
    await page.waitForTimeout(200);
  }
  return 'neither the next page nor a validation message within 30 s';
}

/** Fills what is required and empty on the page; returns how many fields it filled. */
async function fillRequired(page: Page, name: string, opts: WalkOptions, filled: FilledField[]): Promise<number> {
  const before = filled.length;
  const form = page.locator('form').first();
  // Text-like inputs the page marks required and left empty (the select's hidden native input is handled below).
  const inputs = form.locator(
    'input[required]:not([type=checkbox]):not([type=radio]):not([type=hidden]):not(.MuiSelect-nativeInput):visible, textarea[required]:visible',
  );
  for (const input of await inputs.all()) {
    if ((await input.inputValue()) !== '') continue;
    const id = (await input.getAttribute('id')) ?? '';
    const known = opts.valueFor?.(id);
    const picker = !!(await input.getAttribute('aria-autocomplete'));
    if (picker) await pickFirstOption(page, input, name);
    else await input.fill(known ?? (await valueFor(input, name)));
    filled.push({ id, value: await input.inputValue(), fromValues: known !== undefined, typed: !picker });
  }
  // Dropdowns: a required one without a value gets its first real option.
  for (const select of await form.locator('[aria-haspopup="listbox"]:visible').all()) {
    const { needsValue, id } = await select.evaluate(el => {
      const control = el.closest('.MuiFormControl-root');
      const required = !!control?.querySelector('.MuiFormLabel-asterisk') || !!control?.querySelector('input[required]');
      // The field's id is on its label (`for`), the way rjsf links them.
      const label = control?.querySelector('label');
      const fieldId = label?.getAttribute('for') ?? label?.id?.replace(/-label$/, '') ?? '';
      return { needsValue: required && (el.textContent ?? '').replace(/[\s\u200b]/g, '') === '', id: fieldId };
    });
    if (!needsValue) continue;
    const known = opts.valueFor?.(id);
    await select.click();
    const options = page.getByRole('option').filter({ hasText: /[^\s\u200b]/ });
    const wanted = known === undefined ? undefined : options.filter({ hasText: known });
    const choice = wanted && (await wanted.count()) ? wanted.first() : options.first();
    const value = ((await choice.textContent()) ?? '').trim();
    await choice.click();
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    filled.push({ id, value, fromValues: known !== undefined && value.includes(known), typed: false });
  }
  return filled.length - before;
}

/** Owner and entity pickers: open the list and take its first entry; a free-text one without entries gets typed. */
async function pickFirstOption(page: Page, input: Locator, name: string): Promise<void> {
  await input.click();
  const option = page.getByRole('option').first();
  try {
    await option.waitFor({ timeout: 15_000 });
    await option.click();
  } catch {
    await input.fill(await valueFor(input, name));
    await page.keyboard.press('Escape');
  }
}

/**
 * A valid value from what the field says about itself: a CIDR where it asks for one, a number, else a DNS label
 * (valid for names, references and image names alike); `name` is itself a DNS label.
 */
async function valueFor(input: Locator, name: string): Promise<string> {
  const type = await input.getAttribute('type');
  if (type === 'number') return (await input.getAttribute('min')) ?? '1';
  const said = await input.evaluate(el => {
    const control = el.closest('.MuiFormControl-root') ?? el.parentElement;
    return `${el.id} ${control?.textContent ?? ''}`;
  });
  if (/cidr/i.test(said)) return '10.0.0.0/16';
  return /(^|_)name\b/.test(said) ? `e2e-${name}` : 'e2e-value';
}
