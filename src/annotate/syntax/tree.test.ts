import { describe, expect, it } from 'vitest';
import {
  agentOf, appositionsOf, caseOf, childrenOf, clauseOf, objectOf, relativeAntecedentOf, subjectOf, subtreeSpan, type Dependency,
} from './tree.js';
import type { Token } from '../tokens/index.js';

/**
 * A hand-built parse: "word/UPOS>head:rel" items separated by spaces, heads as
 * word indices (-1: root). Returns the text, its tokens and the parse.
 */
function parse(spec: string): { text: string; tokens: Token[]; syntax: Dependency[]; at: (word: string) => number; word: (i: number | undefined) => string | undefined } {
  const items = spec.split(' ').map((item) => {
    const m = /^(.+)\/([A-Z]+)>(-?\d+):(.+)$/.exec(item);
    if (!m) throw new Error(`bad item ${item}`);
    return { form: m[1]!, upos: m[2]!, head: Number(m[3]), rel: m[4]! };
  });
  let text = '';
  const tokens: Token[] = items.map((item) => {
    if (text) text += ' ';
    const start = text.length;
    text += item.form;
    return { start, end: text.length, sentence: 0 };
  });
  const forms = items.map((i) => i.form);
  return {
    text,
    tokens,
    syntax: items.map(({ head, rel, upos }) => ({ head, rel, upos })),
    at: (word) => forms.indexOf(word),
    word: (i) => (i === undefined ? undefined : forms[i]),
  };
}

describe('syntax helpers: subjects', () => {
  it('finds the subject of a reporting verb, its object, and the subject through an auxiliary', () => {
    const p = parse('The/DET>3:det top/ADJ>3:amod Veskarian/ADJ>3:amod diplomat/NOUN>5:nsubj has/AUX>5:aux told/VERB>-1:root reporters/NOUN>5:obj');
    expect(p.word(subjectOf(p.syntax, p.at('told')))).toBe('diplomat');
    expect(p.word(subjectOf(p.syntax, p.at('has')))).toBe('diplomat');
    expect(p.word(objectOf(p.syntax, p.at('told')))).toBe('reporters');
    const span = subtreeSpan(p.tokens, p.syntax, subjectOf(p.syntax, p.at('told'))!);
    expect(p.text.slice(span.start, span.end)).toBe('The top Veskarian diplomat');
  });

  it('takes the subject of a passive and reads "was quoted as saying" back to it', () => {
    const p = parse('Oresk/PROPN>2:nsubj:pass was/AUX>2:aux:pass quoted/VERB>-1:root as/SCONJ>4:mark saying/VERB>2:advcl talks/NOUN>6:nsubj failed/VERB>4:ccomp');
    expect(p.word(subjectOf(p.syntax, p.at('quoted')))).toBe('Oresk');
    expect(p.syntax[p.at('Oresk')]!.rel).toBe('nsubj:pass');
    expect(p.word(subjectOf(p.syntax, p.at('saying')))).toBe('Oresk');
    // a clause with its own subject keeps it
    expect(p.word(subjectOf(p.syntax, p.at('failed')))).toBe('talks');
  });

  it('goes through coordination, control and a leading participle', () => {
    const conj = parse('She/PRON>1:nsubj arrived/VERB>-1:root and/CCONJ>3:cc said/VERB>1:conj');
    expect(conj.word(subjectOf(conj.syntax, conj.at('said')))).toBe('She');
    const control = parse('Varga/PROPN>1:nsubj wants/VERB>-1:root to/PART>3:mark speak/VERB>1:xcomp');
    expect(control.word(subjectOf(control.syntax, control.at('speak')))).toBe('Varga');
    const objectControl = parse('They/PRON>1:nsubj urged/VERB>-1:root Varga/PROPN>1:obj to/PART>4:mark speak/VERB>1:xcomp');
    expect(objectControl.word(subjectOf(objectControl.syntax, objectControl.at('speak')))).toBe('Varga');
    const participle = parse('Speaking/VERB>5:advcl to/ADP>2:case reporters/NOUN>0:obl ,/PUNCT>0:punct Varga/PROPN>5:nsubj said/VERB>-1:root');
    expect(participle.word(subjectOf(participle.syntax, participle.at('Speaking')))).toBe('Varga');
    const modifier = parse('An/DET>1:det official/NOUN>4:nsubj speaking/VERB>1:acl anonymously/ADV>2:advmod said/VERB>-1:root');
    expect(modifier.word(subjectOf(modifier.syntax, modifier.at('speaking')))).toBe('official');
  });

  it('gives no subject where the clause has none to inherit', () => {
    const p = parse('Talks/NOUN>-1:root on/ADP>2:case Monday/PROPN>0:nmod');
    expect(subjectOf(p.syntax, p.at('Talks'))).toBeUndefined();
    const imperative = parse('Tell/VERB>-1:root them/PRON>0:obj');
    expect(subjectOf(imperative.syntax, imperative.at('Tell'))).toBeUndefined();
  });
});

describe('syntax helpers: appositions, agents, sources, clauses', () => {
  const p = parse(
    'Ana/PROPN>8:nsubj Oresk/PROPN>0:flat ,/PUNCT>5:punct the/DET>5:det foreign/ADJ>5:amod minister/NOUN>0:appos ,/PUNCT>0:punct who/PRON>8:nsubj said/VERB>-1:root',
  );

  it('links an apposition both ways and spans the speaker without its commas', () => {
    expect(appositionsOf(p.syntax, p.at('Ana')).map(p.word)).toEqual(['minister']);
    expect(appositionsOf(p.syntax, p.at('minister')).map(p.word)).toEqual(['Ana']);
    const span = subtreeSpan(p.tokens, p.syntax, p.at('Ana'));
    expect(p.text.slice(span.start, span.end)).toBe('Ana Oresk , the foreign minister');
    expect(childrenOf(p.syntax, p.at('Ana')).map(p.word)).toEqual(['Oresk', 'minister', ',']);
  });

  it('finds the agent of a passive and the source of "according to"', () => {
    const passive = parse('Reporters/NOUN>2:nsubj:pass were/AUX>2:aux:pass told/VERB>-1:root by/ADP>5:case the/DET>5:det ministry/NOUN>2:obl:agent');
    expect(passive.word(agentOf(passive.syntax, passive.at('told')))).toBe('ministry');
    const according = parse('Talks/NOUN>1:nsubj resume/VERB>-1:root according/VERB>5:case to/ADP>2:fixed the/DET>5:det ministry/NOUN>1:obl');
    expect(according.word(caseOf(according.syntax, according.at('ministry')))).toBe('according');
  });

  it('resolves a relative pronoun to the noun its clause modifies', () => {
    const rel = parse('The/DET>1:det envoy/NOUN>5:nsubj ,/PUNCT>3:punct who/PRON>4:nsubj arrived/VERB>1:acl:relcl spoke/VERB>-1:root');
    expect(rel.word(relativeAntecedentOf(rel.syntax, rel.at('who')))).toBe('envoy');
    expect(rel.word(subjectOf(rel.syntax, rel.at('arrived')))).toBe('who');
    expect(relativeAntecedentOf(rel.syntax, rel.at('envoy'))).toBeUndefined();
  });

  it('gives the clause a token belongs to', () => {
    const q = parse('She/PRON>1:nsubj said/VERB>-1:root the/DET>3:det talks/NOUN>4:nsubj failed/VERB>1:ccomp badly/ADV>4:advmod');
    expect(q.word(clauseOf(q.syntax, q.at('badly')))).toBe('failed');
    expect(q.word(clauseOf(q.syntax, q.at('talks')))).toBe('failed');
    expect(q.word(clauseOf(q.syntax, q.at('She')))).toBe('said');
  });
});
