// Statistics across issues for one value column. Following the reports people already
// use, every statistic is over the issues that HAVE the value: 100 issues of which 60
// visited In Progress average over those 60. Missing values are passed as undefined.

export interface Aggregate {
  /** Issues with a value. */
  count: number;
  sum: number;
  /** The remaining statistics are undefined when count is 0. */
  average: number | undefined;
  /** Middle value; the mean of the two middle values for an even count. */
  median: number | undefined;
  /** Population standard deviation (divides by count): the issues are the whole set, not a sample. */
  standardDeviation: number | undefined;
  min: number | undefined;
  max: number | undefined;
}

const EMPTY: Aggregate = {
  count: 0,
  sum: 0,
  average: undefined,
  median: undefined,
  standardDeviation: undefined,
  min: undefined,
  max: undefined,
};

export function aggregate(values: Iterable<number | undefined>): Aggregate {
  const present: number[] = [];
  for (const value of values) if (value !== undefined && !Number.isNaN(value)) present.push(value);
  const count = present.length;
  if (count === 0) return { ...EMPTY };
  present.sort((a, b) => a - b);
  let sum = 0;
  for (const value of present) sum += value;
  const average = sum / count;
  // Two-pass variance: subtracting the mean first avoids the cancellation of sum-of-squares.
  let squares = 0;
  for (const value of present) squares += (value - average) * (value - average);
  const mid = count >> 1;
  const median = count % 2 === 1 ? present[mid]! : (present[mid - 1]! + present[mid]!) / 2;
  return {
    count,
    sum,
    average,
    median,
    standardDeviation: Math.sqrt(squares / count),
    min: present[0]!,
    max: present[count - 1]!,
  };
}

/** Aggregates per group key (e.g. a field value); keys keep first-seen order. */
export function aggregateBy<T>(items: Iterable<T>, keyOf: (item: T) => string, valueOf: (item: T) => number | undefined): Map<string, Aggregate> {
  const buckets = new Map<string, (number | undefined)[]>();
  for (const item of items) {
    const key = keyOf(item);
    let bucket = buckets.get(key);
    if (bucket === undefined) buckets.set(key, (bucket = []));
    bucket.push(valueOf(item));
  }
  const result = new Map<string, Aggregate>();
  for (const [key, values] of buckets) result.set(key, aggregate(values));
  return result;
}
