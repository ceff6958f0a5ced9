import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeGoal, evaluateGoals, goalTrend, type RunTimes } from './goals.js';

const times = (over: Partial<RunTimes> = {}): RunTimes => ({ firedAt: '2026-12-01T10:00:00Z', acknowledgedAt: null, sharedPictureAt: null, mitigatedAt: null, resolvedAt: null, ...over });

describe('drill goals', () => {
  test('a goal is met when its moment comes within the threshold, missed when later', () => {
    const results = evaluateGoals(
      [{ kind: 'acknowledged', minutes: 5 }, { kind: 'shared_picture', minutes: 10 }],
      times({ acknowledgedAt: '2026-12-01T10:05:00Z', sharedPictureAt: '2026-12-01T10:10:01Z' }),
      new Date('2026-12-01T11:00:00Z'),
    );
    assert.deepEqual(results.map((r) => [r.kind, r.seconds, r.outcome]), [['acknowledged', 300, 'met'], ['shared_picture', 601, 'missed']]);
  });

  test('a goal that has not happened is pending until its threshold passes, then missed', () => {
    const goals = [{ kind: 'mitigated' as const, minutes: 30 }];
    assert.equal(evaluateGoals(goals, times(), new Date('2026-12-01T10:30:00Z'))[0]!.outcome, 'pending');
    assert.equal(evaluateGoals(goals, times(), new Date('2026-12-01T10:30:01Z'))[0]!.outcome, 'missed');
    assert.equal(evaluateGoals([{ kind: 'resolved', minutes: 60 }], times({ resolvedAt: '2026-12-01T10:20:00Z' }), new Date('2026-12-01T10:21:00Z'))[0]!.seconds, 1200);
  });

  test('the trend lists each goal’s values over runs, oldest first, with how many met', () => {
    const goal = { kind: 'acknowledged' as const, minutes: 5 };
    const trend = goalTrend([
      { runId: 'b', firedAt: '2026-12-02T10:00:00Z', goals: [{ ...goal, seconds: 400, outcome: 'missed' }] },
      { runId: 'a', firedAt: '2026-12-01T10:00:00Z', goals: [{ ...goal, seconds: 100, outcome: 'met' }, { kind: 'resolved', minutes: 60, seconds: null, outcome: 'pending' }] },
      { runId: 'c', firedAt: '2026-12-03T10:00:00Z', goals: [{ ...goal, seconds: 200, outcome: 'met' }] },
    ]);
    assert.deepEqual(trend.map((t) => [t.kind, t.met, t.missed, t.pending]), [['acknowledged', 2, 1, 0], ['resolved', 0, 0, 1]]);
    assert.deepEqual(trend[0]!.runs.map((r) => [r.runId, r.seconds]), [['a', 100], ['b', 400], ['c', 200]]);
  });

  test('goals read in words', () => {
    assert.equal(describeGoal({ kind: 'shared_picture', minutes: 10 }), 'shared picture within 10 min');
  });
});
