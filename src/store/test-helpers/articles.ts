/**
 * Fictional articles for the store tests (written for these tests; no real
 * story, people or outlets).
 */
import { contentId, type Doc, type DocSource } from '../../core/index.js';

/** Build a Doc with its content id, a title and a source. */
export function makeDoc(text: string, options: { title?: string; source?: DocSource; outlet?: string; published?: string } = {}): Doc {
  return {
    id: contentId(text),
    text,
    meta: {
      ...(options.title ? { title: { value: options.title, evidence: { source: 'meta', at: 'og:title' } } } : {}),
      ...(options.outlet ? { outlet: { value: options.outlet, evidence: { source: 'meta', at: 'og:site_name' } } } : {}),
      ...(options.published ? { published: { value: options.published, evidence: { source: 'json-ld', at: 'datePublished' } } } : {}),
    },
    source: options.source ?? { path: 'fixtures/article.html' },
    layers: {},
    messages: [],
  };
}

const SEAWALL_P1 =
  'The town council of Marrow Bay voted on Tuesday evening to approve a new seawall along the northern harbour, ending ' +
  'two years of public hearings that at times filled the old fish market hall beyond its capacity. The vote passed by ' +
  'seven to two after a debate that lasted almost four hours.';
const SEAWALL_P2 =
  'Supporters of the plan argued that the existing stone wall, built more than a century ago, could no longer protect ' +
  'the boatyards and the low streets behind them from winter storms. Engineers hired by the council estimated that ' +
  'repairs alone would cost nearly as much as the new structure and would last barely a decade.';
/** The background paragraph another article quotes word for word. */
export const SHARED_PARAGRAPH =
  'Marrow Bay has flooded four times in the last twelve years, most recently when a storm surge pushed seawater into ' +
  'the lower market square and forced the closure of the ferry terminal for nine days while crews pumped out basements ' +
  'and cleared debris from the quay.';
const SEAWALL_P4 =
  'Opponents, led by a group of harbour traders, warned that construction would close parts of the waterfront for ' +
  'three summers and drive away the visitors on whom many small shops depend. Several speakers asked the council to ' +
  'consider a cheaper plan of raised walkways and removable flood barriers instead.';
const SEAWALL_P5 =
  'The mayor, Tilda Okonkwo-Reyes, said after the meeting that the council would publish a timetable for the works ' +
  'within a month and promised that the harbour would stay open to fishing boats throughout. Work on the first section ' +
  'is expected to begin in the spring once the final designs are approved by the regional planning office.';

export const SEAWALL_TEXT = [SEAWALL_P1, SEAWALL_P2, SHARED_PARAGRAPH, SEAWALL_P4, SEAWALL_P5].join('\n\n');
export const SEAWALL_TITLE = 'Marrow Bay council approves new harbour seawall';

/** The seawall article as syndicated elsewhere: a boilerplate line, one edited sentence, different whitespace. */
export const SEAWALL_SYNDICATED_TEXT = [
  SEAWALL_P1.replace('seven to two', 'a margin of seven to two'),
  SEAWALL_P2,
  SHARED_PARAGRAPH,
  SEAWALL_P4.replace(/ /g, '  '),
  SEAWALL_P5,
  'This story was first published by a partner newsroom and is republished here under a content-sharing agreement.',
].join('\n\n\n');

/** A second syndicated copy: the first paragraph trimmed by an editor and a reader line added at the top. */
export const SEAWALL_SECOND_COPY_TEXT = [
  'Readers can send tips and corrections to the newsdesk at any time.',
  SEAWALL_P1.replace(' after a debate that lasted almost four hours', ''),
  SEAWALL_P2,
  SHARED_PARAGRAPH,
  SEAWALL_P4,
  SEAWALL_P5,
].join('\n\n');

/** A different article about the same town that quotes the background paragraph verbatim. */
export const FERRY_TEXT = [
  'The ferry company serving Marrow Bay announced on Friday that it would add an evening crossing to the islands from ' +
    'next month, citing a steady rise in commuters who work on the mainland and return late.',
  SHARED_PARAGRAPH,
  'A spokesperson for the company said the new crossing would use the smaller of its two vessels, which needs less ' +
    'water under the keel and can dock at the inner pier even at low tide. Tickets will cost the same as on daytime sailings.',
  'Island residents have long complained that the last boat leaves too early for anyone attending evening classes or ' +
    'working late shifts at the hospital, and a petition calling for a later sailing gathered more than two thousand signatures.',
].join('\n\n');
export const FERRY_TITLE = 'Ferry company adds an evening crossing to the islands';

/** An unrelated article whose title alone mentions a word (lighthouse) no body uses. */
export const ORCHARD_TEXT =
  'Volunteers planted more than three hundred apple and pear trees on the hillside above the village over the weekend, ' +
  'restoring an orchard that was cleared for grazing after the war. Organisers said the varieties were chosen from ' +
  'cuttings kept by local gardeners, some of them descended from trees recorded in parish books two centuries ago. ' +
  'The first fruit is expected in four or five years, and the group plans to open the orchard to schools.';
export const ORCHARD_TITLE = 'Old orchard replanted on the hill below the lighthouse';

/** Text in several scripts, combining marks, emoji sequences and typographic punctuation. */
export const UNICODE_TEXT =
  'Café «déjà vu» — naïve coöperation in Zürich. ' +
  'Ελληνικά κείμενα και русский текст рядом. ' +
  'مرحبا بالعالم، هذا نص عربي تجريبي. ' +
  'עברית משמאל לימין. ' +
  '中文测试文本，日本語のテキスト、한국어 문장. ' +
  'Emoji: 👩🏽‍🔬 🇳🇿 ❤️ 1️⃣. ' +
  'Combining: e\u0301 a\u0308 n\u0303; non-breaking\u00a0space; zero\u200bwidth; “quotes” ‘single’ – dash … ellipsis. ' +
  'Astral math 𝔸𝔹ℂ and 𐍈 Gothic.';

/** A later report on the same seawall story, written differently: the same people, places and plan. */
export const SEAWALL_FOLLOWUP_TEXT = [
  'Marrow Bay published the timetable for its new seawall on Monday, a month after the Marrow Bay town council approved ' +
    'the seawall along the northern harbour. The mayor, Tilda Okonkwo-Reyes, said the first section of the seawall would be built next spring.',
  'Harbour traders who opposed the seawall said the timetable confirmed their fears: parts of the waterfront and the ' +
    'boatyards will close for three summers. The Regional Planning Office still has to approve the final designs of the seawall.',
  'Okonkwo-Reyes repeated that fishing boats would use the northern harbour throughout the works and that the old stone wall ' +
    'would stay in place until the new seawall is finished. The Marrow Bay council will hold public hearings on the timetable.',
].join('\n\n');

/** An older report on an earlier Marrow Bay seawall plan, years before the seawall story: the same places and people. */
export const SEAWALL_EARLIER_PLAN_TEXT = [
  'The Marrow Bay town council shelved a first seawall plan for the northern harbour on Thursday. Councillor Tilda ' +
    'Okonkwo-Reyes said the seawall timetable put forward by the Regional Planning Office was too costly for the town.',
  'Harbour traders welcomed the decision: the boatyards and the waterfront would have closed for three summers under the ' +
    'shelved timetable. Okonkwo-Reyes said the old stone wall would protect the fishing boats for some years yet.',
].join('\n\n');
