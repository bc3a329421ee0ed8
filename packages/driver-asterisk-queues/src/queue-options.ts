/** A value of a `queue` column as the database returns it. */
export type QueueOptionValue = string | number | null;

/**
 * The `queue` columns written as options, in upstream's model order and under their database
 * names (hyphens kept). `name`, `category` and `commented` are not options; the list is stated
 * here rather than taken from the table, so a column added by a migration does not slip in.
 */
export const QUEUE_OPTION_COLUMNS = [
  'musicclass',
  'announce',
  'context',
  'timeout',
  'monitor-type',
  'monitor-format',
  'queue-youarenext',
  'queue-thereare',
  'queue-callswaiting',
  'queue-holdtime',
  'queue-minutes',
  'queue-seconds',
  'queue-thankyou',
  'queue-reporthold',
  'periodic-announce',
  'announce-frequency',
  'periodic-announce-frequency',
  'announce-round-seconds',
  'announce-holdtime',
  'retry',
  'wrapuptime',
  'maxlen',
  'servicelevel',
  'strategy',
  'joinempty',
  'leavewhenempty',
  'ringinuse',
  'reportholdtime',
  'memberdelay',
  'weight',
  'timeoutrestart',
  'timeoutpriority',
  'autofill',
  'autopause',
  'setinterfacevar',
  'setqueueentryvar',
  'setqueuevar',
  'membermacro',
  'min-announce-frequency',
  'random-periodic-announce',
  'announce-position',
  'announce-position-limit',
  'defaultrule',
] as const;

export type QueueOptionColumn = (typeof QUEUE_OPTION_COLUMNS)[number];

/** Writes one option; the writer's `option` does it exactly, a faster path may do it when it can. */
export type OptionSink = (key: QueueOptionColumn, value: string | number) => void;

/**
 * Writes the options of a queue section: NULL and empty-string values are left out, everything
 * else (integer flags included, `0` too) is written as the database returns it.
 */
export function writeQueueOptions(values: Readonly<Record<QueueOptionColumn, QueueOptionValue>>, write: OptionSink): void {
  for (const column of QUEUE_OPTION_COLUMNS) {
    const value = values[column];
    if (value !== null && value !== '') write(column, value);
  }
}
