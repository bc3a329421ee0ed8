import { structuredPatch } from 'diff';
import type { StructuredPatchHunk } from 'diff';

/** One side of a comparison: a kept version of the file, or a preview when it has no id. */
export interface DiffSide {
  readonly text: string;
  readonly version?: { readonly id: string; readonly time: string };
}

export interface UnifiedDiffOptions {
  /** Unchanged lines shown around each change (3, as diff -u does). */
  readonly context?: number;
  /** Past this, the comparison gives up (null) rather than hold the service. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

function describeSide(side: DiffSide): string {
  return side.version ? `(version ${side.version.id}, ${side.version.time})` : '(preview)';
}

/** `start,count`, or `start` alone for one line; an empty range starts at the line before it. */
function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}

function formatHunk(hunk: StructuredPatchHunk): string {
  return [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines].join('\n');
}

/**
 * The differences between two versions of a generated file (`asterisk/pjsip.conf`) as `diff -u`
 * prints them, each side named with its version and time, or as the preview:
 * `--- a/asterisk/pjsip.conf (version <id>, <time>)` then `+++ b/asterisk/pjsip.conf (preview)`.
 * Empty when the texts are equal; null when comparing them would take longer than `timeoutMs`
 * (a whole regenerated pjsip.conf of a large system).
 */
export function unifiedDiff(file: string, before: DiffSide, after: DiffSide, options: UnifiedDiffOptions = {}): string | null {
  const patch = structuredPatch(`a/${file}`, `b/${file}`, before.text, after.text, undefined, undefined, {
    context: options.context ?? 3,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  if (patch === undefined) return null;
  if (patch.hunks.length === 0) return '';
  const header = [`--- a/${file} ${describeSide(before)}`, `+++ b/${file} ${describeSide(after)}`];
  return `${[...header, ...patch.hunks.map(formatHunk)].join('\n')}\n`;
}
