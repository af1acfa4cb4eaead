import { describe, expect, it } from 'vitest';
import { readConllu } from './conllu.js';

const SAMPLE = [
  '# newdoc id = fiction_1',
  '# sent_id = fiction_1-1',
  "# text = Oresk didn't come.",
  '1\tOresk\tOresk\tPROPN\tNNP\t_\t4\tnsubj\t_\t_',
  "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_',
  "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
  '4\tcome\tcome\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
  '4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:conj\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
].join('\n');

describe('CoNLL-U reader', () => {
  it('reads the syntactic words of a contraction, skips empty nodes and places every word in the text', () => {
    const [s] = readConllu(SAMPLE);
    expect(s!.doc).toBe('fiction_1');
    expect(s!.forms).toEqual(['Oresk', 'did', "n't", 'come', '.']);
    expect(Array.from(s!.heads)).toEqual([3, 3, 3, -1, 3]);
    expect(s!.rels).toEqual(['nsubj', 'aux', 'advmod', 'root', 'punct']);
    expect(s!.spans.map((sp) => (sp ? s!.text.slice(sp.start, sp.end) : undefined))).toEqual(['Oresk', 'did', "n't", 'come', '.']);
  });

  it('names the input and the line of a malformed row', () => {
    expect(() => readConllu('1\tOresk\tOresk\n', 'broken.conllu')).toThrow(/broken\.conllu:1: expected 10 tab-separated columns/);
  });
});
