import { describe, expect, it } from 'vitest';
import { isTimeZone, parseCronSchedule } from './cron-schedule.js';

describe('parseCronSchedule', () => {
  it.each([
    ['0 3 * * *', { minute: '0', hour: '3', day: '*', month: '*', weekDay: '*' }],
    [
      '*/15 8-18 * * MON-FRI',
      { minute: '*/15', hour: '8-18', day: '*', month: '*', weekDay: 'MON-FRI' },
    ],
    ['0 0 1,15 JAN,jul 0', { minute: '0', hour: '0', day: '1,15', month: 'JAN,jul', weekDay: '0' }],
    ['@daily', { minute: '0', hour: '0', day: '*', month: '*', weekDay: '*' }],
    ['@hourly', { minute: '0', hour: '*', day: '*', month: '*', weekDay: '*' }],
  ])('reads %j as Kubernetes does', (schedule, fields) => {
    expect(parseCronSchedule(schedule)).toEqual(fields);
  });

  it.each([
    ['0 0 3 * * *', 'has 6 fields'],
    ['61 * * * *', "minute '61' is out of range 0-59"],
    ['0 24 * * *', "hour '24' is out of range 0-23"],
    ['0 0 0 * *', "day of month '0' is out of range 1-31"],
    ['0 0 * 13 *', "month '13' is out of range 1-12"],
    ['0 0 * * 8', "day of week '8' is out of range 0-7"],
    ['*/0 * * * *', "has a step '0' that is not a positive number"],
    ['0 5-2 * * *', "has a range '5-2' that runs backwards"],
    ['0 0 L * *', "has 'L', which is not a number or name"],
    ['@sometimes', 'is not a known macro'],
    ['CRON_TZ=UTC 0 0 * * *', 'must not set a time zone'],
  ])('refuses %j: %s', (schedule, problem) => {
    expect(parseCronSchedule(schedule)).toContain(problem);
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones and refuses abbreviations and nonsense', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Etc/UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('CEST')).toBe(false);
  });
});
