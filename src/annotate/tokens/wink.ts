import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token as wink-nlp read it: its surface form, part of speech, and index of wink's sentence. */
export interface WinkToken {
  readonly value: string;
  readonly pos: string;
  readonly type: string;
  readonly sentence: number;
}

type WinkInstance = ReturnType<typeof winkNLP>;
let instance: WinkInstance | undefined;

/**
 * Only sentence boundaries and parts of speech are read; wink's own entities,
 * negation and sentiment are skipped (the same tokens, sentences and tags,
 * about a third less time: measured on the UNER test sentences).
 */
const WINK_PIPE = ['sbd', 'pos'];

/** The shared wink-nlp instance; loading the model takes ~100 ms, so it happens once, on first use. */
function wink(): WinkInstance {
  instance ??= winkNLP(model, WINK_PIPE);
  return instance;
}

/** Tokenise and sentence-split one block of text (a paragraph or line) with wink-nlp. */
export function winkTokens(text: string): WinkToken[] {
  const nlp = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const sentenceOf = new Array<number>(values.length).fill(0);
  doc.sentences().each((s, i) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    for (let t = first; t <= last; t++) sentenceOf[t] = i;
  });
  return values.map((value, i) => ({ value, pos: pos[i] ?? 'X', type: types[i] ?? 'word', sentence: sentenceOf[i] ?? 0 }));
}
