/**
 * The story brief an analyst reads, measured on both real corpora (../shared/corpus): the
 * iran-negotiations-2025 story (exhaustive stance, contradiction, coverage, timeline and summary
 * gold) and realnews-dev-2025 (three stories and two distractors: grouping, aliases,
 * contradictions, quote variants, single-source claims, per-article events and entities).
 * Stories are built from the gold grouping so each measure is independent of the clustering,
 * which is measured on its own (B-cubed, in file order and reversed: the worse counts).
 * The scoring rules are the corpora READMEs'; see eval/story-gold/. Timeline labels are also read
 * for a subject and a finite verb ("who did what", not a fragment) and for length.
 *
 * Run: npm run eval -- story-brief
 */
import type { Doc } from '../src/core/index.js';
import { buildStoryWithEntities } from '../src/story/index.js';
import { clusterDocs } from '../src/story/cluster/index.js';
import { toArticleJson } from '../src/report/index.js';
import type { Story } from '../src/story/types.js';
import type { EvalResult, EvalTask } from './types.js';
import { IRAN, REALNEWS, corpusMissing, loadCorpus, type GoldCorpus } from './story-gold/corpora.js';
import { bCubed } from './story-gold/score-grouping.js';
import { norm } from './story-gold/gold.js';
import { scoreAliasesInStory, wrongMerges } from './story-gold/score-aliases.js';
import { scoreStances } from './story-gold/score-stances.js';
import { scoreContradictions } from './story-gold/score-contradictions.js';
import { groupedArticleEvents, mergedGoldEvents, scoreTimeline, type RealEvent } from './story-gold/score-timeline.js';
import { scoreOmissions, type OmissionClaim } from './story-gold/score-omissions.js';
import { scoreSummary, type SummaryLineLike } from './story-gold/score-summary.js';
import { scoreLabels, SHORT_LABEL_WORDS } from './story-gold/score-labels.js';
import { goldAnonymousSources, scoreSingleSource, scoreVariants } from './story-gold/score-sources.js';

type Row = Record<string, string | number | null>;

const ratio = (a: number, b: number): number => (b ? Math.round((a / b) * 1000) / 1000 : 1);
const show = (a: number, b: number): string => `${a}/${b}`;

interface Built { readonly story: Story; readonly docs: readonly Doc[]; readonly entities: ReturnType<typeof buildStoryWithEntities>['entities'] }

/** The framing's "leaves out" findings in the scorer's terms (structured when the story gives them). */
function omissionClaims(story: Story): OmissionClaim[] {
  const out: OmissionClaim[] = [];
  for (const f of story.framing) {
    const structured = (f as { omissions?: readonly { kind: 'actor' | 'event'; label: string; actor?: string; sources?: OmissionClaim['sources'] }[] }).omissions;
    if (structured) { for (const o of structured) out.push({ article: f.article, ...o }); continue; }
    for (const label of f.omits) {
      const entry = story.timeline.find((t) => `${t.date} — ${t.summary}` === label);
      out.push(entry ? { article: f.article, kind: 'event', label, sources: entry.sources } : { article: f.article, kind: 'actor', label, actor: label });
    }
  }
  return out;
}

function summaryLines(story: Story): readonly SummaryLineLike[] {
  return (story as { summary?: readonly SummaryLineLike[] }).summary ?? [];
}

interface Totals { [k: string]: number }
const add = (t: Totals, k: string, v: number): void => { t[k] = (t[k] ?? 0) + v; };

async function measure(corpus: GoldCorpus, rows: Row[], metrics: Record<string, number>, detail: string[]): Promise<void> {
  const { gold, key } = corpus;
  const storyOf = (article: string): string | undefined => gold.articles.find((a) => a.id === article)?.story ?? [...corpus.stories.keys()][0];
  const events: RealEvent[] = gold.timeline_gold ? mergedGoldEvents(gold) : groupedArticleEvents(gold, storyOf);
  const inStory = (docs: readonly Doc[]) => (article: string): boolean => docs.includes(corpus.docOf(article)!);
  const built: Built[] = [...corpus.stories.values()].filter((docs) => docs.length > 1).map((docs) => ({ docs, ...buildStoryWithEntities(docs) }));
  const idOf = (article: string): string | undefined => corpus.idOf(article);
  const t: Totals = {};
  const aliasNames: string[] = [];
  const aliasOutcome = new Map<string, boolean>();
  for (const b of built) {
    for (const g of scoreAliasesInStory(gold, b.docs, b.entities, (d) => corpus.idOf(d)).groups) {
      if (!g.present) continue;
      aliasOutcome.set(g.canonical, (aliasOutcome.get(g.canonical) ?? true) && g.merged);
      if (!g.merged) aliasNames.push(`NOT MERGED ${g.canonical}: ${g.detail}`);
    }
    const wrong = wrongMerges(gold, b.docs, (d) => corpus.idOf(d), b.entities);
    add(t, 'wrongMerges', wrong.length);
    for (const w of wrong) aliasNames.push(`WRONG MERGE ${w.entity}: ${w.names.join(' + ')}`);

    const c = scoreContradictions(gold, b.story.contradictions, { docOf: corpus.docOf, idOf }, (x) => !x.story || corpus.stories.get(x.story) === b.docs);
    add(t, 'contraFound', c.found); add(t, 'contraTotal', c.total); add(t, 'contraFalse', c.falseOnes); add(t, 'contraEmitted', c.emitted);
    detail.push(...c.foundDetail.map((x) => `${key} contradiction found: ${x}`), ...c.missed.map((x) => `${key} contradiction MISSED: ${x}`), ...c.falseDetail.map((x) => `${key} contradiction FALSE: ${x}`));

    const storyEvents = events.filter((e) => e.members.some((m) => b.docs.includes(corpus.docOf(m.article)!)));
    const tl = scoreTimeline(gold, storyEvents, b.story.timeline, { docOf: corpus.docOf, idOf });
    add(t, 'events', tl.events); add(t, 'eventsFound', tl.found); add(t, 'oneEntry', tl.oneEntry); add(t, 'actorRight', tl.actorRight);
    detail.push(...tl.detail.map((x) => `${key} timeline ${x}`));
    const lb = scoreLabels(b.story.timeline.map((e) => e.summary));
    add(t, 'labelClause', lb.clause); add(t, 'labelShort', lb.short); add(t, 'labels', lb.total);
    detail.push(...lb.fragments.map((x) => `${key} timeline label without a subject and a finite verb: ${x}`));

    const om = scoreOmissions(gold, omissionClaims(b.story), storyEvents, { docOf: corpus.docOf, idOf });
    add(t, 'omitRight', om.right); add(t, 'omitWrong', om.wrong); add(t, 'omitUnscored', om.unscored);
    detail.push(...om.detail.map((x) => `${key} leaves out ${x}`));

    const mine = inStory(b.docs);
    const storyGold = { ...gold, quote_variants: gold.quote_variants?.filter((q) => q.forms.some((f) => mine(f.article))), single_source_claims: gold.single_source_claims?.filter((c) => mine(c.article)) };
    const v = scoreVariants(storyGold, b.story.quoteVariants, { docOf: corpus.docOf, idOf });
    add(t, 'variantsFound', v.found); add(t, 'variantsTotal', v.total); add(t, 'variantsExtra', v.extra); add(t, 'variantsSameScore', v.sameScoreDifferentWords);

    const s = scoreSingleSource(storyGold, b.story.singleSource, { docOf: corpus.docOf, idOf });
    add(t, 'singleFound', s.found); add(t, 'singleTotal', s.total); add(t, 'singleFlagged', s.flagged); add(t, 'singleRight', s.flaggedRight);
    add(t, 'singleKindRight', s.kindRight); add(t, 'singleKindScored', s.kindScored);
    detail.push(...s.detail.map((x) => `${key} single-source ${x}`));

    // Anonymous sources, and the kind shown for each article: the article JSON every page and the API show, and the story's framing.
    for (const f of b.story.framing) {
      const goldId = idOf(f.article)!;
      const expected = goldAnonymousSources(gold, goldId);
      add(t, 'anonArticles', 1);
      if ((f.speakerKinds.anonymous ?? 0) === expected) add(t, 'anonRight', 1);
      else detail.push(`${key} anonymous sources ${goldId}: ${f.speakerKinds.anonymous ?? 0}, gold ${expected}`);
      const shown = toArticleJson(b.docs.find((d) => d.id === f.article)!).kind;
      if (shown === f.kind) add(t, 'kindConsistent', 1);
      if (f.kind === gold.articles.find((a) => a.id === goldId)?.kind) add(t, 'kindRight', 1);
      else detail.push(`${key} kind ${goldId}: ${f.kind}, gold ${gold.articles.find((a) => a.id === goldId)?.kind}`);
    }

    if (gold.stances) {
      const st = scoreStances(gold, b.story.stances, idOf);
      add(t, 'stanceFound', st.found); add(t, 'stanceTotal', st.total); add(t, 'stanceRight', st.right); add(t, 'stanceEmitted', st.emitted);
      detail.push(...st.missed.map((x) => `${key} stance MISSED ${x}`), ...st.wrong.map((x) => `${key} stance WRONG ${x}`));
      // The question as the gold frames it, condition included ("… under pressure/threats"): the share of its words the topic's label carries.
      const stem4 = (w: string): string => w.slice(0, 5);
      const goldWords = norm(gold.stances.topic).split(' ').filter((w) => w.length > 3).map(stem4);
      const label = new Set(norm(b.story.topics[0]?.label ?? '').split(' ').map(stem4));
      add(t, 'topicWords', goldWords.filter((w) => label.has(w)).length); add(t, 'topicGoldWords', goldWords.length);
      detail.push(`${key} topic: ${b.story.topics[0]?.label ?? '(none)'} (gold: ${gold.stances.topic})`);
    }
    if (gold.summary_gold) {
      const su = scoreSummary(gold, summaryLines(b.story), { docOf: corpus.docOf, idOf });
      add(t, 'summaryCovered', su.covered); add(t, 'summaryGold', su.goldLines); add(t, 'summaryLines', su.lines); add(t, 'summaryVerbatim', su.verbatim);
      detail.push(...su.detail.map((x) => `${key} summary ${x}`));
      detail.push(`${key} title: ${b.story.title}`);
    }
  }
  const aliasMerged = [...aliasOutcome.values()].filter(Boolean).length;
  const aliasTotal = gold.aliases?.length ?? 0;
  detail.push(...aliasNames.map((x) => `${key} alias ${x}`));

  const m = (name: string, value: number): void => { metrics[`${key}_${name}`] = value; };
  const row = (measure: string, value: string, score: number | null): void => { rows.push({ corpus: key, measure, value, score }); };
  if (t.stanceTotal) {
    row('stance positions found (recall)', show(t.stanceFound!, t.stanceTotal), ratio(t.stanceFound!, t.stanceTotal));
    row('stances emitted that are gold (precision)', show(t.stanceRight ?? 0, t.stanceEmitted ?? 0), ratio(t.stanceRight ?? 0, t.stanceEmitted ?? 0));
    m('stance_recall', ratio(t.stanceFound!, t.stanceTotal)); m('stance_precision', ratio(t.stanceRight ?? 0, t.stanceEmitted ?? 0));
    row('topic: words of the gold question in its label', show(t.topicWords ?? 0, t.topicGoldWords ?? 0), ratio(t.topicWords ?? 0, t.topicGoldWords ?? 0));
    m('topic_words', ratio(t.topicWords ?? 0, t.topicGoldWords ?? 0));
  }
  row('contradictions found', show(t.contraFound ?? 0, t.contraTotal ?? 0), ratio(t.contraFound ?? 0, t.contraTotal ?? 0));
  row('false contradictions', show(t.contraFalse ?? 0, t.contraEmitted ?? 0), null);
  m('contradictions_found', ratio(t.contraFound ?? 0, t.contraTotal ?? 0)); m('contradictions_not_false', 1 - ratio(t.contraFalse ?? 0, t.contraEmitted ?? 0));
  m('false_contradictions', t.contraFalse ?? 0);
  row('timeline: real events found', show(t.eventsFound ?? 0, t.events ?? 0), ratio(t.eventsFound ?? 0, t.events ?? 0));
  row('timeline: one entry per real event', show(t.oneEntry ?? 0, t.eventsFound ?? 0), ratio(t.oneEntry ?? 0, t.eventsFound ?? 0));
  row('timeline: actor is who did it', show(t.actorRight ?? 0, t.eventsFound ?? 0), ratio(t.actorRight ?? 0, t.eventsFound ?? 0));
  row('timeline: labels with a subject and a finite verb', show(t.labelClause ?? 0, t.labels ?? 0), ratio(t.labelClause ?? 0, t.labels ?? 0));
  row(`timeline: labels of at most ${SHORT_LABEL_WORDS} words`, show(t.labelShort ?? 0, t.labels ?? 0), ratio(t.labelShort ?? 0, t.labels ?? 0));
  m('timeline_label_clause', ratio(t.labelClause ?? 0, t.labels ?? 0)); m('timeline_label_short', ratio(t.labelShort ?? 0, t.labels ?? 0));
  m('timeline_events_found', ratio(t.eventsFound ?? 0, t.events ?? 0)); m('timeline_one_entry', ratio(t.oneEntry ?? 0, t.eventsFound ?? 0)); m('timeline_actor', ratio(t.actorRight ?? 0, t.eventsFound ?? 0));
  const omitScored = (t.omitRight ?? 0) + (t.omitWrong ?? 0);
  row('"leaves out" right (precision)', `${show(t.omitRight ?? 0, omitScored)} (+${t.omitUnscored ?? 0} unscored)`, ratio(t.omitRight ?? 0, omitScored));
  m('leaves_out_precision', ratio(t.omitRight ?? 0, omitScored));
  row('alias groups merged', show(aliasMerged, aliasTotal), ratio(aliasMerged, aliasTotal));
  row('entities merging two gold entities', String(t.wrongMerges ?? 0), null);
  m('aliases_merged', ratio(aliasMerged, aliasTotal)); m('alias_wrong_merges', t.wrongMerges ?? 0);
  // Floors are minimums: 1 when no entity merges two gold entities, pinned so a wrong merge fails the run.
  m('alias_wrong_merge_free', (t.wrongMerges ?? 0) === 0 ? 1 : 0);
  row('quote variants found', `${show(t.variantsFound ?? 0, t.variantsTotal ?? 0)} (+${t.variantsExtra ?? 0} not in gold; ${t.variantsSameScore ?? 0} different wordings scored identical)`, ratio(t.variantsFound ?? 0, t.variantsTotal ?? 0));
  m('quote_variants_found', ratio(t.variantsFound ?? 0, t.variantsTotal ?? 0)); m('quote_variants_scored_identical', t.variantsSameScore ?? 0);
  row('single-source claims found', show(t.singleFound ?? 0, t.singleTotal ?? 0), ratio(t.singleFound ?? 0, t.singleTotal ?? 0));
  row('single-source flagged that are gold', show(t.singleRight ?? 0, t.singleFlagged ?? 0), ratio(t.singleRight ?? 0, t.singleFlagged ?? 0));
  row('single-source: fact vs statement right', show(t.singleKindRight ?? 0, t.singleKindScored ?? 0), t.singleKindScored ? ratio(t.singleKindRight ?? 0, t.singleKindScored) : null);
  m('single_source_found', ratio(t.singleFound ?? 0, t.singleTotal ?? 0)); m('single_source_precision', ratio(t.singleRight ?? 0, t.singleFlagged ?? 0));
  row('anonymous-source count right', show(t.anonRight ?? 0, t.anonArticles ?? 0), ratio(t.anonRight ?? 0, t.anonArticles ?? 0));
  row('kind shown alike everywhere', show(t.kindConsistent ?? 0, t.anonArticles ?? 0), ratio(t.kindConsistent ?? 0, t.anonArticles ?? 0));
  row('kind right', show(t.kindRight ?? 0, t.anonArticles ?? 0), ratio(t.kindRight ?? 0, t.anonArticles ?? 0));
  m('anonymous_count_right', ratio(t.anonRight ?? 0, t.anonArticles ?? 0)); m('kind_consistent', ratio(t.kindConsistent ?? 0, t.anonArticles ?? 0)); m('kind_right', ratio(t.kindRight ?? 0, t.anonArticles ?? 0));
  if (t.summaryGold) {
    row('summary: gold lines covered', `${show(t.summaryCovered ?? 0, t.summaryGold)} (${t.summaryLines ?? 0} lines, ${t.summaryVerbatim ?? 0} with verbatim evidence)`, ratio(t.summaryCovered ?? 0, t.summaryGold));
    m('summary_lines_covered', t.summaryCovered ?? 0); m('summary_lines', t.summaryLines ?? 0);
  }
  if (corpus.stories.size > 1) {
    const goldGroups = [...corpus.stories.values()].map((docs) => docs.map((d) => d.id));
    const inOrder = bCubed(clusterDocs(corpus.docs).map((s) => s.articles), goldGroups);
    const reversed = bCubed(clusterDocs([...corpus.docs].reverse()).map((s) => s.articles), goldGroups);
    const worse = inOrder.recall + inOrder.precision <= reversed.recall + reversed.precision ? inOrder : reversed;
    row('stories grouped: B-cubed recall', `file order ${inOrder.recall.toFixed(3)}, reversed ${reversed.recall.toFixed(3)}`, Math.round(worse.recall * 1000) / 1000);
    row('stories grouped: B-cubed precision', `file order ${inOrder.precision.toFixed(3)}, reversed ${reversed.precision.toFixed(3)}`, Math.round(worse.precision * 1000) / 1000);
    m('grouping_bcubed_recall', Math.round(worse.recall * 1000) / 1000); m('grouping_bcubed_precision', Math.round(worse.precision * 1000) / 1000);
  }
}

export const task: EvalTask = {
  name: 'story-brief',
  async run(): Promise<EvalResult> {
    const missing = corpusMissing(IRAN.dir) ?? corpusMissing(REALNEWS.dir);
    if (missing) return { task: 'story-brief', data: 'iran-negotiations-2025 and realnews-dev-2025', rows: [], metrics: {}, skipped: missing };
    const rows: Row[] = [];
    const metrics: Record<string, number> = {};
    const detail: string[] = [];
    for (const which of [IRAN, REALNEWS]) await measure(await loadCorpus(which), rows, metrics, detail);
    if (process.env.PARALLAX_EVAL_DETAIL) process.stdout.write(detail.join('\n') + '\n');
    return { task: 'story-brief', data: 'iran-negotiations-2025 (1 story, 5 articles) and realnews-dev-2025 (3 stories of 6 + 2 distractors); PARALLAX_EVAL_DETAIL=1 prints each miss', rows, metrics };
  },
};
