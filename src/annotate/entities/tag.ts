import { documentContext, documentHints, documentLabels, sentenceCase, type SentenceInput } from './features.js';
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
  const cases = words.map(sentenceCase);
  const hints = documentHints(words, lowered, cases);
  const contexts = documentContext(words, lowered, cases);
  const inputs: SentenceInput[] = sentences.map((tokens, s) => ({
    words: words[s]!,
    gazetteer: tagger.gazetteer.tag(words[s]!, lowered[s]),
    document: hints[s]!,
    context: contexts[s]!,
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
      const type: EntityType = isListedOrganisation(gazetteer, run)
        ? 'ORG'
        : run.type === 'PER' ? 'PERSON' : run.type === 'ORG' ? 'ORG' : placeType(words[s]!.slice(run.start, run.end), gazetteer.slice(run.start, run.end));
      out.push({ start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end, type });
    }
  });
  return out;
}

/**
 * Words that make a place a natural feature, a region or a site rather than a state,
 * province or town: "Red Sea", "Velda River", "Rose Square", "Kaspi Airport".
 */
const FEATURE_WORD = /^(?:sea|ocean|gulf|river|lake|mountains?|mount|mt\.?|valley|desert|islands?|isles?|peninsula|bay|strait|straits|canal|coast|gardens?|square|street|road|avenue|boulevard|airport|park|palace|station|bridge|wadi|hills?|plains?|basin|delta|forest|glacier|channel|pass|highway|tower|hall|stadium|arena|church|mosque|cathedral|temple|museum|hospital|base|range|reef|plateau|dam|harbou?r|beach|corridor|crossing|heights)$/i;

/** Last words that make a name an institution, not a place ("House" of a body, "Center", "Institute"). */
const INSTITUTION_WORD = /^(?:house|institute|council|agency|office|ministry|committee|commission|foundation|university|college|academy|bureau)$/i;

/**
 * GPE (a state, province or town) or LOC (a continent, region, natural feature or site)
 * for a place the tagger found: a feature word or a listed region makes it LOC, anything
 * else is a GPE — most places news names are countries, provinces and towns.
 */
function placeType(words: readonly string[], gazetteer: readonly (readonly string[])[]): EntityType {
  // "Chatham House", "the National Weather Center": a place name headed by an institution's word is the body that sits there.
  if (words.length > 1 && INSTITUTION_WORD.test(words[words.length - 1]!)) return 'ORG';
  if (words.some((w) => FEATURE_WORD.test(w))) return 'LOC';
  const whole = (kind: string): boolean =>
    gazetteer.length > 0 && gazetteer[0]!.includes('B-' + kind) && gazetteer.slice(1).every((g) => g.includes('I-' + kind));
  // a listed region ("West Asia") is LOC even when one of its words is a town
  if (whole('LOC') && !whole('GPE') && !whole('CITY')) return 'LOC';
  return 'GPE';
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
