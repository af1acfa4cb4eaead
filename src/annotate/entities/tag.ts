import { documentHints, documentLabels, type SentenceInput } from './features.js';
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
  // lower-cased once for the document hints and the gazetteer
  const lowered = words.map((s) => s.map((w) => w.toLowerCase()));
  const hints = documentHints(words, lowered);
  const inputs: SentenceInput[] = sentences.map((tokens, s) => ({
    words: words[s]!,
    gazetteer: tagger.gazetteer.tag(words[s]!, lowered[s]),
    document: hints[s]!,
    pos: tokens.map((t) => t.pos ?? 'X'),
  }));
  let tagged = inputs.map((input) => tagger.model.decode(input));
  const second = tagger.second;
  if (second) {
    const labels = documentLabels(words, tagged);
    tagged = inputs.map((input, s) => second.decode({ ...input, labels: labels[s]! }));
  }
  const out: RawMention[] = [];
  sentences.forEach((tokens, s) => {
    const gazetteer = inputs[s]!.gazetteer;
    const tags = tagged[s]!;
    for (const run of runsFromBio(tags)) {
      const inGazetteer = gazetteer.slice(run.start, run.end).flat();
      const type: EntityType = isListedOrganisation(gazetteer, run)
        ? 'ORG'
        : run.type === 'PER' ? 'PERSON' : run.type === 'ORG' ? 'ORG' : inGazetteer.includes('B-GPE') || inGazetteer.includes('I-GPE') ? 'GPE' : 'LOC';
      out.push({ start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end, type });
    }
  });
  return out;
}

/**
 * True when the run is exactly a listed organisation ("World Bank"): the
 * gazetteer's organisation lists are curated, so a whole-name match settles
 * the type whatever the tagger guessed from context.
 */
function isListedOrganisation(gazetteer: readonly (readonly string[])[], run: { start: number; end: number }): boolean {
  if (!gazetteer[run.start]!.includes('B-ORG')) return false;
  for (let k = run.start + 1; k < run.end; k++) if (!gazetteer[k]!.includes('I-ORG')) return false;
  return !(gazetteer[run.end]?.includes('I-ORG') ?? false);
}
