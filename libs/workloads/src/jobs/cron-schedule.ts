/**
 * A CronJob schedule as Kubernetes reads it (robfig/cron's standard parser): five fields
 * (minute, hour, day of month, month, day of week) or a macro. Written here, not taken from a
 * cron library, because those accept what Kubernetes refuses (a seconds field, `L`, `W`, `#`,
 * `?`), and a schedule must fail at synth, not in the cluster.
 */
const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
] as const;

export interface CronFields {
  readonly minute: string;
  readonly hour: string;
  readonly day: string;
  readonly month: string;
  readonly weekDay: string;
}

/** The five fields of `schedule`, or why Kubernetes would refuse it. */
export function parseCronSchedule(schedule: string): CronFields | string {
  const trimmed = schedule.trim();
  if (/^(CRON_)?TZ=/.test(trimmed)) return 'must not set a time zone: use the timeZone prop';
  const expanded = MACROS[trimmed.toLowerCase()] ?? trimmed;
  if (expanded.startsWith('@')) return `is not a known macro (${Object.keys(MACROS).join(', ')})`;
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) {
    return `has ${parts.length} fields; Kubernetes takes five (minute hour day-of-month month day-of-week)`;
  }
  for (const [index, field] of FIELDS.entries()) {
    const problem = fieldProblem(parts[index] ?? '', field);
    if (problem) return `${field.name} '${parts[index]}' ${problem}`;
  }
  const [minute = '', hour = '', day = '', month = '', weekDay = ''] = parts;
  return { minute, hour, day, month, weekDay };
}

function fieldProblem(
  text: string,
  field: { min: number; max: number; names?: readonly string[] },
): string | undefined {
  const value = (token: string): number | undefined => {
    const named = field.names?.indexOf(token.toUpperCase()) ?? -1;
    if (named >= 0) return named + (field.min === 1 ? 1 : 0);
    return /^\d+$/.test(token) ? Number(token) : undefined;
  };
  for (const item of text.split(',')) {
    const [range = '', step, extra] = item.split('/');
    if (extra !== undefined) return 'has two steps';
    if (step !== undefined && (!/^\d+$/.test(step) || Number(step) === 0))
      return `has a step '${step}' that is not a positive number`;
    if (range === '*') continue;
    const [from = '', to, more] = range.split('-');
    if (more !== undefined) return `has a range '${range}' with two dashes`;
    const low = value(from);
    const high = to === undefined ? low : value(to);
    if (low === undefined || high === undefined)
      return `has '${range}', which is not a number or name`;
    if (low < field.min || high > field.max) return `is out of range ${field.min}-${field.max}`;
    if (low > high) return `has a range '${range}' that runs backwards`;
  }
  return undefined;
}

/** Whether `zone` is an IANA time zone this runtime knows (as the API server's tz database does). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
