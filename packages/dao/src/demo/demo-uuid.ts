import { createHash } from 'node:crypto';

/**
 * A stable UUID for a named row of the demo dataset, so the dataset reads as names rather than
 * forty opaque literals and stays the same from one release to the next.
 */
export function demoUuid(name: string): string {
  const hex = createHash('sha256').update(`wazo-confgend demo:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
