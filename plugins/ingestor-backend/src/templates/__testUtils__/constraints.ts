/** Test helper: compares every form field with the source schema node it came from. */
import { withRuleRequiredFields } from '@kube-platform/plugin-kubernetes-common';
import { enumValues } from '../form/enum';
import type { FormPlan } from '../form/parameters';
import { formPattern } from '../form/pattern';
import { markdownText } from '../form/text';
import { isRecord, type Schema } from '../schema/types';
import { sourceAt } from './fill';

const INTEGER_TEXT = '(^-?[0-9]+$)';

function asText(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

/**
 * Required (at every level, spec.required included, and what Upjet's CEL rules require), enum, default and
 * pattern match the source.
 */
export function expectConstraintsKept(plan: FormPlan, declared: Schema): void {
  const spec = withRuleRequiredFields(declared);
  const pageRequired = new Set(plan.pages.flatMap(p => p.required ?? []));
  const boundKeys = new Map(plan.bindings.flatMap(b => ('key' in b ? [[b.path.join('.'), b.key] as const] : [])));
  // Top-level and split fields: required on their page exactly when required along their whole path.
  for (const [path, key] of boundKeys) {
    if (!path) continue;
    const segments = path.split('.');
    const requiredChain = segments.every((seg, i) => (sourceAt(spec, segments.slice(0, i)).required ?? []).includes(seg));
    expect({ path, required: pageRequired.has(key) }).toEqual({ path, required: requiredChain });
  }
  for (const record of plan.records) {
    if (record.mode !== 'form' || !record.form) continue;
    const source = sourceAt(spec, record.path);
    const form = record.form;
    const at = record.path.join('.');
    const intOrString = form.type === 'string' && source.type !== 'string';
    if (form.type === 'object' && isRecord(source.properties)) {
      const hidden = new Set(plan.records.filter(r => r.mode === 'hidden' && r.path.length === record.path.length + 1 && r.path.join('.').startsWith(`${at}.`)).map(r => r.path[r.path.length - 1]));
      const expected = (source.required ?? []).filter(r => source.properties?.[r] !== undefined && !hidden.has(r));
      // A choice's control is the form's own field (conditions.ts), not the source's.
      const controls = new Set(Object.keys(isRecord(form.dependencies) ? form.dependencies : {}));
      const formRequired = (form.required ?? []).filter(r => !controls.has(r));
      expect({ at, required: [...formRequired].sort() }).toEqual({ at, required: [...expected].sort() });
    }
    const { values } = enumValues(source, intOrString ? 'int-or-string' : String(form.type));
    expect({ at, enum: form.enum }).toEqual({ at, enum: values && intOrString ? values.map(asText) : values });
    // Booleans are never prefilled (see booleanField): their default is the API server's to apply; nor is an empty
    // text default (defaults.ts), which means unset.
    if (source.default !== undefined && source.default !== '' && form.type !== 'object' && form.type !== 'array' && form.type !== 'boolean') {
      expect({ at, default: form.default }).toEqual({ at, default: intOrString ? asText(source.default) : source.default });
    }
    const translated = source.pattern === undefined ? undefined : formPattern(source.pattern).pattern;
    let pattern = translated;
    if (translated !== undefined && intOrString) pattern = `${INTEGER_TEXT}|(${translated})`;
    if (source.pattern !== undefined && translated === undefined) expect(form.description).toContain(markdownText(source.pattern));
    expect({ at, pattern: form.pattern }).toEqual({ at, pattern });
  }
}
