import { describe, expect, it } from 'vitest';
import { CommentState } from './comment-state.js';

function read(lines: readonly string[]): { parsed: (string | null)[]; strayEnds: number[]; state: CommentState } {
  const state = new CommentState();
  const strayEnds: number[] = [];
  const parsed = lines.map((line, index) => state.uncomment(line, index + 1, () => strayEnds.push(index + 1)));
  return { parsed, strayEnds, state };
}

describe('CommentState', () => {
  it('ends the line at a `;` outside a comment', () => {
    expect(read(['k = v ; note ; more']).parsed).toEqual(['k = v ']);
  });

  it('keeps `\\;` as a literal `;`, dropping the backslash', () => {
    expect(read(['a\\;b;c']).parsed).toEqual(['a;b']);
    expect(read(['a\\;\\;b']).parsed).toEqual(['a;;b']);
    // the backslash before `;` is consumed, whatever precedes it
    expect(read(['a\\\\;b']).parsed).toEqual(['a\\;b']);
  });

  it('joins the text around a comment that opens and closes on one line', () => {
    expect(read(['k = a ;-- x --; b']).parsed).toEqual(['k = a  b']);
  });

  it('parses nothing inside a block comment, then resumes after `--;`', () => {
    const { parsed, state } = read([';-- start', 'k = v', 'end --; [a]', 'x = y']);
    expect(parsed).toEqual(['', null, ' [a]', 'x = y']);
    expect(state.depth).toBe(0);
  });

  it('nests block comments', () => {
    const { parsed, state } = read([';-- one', ';-- two', '--;', 'hidden', '--;visible']);
    expect(parsed).toEqual(['', null, null, null, 'visible']);
    expect(state.depth).toBe(0);
  });

  it('does not open a comment with `;---`, and needs the `--` of `--;` after the opening', () => {
    expect(read(['a ;--- b']).parsed).toEqual(['a ']);
    expect(read([';--;', 'x']).parsed).toEqual(['', null]);
  });

  it('records where open comments began', () => {
    const { state } = read(['[a]', ';-- one', ';-- two', '--;']);
    expect(state.openedAt).toEqual([2]);
  });

  it('goes below zero on a stray `--;` and then hides every line until a `;--`', () => {
    const { parsed, strayEnds, state } = read(['k = v--; x', '[b]', 'k = w', ';-- back', 'k = z']);
    expect(strayEnds).toEqual([1]);
    expect(parsed).toEqual(['k = v--; x', null, null, null, 'k = z']);
    expect(state.depth).toBe(0);
  });
});
