/**
 * Latency summary in milliseconds: nearest-rank percentiles over every sample (no histogram
 * buckets, so sub-millisecond differences survive).
 * @param {number[]} samples
 */
export function summarize(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (fraction) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]);
  return {
    count: sorted.length,
    min: sorted.length === 0 ? NaN : sorted[0],
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.length === 0 ? NaN : sorted[sorted.length - 1],
  };
}

/** `12.34 ms` (3 significant decimals below 10 ms, so 0.412 ms stays readable). */
export function formatMs(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
}

/** The load tools' one-line report: the same fields for TCP and HTTP. */
export function formatLoadResult(result) {
  return [
    `${result.target}: ${result.requests} requests in ${result.seconds.toFixed(2)} s over ${result.connections} connection(s)`,
    `req/s   ${result.requestsPerSecond.toFixed(0)}`,
    `p50     ${formatMs(result.latency.p50)}`,
    `p90     ${formatMs(result.latency.p90)}`,
    `p99     ${formatMs(result.latency.p99)}`,
    `max     ${formatMs(result.latency.max)}`,
    `errors  ${result.errors}${result.errorKinds.size > 0 ? ` (${[...result.errorKinds].map(([kind, n]) => `${kind}: ${n}`).join(', ')})` : ''}`,
    `bytes   ${result.bytes}`,
  ].join('\n');
}
