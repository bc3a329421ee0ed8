import { performance } from 'node:perf_hooks';
import { summarize } from './stats.mjs';

/**
 * Runs `connections` loops of back-to-back requests until `requests` have been started or
 * `durationSeconds` have passed, whichever comes first (requests in flight then finish, each
 * bounded by its own timeout). `send()` resolves with `{ bytes, ms }` or rejects; an answer of
 * zero bytes counts as an error (the daemon had nothing to serve).
 */
export async function runLoadLoop({ target, connections, requests, durationSeconds, send }) {
  const latencies = [];
  const errorKinds = new Map();
  let started = 0;
  let bytes = 0;
  const begin = performance.now();
  const deadline = begin + durationSeconds * 1000;
  const countError = (kind) => errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);

  async function loop() {
    while (started < requests && performance.now() < deadline) {
      started += 1;
      try {
        const answer = await send();
        if (answer.bytes === 0) {
          countError('empty answer');
        } else {
          latencies.push(answer.ms);
          bytes += answer.bytes;
        }
      } catch (error) {
        countError(error.code ?? error.message);
      }
    }
  }

  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - begin) / 1000;
  const errors = [...errorKinds.values()].reduce((sum, n) => sum + n, 0);
  return {
    target,
    connections,
    requests: started,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    latency: summarize(latencies),
    errors,
    errorKinds,
    bytes,
  };
}
