import { ALL_SERVICES } from '../clusters';
import type { OfficeCounts } from '../model';

/**
 * SPEC §9 milestones: offices all of whose counted services are Digital in `to`, which counted
 * services in `from` that were not all Digital. An office without services in `from` has reached
 * nothing „inzwischen“ and is not named.
 */
export function digitalMilestones(offices: readonly OfficeCounts[], from: number, to: number): string[] {
  return offices
    .filter((o) => {
      const now = o.counts[to];
      const before = o.counts[from];
      if (!now || !before) return false;
      const allNow = now[ALL_SERVICES] > 0 && now.Digital === now[ALL_SERVICES];
      const allBefore = before[ALL_SERVICES] > 0 && before.Digital === before[ALL_SERVICES];
      return allNow && before[ALL_SERVICES] > 0 && !allBefore;
    })
    .map((o) => o.office);
}
