import { describe, expect, it } from 'vitest';
import { bcubed, ceafe, emptyTally, muc, prf, type Clusters } from '../eval/metrics/coref.js';

/** The worked example of Pradhan et al. (2014), "Scoring coreference partitions of predicted mentions", section 4. */
const KEY: Clusters = [['a', 'b', 'c'], ['d', 'e', 'f', 'g']];
const RESPONSE: Clusters = [['a', 'b'], ['c', 'd'], ['f', 'g', 'h', 'i']];

function score(metric: typeof muc, key: Clusters, response: Clusters): { precision: number; recall: number } {
  const t = emptyTally();
  metric(key, response, t);
  return prf(t);
}

describe('CoNLL coreference metrics (eval/metrics/coref.ts)', () => {
  it('give the published MUC, B³ and CEAF-e figures of the worked example', () => {
    expect(score(muc, KEY, RESPONSE)).toMatchObject({ recall: expect.closeTo(0.4, 3), precision: expect.closeTo(0.4, 3) });
    expect(score(bcubed, KEY, RESPONSE)).toMatchObject({ recall: expect.closeTo(5 / 12, 3), precision: expect.closeTo(0.5, 3) });
    expect(score(ceafe, KEY, RESPONSE)).toMatchObject({ recall: expect.closeTo(0.65, 3), precision: expect.closeTo(0.433, 2) });
  });

  it('score a response equal to the key 1 everywhere', () => {
    for (const metric of [muc, bcubed, ceafe]) expect(score(metric, KEY, KEY)).toMatchObject({ precision: 1, recall: 1 });
  });
});
