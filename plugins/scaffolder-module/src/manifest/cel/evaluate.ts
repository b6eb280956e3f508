import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { quote } from '../identity';
import { celValue } from './values';
import { RuleSite } from './rules';

/** The standard library plus the string extensions Kubernetes also offers (`lowerAscii`, `split`, …). */
const env = celEnv({ funcs: strings });

/** What one rule said about one value. */
export type RuleOutcome =
  | { kind: 'passed' }
  | { kind: 'failed'; message: string }
  /** Not judged here; `note` says why, for the task log. The API server still judges it on apply. */
  | { kind: 'skipped'; note: string };

type Program = (bindings: { self: ReturnType<typeof celValue> }) => unknown;

const compiled = new Map<string, Program | Error>();

function compile(expression: string): Program | Error {
  let program = compiled.get(expression);
  if (!program) {
    try {
      program = plan(env, parse(expression)) as Program;
    } catch (error) {
      program = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(expression, program);
  }
  return program;
}

/** Evaluates a planned expression; the library returns errors, but a thrown one is an error too. */
function run(program: Program, self: ReturnType<typeof celValue>): unknown {
  try {
    return program({ self });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Whether the expression reads `oldSelf`: a transition rule, which has nothing to compare on create. */
function readsOldSelf(node: unknown, depth = 0): boolean {
  if (typeof node !== 'object' || node === null || depth > 200) return false;
  const kind = (node as { exprKind?: { case?: string; value?: { name?: string } } }).exprKind;
  if (kind?.case === 'identExpr' && kind.value?.name === 'oldSelf') return true;
  return Object.values(node).some(child => readsOldSelf(child, depth + 1));
}

const transitionCache = new Map<string, boolean>();
function isTransitionRule(expression: string): boolean {
  let transition = transitionCache.get(expression);
  if (transition === undefined) {
    try {
      transition = readsOldSelf(parse(expression));
    } catch {
      transition = false;
    }
    transitionCache.set(expression, transition);
  }
  return transition;
}

/** Why an evaluation error is not a verdict: the library lacks a function, or something else. */
function skipNote(site: RuleSite, reason: string): string {
  const missing = /unbound function: ([\w.]+)|no such overload|unknown function/i.exec(reason);
  const why = missing
    ? `it uses ${missing[1] ? `${missing[1]}()` : 'a function'} that this CEL library does not provide (a Kubernetes CEL extension)`
    : `it could not be evaluated here (${reason.split('\n')[0]})`;
  return `${site.path}: validation rule ${quote(site.rule.rule)} not checked before the pull request: ${why}; the API server checks it on apply`;
}

/** The rule's own words: messageExpression when it yields a string, else message, else the rule. */
function failureMessage(site: RuleSite, self: ReturnType<typeof celValue>): string {
  const { message, messageExpression, rule } = site.rule;
  if (messageExpression) {
    const program = compile(messageExpression);
    if (!(program instanceof Error)) {
      const text = run(program, self);
      if (typeof text === 'string' && text.trim()) return text;
    }
  }
  if (message?.trim()) return message;
  return `failed rule: ${rule}`;
}

/**
 * Judges one rule on one value, as the API server would on create: `self` is the value, transition
 * rules (those reading `oldSelf`) have no old object to compare and are skipped, a rule that cannot be
 * evaluated here (a function the library lacks, an error) is skipped with a note rather than counted
 * as a failure, and only a rule that evaluates to `false` fails.
 */
export function evaluateRule(site: RuleSite): RuleOutcome {
  const { rule } = site.rule;
  if (isTransitionRule(rule)) return { kind: 'passed' };
  const program = compile(rule);
  if (program instanceof Error) return { kind: 'skipped', note: skipNote(site, program.message) };
  const self = celValue(site.self, site.schema);
  const result = run(program, self);
  if (isCelError(result) || result instanceof Error) return { kind: 'skipped', note: skipNote(site, result.message) };
  if (result === true) return { kind: 'passed' };
  if (result === false) return { kind: 'failed', message: failureMessage(site, self) };
  return { kind: 'skipped', note: skipNote(site, `the rule gave ${typeof result}, not a boolean`) };
}
