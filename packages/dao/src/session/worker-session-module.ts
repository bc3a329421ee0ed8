/**
 * The module generation threads import to open their read-only session (built JavaScript, from
 * this package's sources and build alike: threads run plain Node).
 */
export function workerSessionModule(): string {
  return new URL('../../dist/session/worker-session.js', import.meta.url).href;
}
