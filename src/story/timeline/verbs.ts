/**
 * Verb forms a timeline label needs: the simple past of an "-ing" participle that heads a
 * headline-style or reduced clause ("the council approving the plan" → "approved"), so the
 * label reads as a finished "who did what".
 */

/** Irregular pasts, keyed by the word's stem before "-ing" ("making" → "mak"). */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  mak: 'made', tak: 'took', giv: 'gave', hold: 'held', meet: 'met', say: 'said', tell: 'told', leav: 'left',
  bring: 'brought', build: 'built', buy: 'bought', choos: 'chose', com: 'came', becom: 'became', do: 'did',
  driv: 'drove', eat: 'ate', fall: 'fell', feel: 'felt', fight: 'fought', find: 'found', fly: 'flew', gett: 'got',
  go: 'went', grow: 'grew', hitt: 'hit', keep: 'kept', know: 'knew', lead: 'led', los: 'lost', putt: 'put',
  read: 'read', ris: 'rose', runn: 'ran', see: 'saw', seek: 'sought', sell: 'sold', send: 'sent', sett: 'set',
  shutt: 'shut', sitt: 'sat', speak: 'spoke', spend: 'spent', stand: 'stood', strik: 'struck', teach: 'taught',
  think: 'thought', throw: 'threw', understand: 'understood', winn: 'won', writ: 'wrote', beginn: 'began',
  break: 'broke', bear: 'bore', bind: 'bound', cutt: 'cut', deal: 'dealt', draw: 'drew', withdraw: 'withdrew',
  forgett: 'forgot', freez: 'froze', hang: 'hung', hear: 'heard', hurt: 'hurt', lay: 'laid', lend: 'lent',
  lett: 'let', mean: 'meant', pay: 'paid', rid: 'rode', ring: 'rang', shak: 'shook', shoot: 'shot', sing: 'sang',
  sink: 'sank', sleep: 'slept', spread: 'spread', steal: 'stole', stick: 'stuck', swear: 'swore', sweep: 'swept',
  swing: 'swung', tear: 'tore', wak: 'woke', wear: 'wore', undertak: 'undertook', overtak: 'overtook',
  overcom: 'overcame', broadcast: 'broadcast', forecast: 'forecast', quitt: 'quit', splitt: 'split', light: 'lit',
  feed: 'fed', flee: 'fled', slid: 'slid', upsett: 'upset', bidd: 'bid', cost: 'cost',
  forgiv: 'forgave', forbidd: 'forbade', spinn: 'spun', swimm: 'swam', dy: 'died', li: 'lay', ti: 'tied',
};

/** "-ing" words that are prepositions or adjectives, never the head of a clause ("during", "according to"). */
const NOT_PARTICIPLE = /^(?:during|according|including|regarding|concerning|notwithstanding|pending|excluding|considering|following|morning|evening|ceiling|king|ring|thing|nothing|something|anything|everything|string|spring|wing|sing|bring|sting|swing|bling)$/i;

/** The simple past of an "-ing" participle ("approving" → "approved", "holding" → "held"), or null for other words. */
export function pastOfParticiple(word: string): string | null {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}{2,}ing$/u.test(lower) || NOT_PARTICIPLE.test(lower)) return null;
  const stem = lower.slice(0, -3);
  const irregular = IRREGULAR_PAST[stem];
  if (irregular) return irregular;
  // "agreeing" → "agreed"; "copying" → "copied"; "playing" → "played"; "approving" → "approved"; "stopping" → "stopped".
  if (stem.endsWith('e')) return `${stem}d`;
  if (/[^aeiou]y$/.test(stem)) return `${stem.slice(0, -1)}ied`;
  return `${stem}ed`;
}

/** Forms of "be", "have" and the modals: a word after them is no head of its own clause ("is approving"). */
export const AUXILIARY = /^(?:am|is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|must|'s|’s|'re|’re)$/i;

const PAST_FORMS: ReadonlySet<string> = new Set(Object.values(IRREGULAR_PAST));
/** True for an irregular simple past ("held", "took"). */
export const isPastForm = (word: string): boolean => PAST_FORMS.has(word.toLowerCase());
