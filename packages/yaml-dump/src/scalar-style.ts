import { analyzeScalar } from './scalar-analysis.js';
import { resolvesAsNonString } from './implicit-resolver.js';

export type ScalarStyle = 'plain' | 'single' | 'double';

/** The style PyYAML's emitter picks for a string in block context. */
export function chooseScalarStyle(text: string, simpleKey: boolean): ScalarStyle {
  const analysis = analyzeScalar(text);
  const keyCannotHoldIt = simpleKey && (analysis.empty || analysis.multiline);
  if (!resolvesAsNonString(text) && !keyCannotHoldIt && analysis.allowPlain) return 'plain';
  if (analysis.allowSingleQuoted && !(simpleKey && analysis.multiline)) return 'single';
  return 'double';
}

/**
 * Whether PyYAML writes `text` as a `key: value` key rather than behind `? `. Its limit of 128
 * counts the key's tag too, `!!str` even when it is not written: so fewer than 123 code points.
 */
export function fitsSimpleKey(text: string): boolean {
  const analysis = analyzeScalar(text);
  return Array.from(text).length + '!!str'.length < 128 && !analysis.empty && !analysis.multiline;
}
