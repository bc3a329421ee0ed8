/**
 * What Asterisk's configuration reader (main/config.c) does with a line: `rejects-file` makes it
 * refuse the whole file and keep every object it had loaded before; `loses-data` loads the file
 * without part of it (a skipped line, a truncated name, no objects at all).
 */
export type ConfProblemEffect = 'rejects-file' | 'loses-data';

/** Stable identifiers: tools and tests match on these, never on the message. */
export type ConfProblemRule =
  | 'option-before-section'
  | 'unclosed-section'
  | 'unknown-template'
  | 'unknown-section-addition'
  | 'invalid-escape'
  | 'line-too-long'
  | 'line-swallowed'
  | 'nul-character'
  | 'section-name-too-long'
  | 'ignored-after-section-header'
  | 'stray-comment-end'
  | 'unterminated-comment'
  | 'missing-equals'
  | 'empty-option-name'
  | 'unknown-directive'
  | 'directive-without-argument'
  | 'empty-file';

export interface ConfProblem {
  /** 1-based line of the checked text; 0 for the file as a whole (`empty-file`). */
  readonly line: number;
  readonly rule: ConfProblemRule;
  readonly effect: ConfProblemEffect;
  readonly message: string;
}

const EFFECTS: Readonly<Record<ConfProblemRule, ConfProblemEffect>> = {
  'option-before-section': 'rejects-file',
  'unclosed-section': 'rejects-file',
  'unknown-template': 'rejects-file',
  'unknown-section-addition': 'rejects-file',
  'invalid-escape': 'rejects-file',
  'line-too-long': 'loses-data',
  'line-swallowed': 'loses-data',
  'nul-character': 'loses-data',
  'section-name-too-long': 'loses-data',
  'ignored-after-section-header': 'loses-data',
  'stray-comment-end': 'loses-data',
  'unterminated-comment': 'loses-data',
  'missing-equals': 'loses-data',
  'empty-option-name': 'loses-data',
  'unknown-directive': 'loses-data',
  'directive-without-argument': 'loses-data',
  'empty-file': 'loses-data',
};

export function confProblem(line: number, rule: ConfProblemRule, message: string): ConfProblem {
  return { line, rule, effect: EFFECTS[rule], message };
}
