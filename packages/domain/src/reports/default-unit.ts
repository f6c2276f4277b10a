/**
 * The unit a report opens on: the user's own scope unit, except for a user
 * scoped to an area above the plan's (the nation's administrator of a
 * district plan), who gets the plan's own area — a report of "Việt Nam" on a
 * district plan has neither number nor tasks. `planAreaAncestors` are the
 * areas above the plan's area (any order).
 */
export function defaultReportUnit(
  scope: { type: 'area' | 'organisation'; code: string },
  planArea: string | null,
  planAreaAncestors: Iterable<string>,
): string {
  if (scope.type !== 'area' || planArea === null || scope.code === planArea) return scope.code;
  return [...planAreaAncestors].includes(scope.code) ? planArea : scope.code;
}
