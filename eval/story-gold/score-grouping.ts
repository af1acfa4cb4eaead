/**
 * Story grouping against gold stories, by B-cubed precision and recall (Bagga and Baldwin 1998):
 * for each article, the share of its found story that belongs to its gold story (precision) and
 * the share of its gold story found with it (recall), averaged over articles.
 */

export interface BCubed { readonly precision: number; readonly recall: number; readonly f1: number }

/** B-cubed scores of a found clustering (lists of item ids) against gold clusters; items missing from either side are left out. */
export function bCubed(found: readonly (readonly string[])[], gold: readonly (readonly string[])[]): BCubed {
  const foundOf = new Map<string, Set<string>>();
  for (const c of found) { const s = new Set(c); for (const id of c) foundOf.set(id, s); }
  const goldOf = new Map<string, Set<string>>();
  for (const c of gold) { const s = new Set(c); for (const id of c) goldOf.set(id, s); }
  let p = 0;
  let r = 0;
  let n = 0;
  for (const [id, g] of goldOf) {
    const f = foundOf.get(id);
    if (!f) continue;
    let both = 0;
    for (const x of f) if (g.has(x)) both++;
    p += both / f.size;
    r += both / g.size;
    n++;
  }
  const precision = n ? p / n : 0;
  const recall = n ? r / n : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
