import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './registry.js';

describe('MetricsRegistry', () => {
  it('renders counters with escaped labels', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter('things_total', 'Things.', ['kind']);
    counter.inc({ kind: 'a"b\\c\nd' });
    counter.inc({ kind: 'plain' }, 2);
    expect(registry.render()).toBe(
      '# HELP things_total Things.\n# TYPE things_total counter\nthings_total{kind="a\\"b\\\\c\\nd"} 1\nthings_total{kind="plain"} 2\n',
    );
  });

  it('renders cumulative histogram buckets, sum and count', () => {
    const registry = new MetricsRegistry();
    const histogram = registry.histogram('wait_seconds', 'Wait.', ['file'], [0.1, 1]);
    histogram.observe({ file: 'a/b' }, 0.05);
    histogram.observe({ file: 'a/b' }, 0.5);
    histogram.observe({ file: 'a/b' }, 3);
    expect(registry.render().split('\n')).toEqual([
      '# HELP wait_seconds Wait.',
      '# TYPE wait_seconds histogram',
      'wait_seconds_bucket{file="a/b",le="0.1"} 1',
      'wait_seconds_bucket{file="a/b",le="1"} 2',
      'wait_seconds_bucket{file="a/b",le="+Inf"} 3',
      'wait_seconds_sum{file="a/b"} 3.55',
      'wait_seconds_count{file="a/b"} 3',
      '',
    ]);
  });

  it('refuses labels the metric does not declare', () => {
    const counter = new MetricsRegistry().counter('x_total', 'X.', ['a']);
    expect(() => counter.inc({ b: '1' })).toThrow('x_total takes the labels a, got b');
  });
});
