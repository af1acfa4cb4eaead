/**
 * Timeline labels read as "who did what": a subject and a finite verb ("X signed the deal"), not a
 * fragment ("X echoing the plan", "The deal announced", "Especially with the deadline") nor
 * "X: a noun phrase". Read with wink-nlp's tags and lemmas, independent of how the labels are
 * built: a label counts when, after an optional "Name: " lead, a noun or pronoun comes before a
 * finite verb (an auxiliary in a finite form, or an inflected verb that is not an "-ing" form),
 * the label does not open with a preposition, and it does not end on a bare past participle after
 * its noun ("The plan announced"). Short: at most 12 words.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | undefined;

const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'am', 'has', 'have', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', "'s", '’s', "'re", '’re']);
const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** The words a label may have and still read at a glance. */
export const SHORT_LABEL_WORDS = 12;

/** True when the label has a subject and a finite verb. */
export function labelHasSubjectAndVerb(label: string): boolean {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  // "Name: what follows" counts only when what follows is a clause.
  const colon = /^[^:]{1,80}:\s+/u.exec(label);
  const text = (colon ? label.slice(colon[0].length) : label).replace(/…$/u, '');
  const tokens = nlp.readDoc(text).tokens();
  const values = (tokens.out() as string[]).map((v) => v.toLowerCase());
  const pos = tokens.out(its.pos) as string[];
  const lemmas = (tokens.out(its.lemma as never) as string[]).map((v) => v.toLowerCase());
  if (pos[0] === 'ADP' || pos[0] === 'SCONJ') return false;
  for (let i = 1; i < values.length; i++) {
    // What a quotation says is not the label's own clause.
    if (/^[“"]$/u.test(values[i]!)) break;
    const aux = (pos[i] === 'AUX' || pos[i] === 'VERB') && FINITE_AUX.has(values[i]!);
    const inflected = pos[i] === 'VERB' && !values[i]!.endsWith('ing') && values[i - 1] !== 'to'
      // An uninflected form after its subject: a past like "hit" or "set", or a plural's present.
      && (values[i] !== lemmas[i] || pos[i - 1] === 'PRON' || /[^s]s$/.test(values[i - 1]!) || (SUBJECT_POS.has(pos[i - 1]!) && i + 1 < values.length && pos[i + 1] !== 'PUNCT'));
    // "a delegation headed by X": a participle after a common noun, not a clause's verb.
    const participle = inflected && values[i]!.endsWith('ed') && values[i + 1] === 'by' && pos[i - 1] === 'NOUN';
    if ((!aux && !inflected) || participle) continue;
    if (!pos.slice(0, i).some((p) => SUBJECT_POS.has(p))) return false;
    // "The new plan announced": a participle closing its noun phrase, no verb of a clause.
    const last = pos.slice(i + 1).every((p) => p === 'PUNCT');
    return !(inflected && last && values[i]!.endsWith('ed') && pos[0] === 'DET');
  }
  return false;
}

/** How many of the labels read as a clause, and how many are short. */
export function scoreLabels(labels: readonly string[]): { clause: number; short: number; total: number; fragments: string[] } {
  const fragments = labels.filter((l) => !labelHasSubjectAndVerb(l));
  return { clause: labels.length - fragments.length, short: labels.filter((l) => l.split(/\s+/).length <= SHORT_LABEL_WORDS).length, total: labels.length, fragments };
}
