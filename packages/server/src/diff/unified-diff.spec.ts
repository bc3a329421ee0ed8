import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.js';

const kept = { id: '20261201T084200123Z-000000', time: '2026-12-01T08:42:00.123Z' };
const lines = (count: number, change: (index: number) => string = (index) => `line ${index}`) =>
  Array.from({ length: count }, (_, index) => `${change(index + 1)}\n`).join('');

describe('unifiedDiff', () => {
  it('names the kept version and the preview, with three lines of context', () => {
    const before = lines(10);
    const after = lines(10, (index) => (index === 5 ? 'line five' : `line ${index}`));
    expect(unifiedDiff('asterisk/pjsip.conf', { text: before, version: kept }, { text: after })).toBe(
      [
        '--- a/asterisk/pjsip.conf (version 20261201T084200123Z-000000, 2026-12-01T08:42:00.123Z)',
        '+++ b/asterisk/pjsip.conf (preview)',
        '@@ -2,7 +2,7 @@',
        ' line 2',
        ' line 3',
        ' line 4',
        '-line 5',
        '+line five',
        ' line 6',
        ' line 7',
        ' line 8',
        '',
      ].join('\n'),
    );
  });

  it('names two kept versions', () => {
    const newer = { id: '20261201T090000000Z-000000', time: '2026-12-01T09:00:00.000Z' };
    const diff = unifiedDiff('asterisk/rtp.conf', { text: 'a\n', version: kept }, { text: 'b\n', version: newer });
    expect(diff?.split('\n').slice(0, 3)).toEqual([
      `--- a/asterisk/rtp.conf (version ${kept.id}, ${kept.time})`,
      `+++ b/asterisk/rtp.conf (version ${newer.id}, ${newer.time})`,
      '@@ -1 +1 @@',
    ]);
  });

  it('separates changes far apart into hunks and honours the context option', () => {
    const before = lines(30);
    const after = lines(30, (index) => (index === 2 || index === 28 ? `changed ${index}` : `line ${index}`));
    const diff = unifiedDiff('asterisk/x.conf', { text: before, version: kept }, { text: after }) ?? '';
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -25,6 +25,6 @@']);
    const tight = unifiedDiff('asterisk/x.conf', { text: before, version: kept }, { text: after }, { context: 0 }) ?? '';
    expect(tight.match(/^@@ .* @@$/gm)).toEqual(['@@ -2 +2 @@', '@@ -28 +28 @@']);
  });

  it('writes an empty range at the line before it, as diff -u does', () => {
    const diff = unifiedDiff('asterisk/x.conf', { text: 'a\nb\n', version: kept }, { text: 'a\nnew\nb\n' }, { context: 0 });
    expect(diff?.split('\n')[2]).toBe('@@ -1,0 +2 @@');
    expect(unifiedDiff('asterisk/x.conf', { text: '', version: kept }, { text: 'a\n' })?.split('\n')[2]).toBe('@@ -0,0 +1 @@');
  });

  it('marks a last line without newline', () => {
    const diff = unifiedDiff('asterisk/x.conf', { text: 'a\nb', version: kept }, { text: 'a\nb\n' }) ?? '';
    expect(diff).toContain('-b\n\\ No newline at end of file\n+b\n');
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('asterisk/x.conf', { text: 'same\n', version: kept }, { text: 'same\n' })).toBe('');
  });

  it('gives up past the time limit', () => {
    const before = lines(20_000);
    const after = lines(20_000, (index) => `other ${index * 7}`);
    expect(unifiedDiff('asterisk/x.conf', { text: before, version: kept }, { text: after }, { timeoutMs: 1 })).toBeNull();
  });
});
