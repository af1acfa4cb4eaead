/**
 * The action classes events are sorted into, each mapped to the CAMEO root code and
 * the PLOVER category that comes closest, so Parallax events can be compared with
 * GDELT-style event data. Triggers are English verb and noun stems, matched on
 * lower-cased words; they describe kinds of action, not any one story.
 */
export type ActionClass =
  | 'statement'
  | 'refusal'
  | 'demand'
  | 'threat'
  | 'sanction'
  | 'agreement'
  | 'meeting'
  | 'attack'
  | 'appointment'
  | 'publication';

export interface ActionDefinition {
  readonly action: ActionClass;
  readonly cameo: string;
  readonly plover: string;
  readonly description: string;
  /** Word patterns (regular expression sources, matched against lower-cased text at word boundaries). */
  readonly triggers: readonly string[];
}

/** Ordered from most to least specific: the first class whose trigger matches a sentence wins. */
export const ACTION_TAXONOMY: readonly ActionDefinition[] = [
  {
    action: 'refusal', cameo: '12 REJECT', plover: 'REJECT',
    description: 'rejects, refuses, rules out, denies or dismisses a proposal, demand or talks',
    triggers: ['reject(s|ed|ing)?', 'refus(e|es|ed|ing)', 'rul(e|es|ed|ing) out', 'dismiss(es|ed|ing)?', 'decline(s|d)? to', 'turn(s|ed)? down', 'will not (negotiate|talk|accept|engage)', 'won[’\']t (negotiate|talk|accept|engage)', 'not (be )?(negotiate|negotiating)', 'veto(es|ed)?', 'boycott(s|ed)?'],
  },
  {
    action: 'threat', cameo: '13 THREATEN', plover: 'THREATEN',
    description: 'threatens force, sanctions or other harm, issues an ultimatum',
    triggers: ['threat(en|ens|ened|ening)?', 'ultimatum', 'vow(s|ed)? (revenge|retaliation|to retaliate)', 'warn(s|ed)? of (military|retaliation|consequences)'],
  },
  {
    action: 'sanction', cameo: '16 REDUCE RELATIONS', plover: 'SANCTION',
    description: 'imposes or tightens sanctions, embargoes, expulsions, cuts ties; withdraws from an agreement',
    triggers: ['sanction(s|ed)?', 'embargo(es)?', 'impos(e|es|ed|ing)', 'expel(s|led)?', 'sever(s|ed)? ties', 'withdr(ew|aw|awal|aws|awn)', 'pull(s|ed)? out of', 'maximum pressure'],
  },
  {
    action: 'attack', cameo: '18 ASSAULT / 19 FIGHT', plover: 'ASSAULT',
    description: 'strikes, bombs, kills, attacks, raids',
    triggers: ['attack(s|ed|ing)?', 'strike(s)?', 'struck', 'bomb(s|ed|ing)?', 'kill(s|ed|ing)?', 'raid(s|ed)?', 'shell(s|ed|ing)', 'assassinat(e|ed|ion)', 'drone strike', 'invad(e|ed|es)', 'fir(e|ed) (missiles|rockets)'],
  },
  {
    action: 'demand', cameo: '10 DEMAND', plover: 'DEMAND',
    description: 'demands, calls for, urges, insists on',
    triggers: ['demand(s|ed|ing)?', 'call(s|ed)? (for|on)', 'urg(e|es|ed|ing)', 'insist(s|ed)? on', 'press(es|ed)? for'],
  },
  {
    action: 'agreement', cameo: '05/06 COOPERATE', plover: 'AGREE',
    description: 'signs, agrees, reaches a deal, ratifies, complies with an agreement',
    triggers: ['sign(s|ed|ing)?', 'agree(s|d)?', 'reach(es|ed)? (a|an) (deal|agreement)', 'ratif(y|ies|ied)', 'compl(y|ies|ied) with', 'accept(s|ed)'],
  },
  {
    action: 'meeting', cameo: '04 CONSULT', plover: 'CONSULT',
    description: 'meets, holds talks, negotiates, visits, hosts',
    triggers: ['me(e|et|ets|t)', 'met with', 'talks', 'negotiat(e|es|ed|ions)', 'visit(s|ed)?', 'host(s|ed)', 'held (talks|a meeting|a call)', 'summit', 'spoke (with|to)'],
  },
  {
    action: 'appointment', cameo: '— (no CAMEO root)', plover: 'OTHER (leadership change)',
    description: 'takes office, is elected, appointed, sworn in, resigns',
    triggers: ['took office', 'tak(e|es|ing) office', 'sworn in', 'inaugurat(ed|ion)', 'elected', 'appoint(s|ed|ment)', 'named as', 'resign(s|ed)', 'succeed(s|ed)'],
  },
  {
    action: 'publication', cameo: '01 MAKE PUBLIC STATEMENT (published)', plover: 'OTHER (publication)',
    description: 'publishes a report, tweet, post, letter or message; sends a message',
    triggers: ['publish(es|ed)?', 'report(ed)? (that|by)', 'tweet(s|ed)?', 'post(s|ed) on', 'releas(e|es|ed) a (report|statement)', 'sen(d|ds|t) a (message|letter)', 'letter to'],
  },
  {
    action: 'statement', cameo: '01 MAKE PUBLIC STATEMENT', plover: 'OTHER (statement)',
    description: 'says, states, announces, affirms, confirms, warns, stresses, notes',
    triggers: ['sa(y|ys|id)', 'stat(e|es|ed)', 'announc(e|es|ed)', 'affirm(s|ed)', 'confirm(s|ed)', 'warn(s|ed)', 'stress(es|ed)', 'emphasi[sz](e|es|ed)', 'not(e|es|ed) that', 'declar(e|es|ed)', 'indicat(e|es|ed)', 'told', 'tell(s)?', 'describ(e|es|ed)', 'admit(s|ted)', 'acknowledg(e|es|ed)'],
  },
];
