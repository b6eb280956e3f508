/**
 * Which fields of an object are alternatives, so the form can offer one choice instead of every
 * section at once. Two sources: a CEL rule that says "exactly one" or "at most one" in one of the
 * shapes CRD authors write, and objects made only of optional sections whose description says only
 * one may be set (External Secrets' provider), which the form offers as "at most one".
 */
import type { Schema } from '../schema/types';

export interface Alternatives {
  names: string[];
  /** The rule wants one of them set; otherwise none is fine too. */
  exactlyOne: boolean;
  /** A Crossplane value with its reference and selector (`names`: value, reference, selector); `base` names the trio. */
  reference?: { base: string };
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HAS = /^has\(self\.([A-Za-z_][A-Za-z0-9_]*)\)$/;

function hasNames(list: string): string[] | undefined {
  const names = list.split(',').map(part => HAS.exec(part)?.[1]);
  return names.every((n): n is string => !!n) ? names : undefined;
}

/** A rule's group, for `has(self.a) != has(self.b)`, `!(has(self.a) && has(self.b))` and `[has(self.a), ...].filter(x, x).size() == 1` (or `<= 1`, `< 2`). */
export function ruleAlternatives(rule: string): Alternatives | undefined {
  const r = rule.replace(/\s+/g, '');
  const pair = /^(has\(self\.\w+\))!=(has\(self\.\w+\))$/.exec(r);
  if (pair) {
    const names = hasNames(`${pair[1]},${pair[2]}`);
    return names ? { names, exactlyOne: true } : undefined;
  }
  const both = /^!\((has\(self\.\w+\))&&(has\(self\.\w+\))\)$/.exec(r);
  if (both) {
    const names = hasNames(`${both[1]},${both[2]}`);
    return names ? { names, exactlyOne: false } : undefined;
  }
  const counted = /^\[([^\]]+)\]\.filter\((\w+),\2(==true)?\)\.size\(\)(==1|<=1|<2)$/.exec(r);
  if (counted) {
    const names = hasNames(counted[1]);
    return names && names.length >= 2 ? { names, exactlyOne: counted[4] === '==1' } : undefined;
  }
  return undefined;
}

function isSection(schema: Schema): boolean {
  return (
    (schema.type === 'object' || (!schema.type && !!schema.properties)) &&
    !!schema.properties &&
    Object.keys(schema.properties).length > 0 &&
    schema.additionalProperties === undefined
  );
}

/** Words with which descriptions say that only one of the sections may be set. */
const ONLY_ONE = /\b(only one|exactly one|at most one|one and only one|mutually exclusive)\b/i;

/**
 * Objects whose every field is an optional section, at least one of them with required fields, and
 * whose description (or a section's) says only one may be set. The shape alone is not enough: the
 * corpus has `basicAuth: {username, password}` and `operators: {flux, prometheus}` in it, where a
 * user needs several. Without such words each section is opt-in on its own (optIn.ts).
 */
function sectionAlternatives(schema: Schema): Alternatives | undefined {
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length < 2 || schema.required?.length) return undefined;
  const texts = [schema.description, ...entries.map(([, child]) => child.description)];
  if (!texts.some(t => typeof t === 'string' && ONLY_ONE.test(t))) return undefined;
  if (entries.some(([key]) => key === 'metadata' || key === 'spec')) return undefined;
  if (!entries.every(([, child]) => isSection(child))) return undefined;
  if (!entries.some(([, child]) => child.required?.length)) return undefined;
  // `minProperties: 1` on such an object (External Secrets' provider) makes one of them a must.
  return { names: entries.map(([key]) => key), exactlyOne: (schema.minProperties ?? 0) >= 1 };
}

/**
 * Crossplane's ways to set one value: the value itself, a reference by name (`kmsKeyArnRef`, or
 * `subnetIdRefs` for a list) and a selector by labels (`kmsKeyArnSelector`). They are one choice.
 */
function referenceAlternatives(schema: Schema): Alternatives[] {
  const properties = schema.properties ?? {};
  return Object.keys(properties).flatMap(key => {
    const base = /^(.+)Selector$/.exec(key)?.[1];
    if (!base || !isSection(properties[key])) return [];
    const ref = [`${base}Ref`, `${base}Refs`].find(k => properties[k] !== undefined);
    const value = [base, `${base}s`].find(k => properties[k] !== undefined);
    if (!ref) return [];
    return [{ names: value ? [value, ref, key] : [ref, key], exactlyOne: false, reference: { base } }];
  });
}

/** Groups of alternatives among the fields of `schema`, none sharing a field, each naming optional fields only. */
export function alternativeGroups(schema: Schema): Alternatives[] {
  const rules = schema['x-kubernetes-validations'] ?? [];
  const candidates = rules.map(v => (typeof v.rule === 'string' ? ruleAlternatives(v.rule) : undefined)).filter((g): g is Alternatives => !!g);
  candidates.push(...referenceAlternatives(schema));
  const structural = sectionAlternatives(schema);
  if (structural) candidates.push(structural);
  const taken = new Set<string>();
  const groups: Alternatives[] = [];
  for (const group of candidates) {
    const valid = group.names.every(n => NAME.test(n) && schema.properties?.[n] !== undefined && !schema.required?.includes(n) && !taken.has(n));
    if (!valid || new Set(group.names).size !== group.names.length) continue;
    group.names.forEach(n => taken.add(n));
    groups.push(group);
  }
  return groups;
}
