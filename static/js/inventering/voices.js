// One rule for "whose voice is missing", shared by the workshop console and the wall, so
// they never disagree: a group has been heard once one of its perspectives is approved
// (the wall shows only approved ones). Counts per group and kind follow the same rule.

/**
 * Count approved perspectives per stakeholder group and kind.
 * Returns {byGroup: Map, ungrouped, byKind: {}, missing: [names], allHeard}.
 */
export function voices(perspectives, groups) {
  const byGroup = new Map(groups.map((name) => [name, 0]));
  const byKind = {};
  let ungrouped = 0;
  for (const p of perspectives) {
    if (p.status && p.status !== "approved") continue;
    if (p.stakeholder_group && byGroup.has(p.stakeholder_group)) {
      byGroup.set(p.stakeholder_group, byGroup.get(p.stakeholder_group) + 1);
    } else {
      ungrouped += 1;
    }
    byKind[p.kind] = (byKind[p.kind] || 0) + 1;
  }
  const missing = groups.filter((name) => byGroup.get(name) === 0);
  return { byGroup, ungrouped, byKind, missing, allHeard: groups.length > 0 && missing.length === 0 };
}
