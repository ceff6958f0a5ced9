import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeSchedule, nextOccurrence, scheduleProblems, type DrillSchedule } from './schedule.js';

const next = (s: DrillSchedule, after: string) => nextOccurrence(s, new Date(after))?.toISOString() ?? null;

describe('drill schedules', () => {
  test('a one-off drill fires at its instant, and never again once it has passed', () => {
    const once: DrillSchedule = { kind: 'once', at: '2026-12-01T10:00:00+01:00' };
    assert.equal(next(once, '2026-12-01T08:59:59Z'), '2026-12-01T09:00:00.000Z');
    assert.equal(next(once, '2026-12-01T09:00:00Z'), null);
  });

  test('a daily drill fires at its local time in its zone, today when still ahead, else tomorrow', () => {
    const daily: DrillSchedule = { kind: 'daily', time: '10:30', zone: 'Europe/Berlin' };
    assert.equal(next(daily, '2026-12-01T08:00:00Z'), '2026-12-01T09:30:00.000Z');
    assert.equal(next(daily, '2026-12-01T09:30:00Z'), '2026-12-02T09:30:00.000Z');
  });

  test('a daily drill keeps its local time across the DST change (UTC hour moves)', () => {
    const daily: DrillSchedule = { kind: 'daily', time: '10:30', zone: 'Europe/Berlin' };
    // Berlin moves to summer time on 2026-03-29.
    assert.equal(next(daily, '2026-03-28T12:00:00Z'), '2026-03-29T08:30:00.000Z');
    assert.equal(next(daily, '2026-03-27T12:00:00Z'), '2026-03-28T09:30:00.000Z');
  });

  test('a local time inside the spring-forward gap fires once that day, after the gap', () => {
    const daily: DrillSchedule = { kind: 'daily', time: '02:30', zone: 'America/New_York' };
    // New York jumps from 02:00 to 03:00 EDT on 2026-03-08: 02:30 is read as 03:30 EDT (07:30Z).
    assert.equal(next(daily, '2026-03-08T05:00:00Z'), '2026-03-08T07:30:00.000Z');
    assert.equal(next(daily, '2026-03-08T07:30:00Z'), '2026-03-09T06:30:00.000Z');
  });

  test('an ambiguous autumn local time fires at its first occurrence only', () => {
    const daily: DrillSchedule = { kind: 'daily', time: '01:30', zone: 'America/New_York' };
    // 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    assert.equal(next(daily, '2026-11-01T04:00:00Z'), '2026-11-01T05:30:00.000Z');
    assert.equal(next(daily, '2026-11-01T05:30:00Z'), '2026-11-02T06:30:00.000Z');
  });

  test('a weekly drill fires on its days only, wrapping into next week', () => {
    const weekly: DrillSchedule = { kind: 'weekly', days: ['tue', 'thu'], time: '14:00', zone: 'Asia/Tokyo' };
    // 2026-12-01 is a Tuesday; 14:00 Tokyo is 05:00Z.
    assert.equal(next(weekly, '2026-12-01T04:00:00Z'), '2026-12-01T05:00:00.000Z');
    assert.equal(next(weekly, '2026-12-01T05:00:00Z'), '2026-12-03T05:00:00.000Z');
    assert.equal(next(weekly, '2026-12-03T05:00:00Z'), '2026-12-08T05:00:00.000Z');
    const sundays: DrillSchedule = { kind: 'weekly', days: ['sun'], time: '00:00', zone: 'UTC' };
    assert.equal(next(sundays, '2026-12-06T00:00:00Z'), '2026-12-13T00:00:00.000Z');
  });

  test('the local date is the zone’s, not UTC’s', () => {
    // 23:30 UTC on Monday is already Tuesday 08:30 in Tokyo.
    const weekly: DrillSchedule = { kind: 'weekly', days: ['tue'], time: '09:00', zone: 'Asia/Tokyo' };
    assert.equal(next(weekly, '2026-11-30T23:30:00Z'), '2026-12-01T00:00:00.000Z');
  });

  test('invalid schedules name the field at fault', () => {
    assert.deepEqual(scheduleProblems({ kind: 'once', at: 'tomorrow' }).map((p) => p.field), ['schedule.at']);
    assert.deepEqual(scheduleProblems({ kind: 'daily', time: '24:00', zone: 'Mars/Olympus' }).map((p) => p.field), ['schedule.time', 'schedule.zone']);
    assert.deepEqual(scheduleProblems({ kind: 'weekly', days: [], time: '09:00', zone: 'UTC' }).map((p) => p.field), ['schedule.days']);
    assert.deepEqual(scheduleProblems({ kind: 'weekly', days: ['mon', 'mon'], time: '09:00', zone: 'UTC' }).map((p) => p.field), ['schedule.days']);
    assert.deepEqual(scheduleProblems({ kind: 'weekly', days: ['mon'], time: '09:00', zone: 'UTC' }), []);
  });

  test('schedules read in words', () => {
    assert.equal(describeSchedule({ kind: 'weekly', days: ['mon', 'fri'], time: '09:00', zone: 'UTC' }), 'weekly on mon,fri at 09:00 UTC');
  });
});
