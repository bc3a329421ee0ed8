/** A small Prometheus registry: counters and histograms with labels, rendered in text format 0.0.4. */

type Labels = Record<string, string>;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels, extra: Labels = {}): string {
  const pairs = Object.entries({ ...labels, ...extra }).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

function formatNumber(value: number): string {
  if (value === Infinity) return '+Inf';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

interface Metric {
  render(): string;
}

abstract class LabelledMetric<Series> implements Metric {
  protected readonly series = new Map<string, { labels: Labels; value: Series }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  protected seriesFor(labels: Labels, create: () => Series): Series {
    const names = Object.keys(labels);
    if (names.length !== this.labelNames.length || !this.labelNames.every((name) => name in labels)) {
      throw new Error(`${this.name} takes the labels ${this.labelNames.join(', ')}, got ${names.join(', ')}`);
    }
    const key = this.labelNames.map((name) => labels[name]).join('\u0000');
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels: Object.fromEntries(this.labelNames.map((name) => [name, labels[name] ?? ''])), value: create() };
      this.series.set(key, entry);
    }
    return entry.value;
  }

  abstract render(): string;
}

export class Counter extends LabelledMetric<{ value: number }> {
  inc(labels: Labels = {}, amount = 1): void {
    this.seriesFor(labels, () => ({ value: 0 })).value += amount;
  }

  get(labels: Labels = {}): number {
    return this.seriesFor(labels, () => ({ value: 0 })).value;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.series.values()) lines.push(`${this.name}${formatLabels(labels)} ${formatNumber(value.value)}`);
    return lines.join('\n');
  }
}

interface HistogramSeries {
  buckets: number[];
  sum: number;
  count: number;
}

export class Histogram extends LabelledMetric<HistogramSeries> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    readonly bounds: readonly number[],
  ) {
    super(name, help, labelNames);
  }

  observe(labels: Labels, value: number): void {
    const series = this.seriesFor(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
    this.bounds.forEach((bound, index) => {
      if (value <= bound) series.buckets[index] = (series.buckets[index] ?? 0) + 1;
    });
    series.sum += value;
    series.count += 1;
  }

  count(labels: Labels): number {
    return this.seriesFor(labels, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 })).count;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, value } of this.series.values()) {
      this.bounds.forEach((bound, index) => {
        lines.push(`${this.name}_bucket${formatLabels(labels, { le: formatNumber(bound) })} ${value.buckets[index] ?? 0}`);
      });
      lines.push(`${this.name}_bucket${formatLabels(labels, { le: '+Inf' })} ${value.count}`);
      lines.push(`${this.name}_sum${formatLabels(labels)} ${formatNumber(value.sum)}`);
      lines.push(`${this.name}_count${formatLabels(labels)} ${value.count}`);
    }
    return lines.join('\n');
  }
}

export class MetricsRegistry {
  readonly #metrics: Metric[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.#register(new Counter(name, help, labelNames));
  }

  histogram(name: string, help: string, labelNames: readonly string[], bounds: readonly number[]): Histogram {
    return this.#register(new Histogram(name, help, labelNames, bounds));
  }

  /** The exposition text (`text/plain; version=0.0.4`). */
  render(): string {
    return `${this.#metrics.map((metric) => metric.render()).join('\n')}\n`;
  }

  #register<T extends Metric>(metric: T): T {
    this.#metrics.push(metric);
    return metric;
  }
}
