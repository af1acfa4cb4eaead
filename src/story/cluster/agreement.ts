/**
 * B-cubed agreement of two groupings of the same articles (Bagga & Baldwin 1998):
 * for each article, the share of its group in one grouping that is also its group
 * in the other, averaged; precision and recall are the two directions, F their
 * harmonic mean. 1 means the same grouping.
 */
export interface ClusterAgreement {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

type Grouping = readonly { readonly articles: readonly string[] }[];

function groupOf(grouping: Grouping): Map<string, ReadonlySet<string>> {
  const of = new Map<string, ReadonlySet<string>>();
  for (const group of grouping) {
    const members = new Set(group.articles);
    for (const id of group.articles) of.set(id, members);
  }
  return of;
}

/**
 * Agreement of `grouping` with `reference`, over the articles both contain.
 *
 * @example
 * clusterAgreement([{ articles: ['a', 'b'] }, { articles: ['c'] }], [{ articles: ['a', 'b', 'c'] }]).f1; // ≈ 0.73
 */
export function clusterAgreement(grouping: Grouping, reference: Grouping): ClusterAgreement {
  const ours = groupOf(grouping);
  const theirs = groupOf(reference);
  let precision = 0;
  let recall = 0;
  let n = 0;
  for (const [id, mine] of ours) {
    const other = theirs.get(id);
    if (!other) continue;
    let both = 0;
    for (const member of mine) if (other.has(member)) both++;
    precision += both / mine.size;
    recall += both / other.size;
    n++;
  }
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  precision /= n;
  recall /= n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
