import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskInstances, taskReminder, taskStatus, type AssignmentFacts } from './status.ts';

const a = (over: Partial<AssignmentFacts> = {}): AssignmentFacts => ({ dueOn: '2025-06-20', extendedTo: null, latest: null, ...over });

describe('task status', () => {
  it('is not started, then in progress, before the due date', () => {
    expect(taskStatus(a(), '2025-06-20')).toBe('not_started');
    expect(taskStatus(a({ latest: { status: 'in_progress', completedOn: null } }), '2025-06-01')).toBe('in_progress');
    expect(taskStatus(a({ latest: { status: 'not_started', completedOn: null } }), '2025-06-01')).toBe('not_started');
  });
  it('is overdue the day after the due date when not done', () => {
    expect(taskStatus(a(), '2025-06-21')).toBe('overdue');
    expect(taskStatus(a({ latest: { status: 'in_progress', completedOn: null } }), '2025-06-21')).toBe('overdue');
  });
  it('is done on time on or before the due date, late after it', () => {
    expect(taskStatus(a({ latest: { status: 'done', completedOn: '2025-06-20' } }), '2025-07-01')).toBe('done_on_time');
    expect(taskStatus(a({ latest: { status: 'done', completedOn: '2025-06-21' } }), '2025-07-01')).toBe('done_late');
  });
  it('counts an approved extension as the due date', () => {
    expect(taskStatus(a({ extendedTo: '2025-07-10' }), '2025-07-01')).toBe('not_started');
    expect(taskStatus(a({ extendedTo: '2025-07-10', latest: { status: 'done', completedOn: '2025-07-05' } }), '2025-07-20')).toBe(
      'done_on_time',
    );
    expect(taskStatus(a({ extendedTo: '2025-07-10' }), '2025-07-11')).toBe('overdue');
  });
  it('never calls an unfinished task done, nor a finished one overdue (property)', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        fc.constantFrom('not_started', 'in_progress', 'done') as fc.Arbitrary<'not_started' | 'in_progress' | 'done'>,
        day,
        (due, today, status, completed) => {
          const s = taskStatus(a({ dueOn: due, latest: { status, completedOn: status === 'done' ? completed : null } }), today);
          expect(s.startsWith('done')).toBe(status === 'done');
          if (status !== 'done') expect(s === 'overdue').toBe(today > due);
        },
      ),
    );
  });
});

describe('task reminders', () => {
  it('reminds 7 days before, 1 day before, and when overdue; never when done', () => {
    expect(taskReminder(a(), '2025-06-12')).toBeNull();
    expect(taskReminder(a(), '2025-06-13')).toBe('due_in_7_days');
    expect(taskReminder(a(), '2025-06-18')).toBe('due_in_7_days');
    expect(taskReminder(a(), '2025-06-19')).toBe('due_in_1_day');
    expect(taskReminder(a(), '2025-06-20')).toBe('due_in_1_day');
    expect(taskReminder(a(), '2025-06-21')).toBe('overdue');
    expect(taskReminder(a({ latest: { status: 'done', completedOn: '2025-06-30' } }), '2025-06-21')).toBeNull();
    expect(taskReminder(a({ extendedTo: '2025-07-10' }), '2025-06-21')).toBeNull();
  });
});

describe('task instances from the due rules', () => {
  it('gives six-monthly instances due on 20/6 and 20/12 from the start to today', () => {
    expect(taskInstances({ recurrence: 'continuous', reporting: 'six_monthly', startOn: '2023-10-15', dueOn: null }, '2024-07-01')).toEqual(
      [
        { period: '2023S2', dueOn: '2023-12-20' },
        { period: '2024S1', dueOn: '2024-06-20' },
        { period: '2024S2', dueOn: '2024-12-20' },
      ],
    );
  });
  it('gives yearly instances due on 20/12, and reads the days from the rules', () => {
    expect(taskInstances({ recurrence: 'yearly', reporting: 'yearly', startOn: '2024-03-01', dueOn: null }, '2025-01-01')).toEqual([
      { period: '2024', dueOn: '2024-12-20' },
      { period: '2025', dueOn: '2025-12-20' },
    ]);
    expect(
      taskInstances({ recurrence: 'yearly', reporting: 'yearly', startOn: '2024-03-01', dueOn: null }, '2024-05-01', {
        yearly: { month: 13, day: 15 },
        six_monthly: { month: 6, day: 30 },
      }),
    ).toEqual([{ period: '2024', dueOn: '2025-01-15' }]);
  });
  it('gives a one-off task one instance on its date, and nothing before a start', () => {
    expect(taskInstances({ recurrence: 'once', reporting: null, startOn: '2025-01-01', dueOn: '2025-09-30' }, '2025-01-02')).toEqual([
      { period: '2025', dueOn: '2025-09-30' },
    ]);
    expect(taskInstances({ recurrence: 'continuous', reporting: 'yearly', startOn: '2026-01-01', dueOn: null }, '2025-12-31')).toEqual([]);
  });
});
