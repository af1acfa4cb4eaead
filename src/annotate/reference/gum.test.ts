import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGumSplit } from './gum.js';
import { gumCase } from './gum-cases.js';

const EVAL_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/eval-data');
const present = existsSync(path.join(EVAL_DATA, 'coref', 'dev')) && existsSync(path.join(EVAL_DATA, 'syntax', 'en_gum-ud-dev.conllu'));

describe.skipIf(!present)('GUM as reference-stage input (reads ../shared/eval-data; skipped when absent)', () => {
  const docs = present ? readGumSplit(EVAL_DATA, 'dev') : [];

  it('rebuilds every document so that each word sits at its place in the text', () => {
    expect(docs.length).toBeGreaterThan(20);
    for (const d of docs) for (const w of d.words) expect(d.text.slice(w.start, w.end)).toBe(w.form);
  });

  it('turns GUM named mentions into an entities layer and the gold trees into one dependency per token', () => {
    const c = gumCase(docs.find((d) => d.name.includes('news'))!, { entities: 'gold' });
    expect(c.layers.syntax).toHaveLength(c.layers.tokens.length);
    expect(c.layers.syntax.every((d) => d.head >= -1 && d.head < c.layers.tokens.length)).toBe(true);
    expect(c.layers.entities.length).toBeGreaterThan(5);
    for (const e of c.layers.entities) {
      expect(c.chainOf.has(e.entity)).toBe(true);
      expect(c.doc.text.slice(e.start, e.end)).toMatch(/^\p{Lu}/u);
    }
  });
});
