/**
 * wink-nlp's part-of-speech tags on a treebank sentence's gold words, for
 * comparing the parser fed with wink's tags (what the tokens layer carries)
 * against its own tagger. Each gold word takes the tag of the wink token its
 * first character falls in.
 */
import { winkTokens } from '../tokens/wink.js';
import type { TreebankSentence } from './conllu.js';

export function winkTagsOf(sentence: TreebankSentence): string[] {
  const { text } = sentence;
  const wink = winkTokens(text);
  const tagAt = new Array<string | undefined>(text.length).fill(undefined);
  let cursor = 0;
  for (let k = 0; k < wink.values.length; k++) {
    const value = wink.values[k]!;
    const at = text.indexOf(value, cursor);
    if (value.trim() === '' || at === -1) continue;
    cursor = at + value.length;
    for (let c = at; c < cursor; c++) tagAt[c] = wink.pos[k];
  }
  return sentence.spans.map((span) => (span ? tagAt[span.start] : undefined) ?? 'X');
}
