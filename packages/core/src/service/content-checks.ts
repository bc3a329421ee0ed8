import { confgendError } from '../errors.js';
import type { ConfgendError } from '../errors.js';

/** One reason a generated file must not replace the last good one (e.g. a line Asterisk would reject). */
export interface ContentProblem {
  /** 1-based; 0 for the file as a whole. */
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

/** Checks a generated file's structure; the host provides one per format (core knows no format). */
export type ContentInspector = (file: string, content: Buffer) => readonly ContentProblem[];

export function rejected(file: string, problems: readonly ContentProblem[]): ConfgendError {
  const shown = problems.slice(0, 3).map((problem) => `line ${problem.line}: ${problem.rule}: ${problem.message}`);
  return confgendError('WCG_ERR_CONTENT_REJECTED', 'wouldNotLoad', { file, shown, more: Math.max(0, problems.length - 3) }, {
    details: { file, problems: problems.slice(0, 20) },
  });
}

/** Lines opening a section (`[name]`): what a shrink guard compares. */
export function sectionCount(content: Buffer): number {
  let count = content.length > 0 && content[0] === 0x5b ? 1 : 0;
  for (let index = content.indexOf(0x0a); index !== -1 && index + 1 < content.length; index = content.indexOf(0x0a, index + 1)) {
    if (content[index + 1] === 0x5b) count += 1;
  }
  return count;
}

/** Whether `next` loses more than `maxLoss` of the sections of `last`; the error says how to release it. */
export function shrinkBeyond(file: string, last: Buffer, next: Buffer, maxLoss: number): ConfgendError | null {
  const before = sectionCount(last);
  const after = sectionCount(next);
  if (before === 0 || (before - after) / before <= maxLoss) return null;
  const lostPercent = Math.round(((before - after) / before) * 100);
  return confgendError('WCG_ERR_CONTENT_HELD', 'heldBack', { file, before, after, lostPercent, allowedPercent: Math.round(maxLoss * 100) }, {
    details: { file, before, after, maxLoss },
  });
}
