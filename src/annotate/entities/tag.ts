import { decode } from './perceptron.js';
import { documentHints } from './features.js';
import { runsFromBio } from './bio.js';
import type { LoadedTagger } from './model.js';
import type { EntityType, RawMention } from './resolve.js';

/** A token as the tagger needs it: a span and its part of speech. */
export interface TaggerToken {
  readonly start: number;
  readonly end: number;
  readonly pos?: string;
}

/**
 * Tag the tokens of each sentence of one document with PERSON / ORG / GPE / LOC
 * mentions. The model's LOC becomes GPE when the gazetteer knows the place as a
 * country, capital or state.
 */
export function tagMentions(text: string, sentences: readonly (readonly TaggerToken[])[], tagger: LoadedTagger): RawMention[] {
  const words = sentences.map((s) => s.map((t) => text.slice(t.start, t.end)));
  const hints = documentHints(words);
  const out: RawMention[] = [];
  sentences.forEach((tokens, s) => {
    const gazetteer = tagger.gazetteer.tag(words[s]!);
    const tags = decode(tagger.weights, { words: words[s]!, gazetteer, document: hints[s]!, pos: tokens.map((t) => t.pos ?? 'X') });
    for (const run of runsFromBio(tags)) {
      const inGazetteer = gazetteer.slice(run.start, run.end).flat();
      const type: EntityType =
        run.type === 'PER' ? 'PERSON' : run.type === 'ORG' ? 'ORG' : inGazetteer.includes('B-GPE') || inGazetteer.includes('I-GPE') ? 'GPE' : 'LOC';
      out.push({ start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end, type });
    }
  });
  return out;
}
