export * from './plan/comparator.ts';
export * from './plan/target-wording.ts';
export * from './format/number.ts';
export * from './format/date.ts';
export * from './format/fold.ts';
export * from './access/roles.ts';
export * from './period/period.ts';
