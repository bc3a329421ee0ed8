/**
 * The pjsip.conf rule of ../shared/tools/confdiff.py: the file is cut into blocks, each starting at
 * a `; label` line or at a `[name]` line not preceded by a label; two files are equivalent when the
 * multisets of blocks, each block's non-blank lines sorted, are equal. It accepts another order of
 * endpoints and of an endpoint's own options, which upstream leaves to the query plan.
 */
export function pjsipBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  let previous = '';
  for (const line of text.split('\n')) {
    const startsBlock = line.startsWith(';') || (line.startsWith('[') && !previous.startsWith(';'));
    if (current.length > 0 && startsBlock) {
      blocks.push(current);
      current = [];
    }
    current.push(line);
    previous = line;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

function canonicalBlocks(text: string): string[] {
  return pjsipBlocks(text)
    .map((block) => block.filter((line) => line.trim() !== '').sort(compareCodePoints).join('\n'))
    .sort(compareCodePoints);
}

/** Python compares str by code point; JavaScript's default sort compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const right = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

export type Verdict = 'identical' | 'equivalent' | 'different';

export function comparePjsipConf(expected: string, actual: string): Verdict {
  if (expected === actual) return 'identical';
  const left = canonicalBlocks(expected);
  const right = canonicalBlocks(actual);
  return left.length === right.length && left.every((block, i) => block === right[i]) ? 'equivalent' : 'different';
}
