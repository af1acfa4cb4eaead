/**
 * The dependency parser against Universal Dependencies English-EWT and
 * English-GUM test files (never trained or tuned on): UPOS accuracy, UAS and
 * LAS on the gold words, the GUM news documents on their own, the shipped
 * parser fed wink-nlp's tags instead of its own tagger's, and the whole
 * syntax stage on the project's own tokens (wink-nlp tokenisation) aligned
 * with the gold words. Speed: sentences and words per second of tagging and
 * parsing gold words on one core.
 *
 * Run: npm run eval -- syntax
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import { readConllu, type TreebankSentence } from '../src/annotate/syntax/conllu.js';
import { loadSyntaxModel, type SyntaxModel } from '../src/annotate/syntax/model.js';
import { AttachmentCounter, type AttachmentScores } from '../src/annotate/syntax/score.js';
import { UPOS, UPOS_ID } from '../src/annotate/syntax/tagger.js';
import { winkTagsOf } from '../src/annotate/syntax/wink-tags.js';
import { parseSentences } from '../src/annotate/syntax/index.js';
import { tokenize } from '../src/annotate/tokens/index.js';

const DATA_DIR = path.join(EVAL_DATA_DIR, 'syntax');
const TIMED_PASSES = 3;

function read(name: string): TreebankSentence[] {
  const file = path.join(DATA_DIR, name);
  return readConllu(readFileSync(file, 'utf8'), file);
}

/** Tag and parse gold words; `tags` replaces the model's own tagger. */
function scoreGoldWords(model: SyntaxModel, sentences: readonly TreebankSentence[], tags?: (s: TreebankSentence) => Uint8Array): AttachmentScores {
  const counter = new AttachmentCounter();
  for (const s of sentences) {
    const parse = model.parseWords(s.forms, tags?.(s));
    for (let i = 0; i < s.forms.length; i++) {
      counter.add({ tag: s.upos[i]!, head: s.heads[i]!, rel: s.rels[i]! }, { tag: UPOS[parse.tags[i]!]!, head: parse.heads[i]!, rel: parse.rels[i]! });
    }
  }
  return counter.scores();
}

/**
 * The syntax stage on the project's tokens of each sentence's text, scored on
 * the gold words: a word counts as attached right when a token has exactly
 * its span and that token's head has exactly the gold head's span.
 */
function scoreProjectTokens(sentences: readonly TreebankSentence[]): AttachmentScores & { matched: number } {
  const counter = new AttachmentCounter();
  let matched = 0;
  for (const s of sentences) {
    const { tokens: raw } = tokenize(s.text, { lineBreaks: 'paragraph-only' });
    const tokens = raw.map((t) => ({ ...t, sentence: 0 }));
    if (tokens.length === 0) continue;
    const syntax = parseSentences(s.text, { sentences: [{ start: 0, end: s.text.length }], tokens });
    const tokenAt = new Map(tokens.map((t, i) => [`${t.start}:${t.end}`, i]));
    const wordAt = new Map(s.spans.flatMap((sp, i) => (sp ? [[`${sp.start}:${sp.end}`, i] as const] : [])));
    for (let i = 0; i < s.forms.length; i++) {
      const gold = { tag: s.upos[i]!, head: s.heads[i]!, rel: s.rels[i]! };
      const span = s.spans[i];
      const t = span ? tokenAt.get(`${span.start}:${span.end}`) : undefined;
      if (t === undefined) {
        counter.add(gold, { tag: '', head: -2, rel: '' });
        continue;
      }
      matched++;
      const d = syntax[t]!;
      const headToken = d.head < 0 ? undefined : tokens[d.head]!;
      const head = headToken ? wordAt.get(`${headToken.start}:${headToken.end}`) ?? -2 : -1;
      counter.add(gold, { tag: d.upos, head, rel: d.rel });
    }
  }
  const scores = counter.scores();
  return { ...scores, matched: matched / scores.words };
}

/** Sentences and words per second of tagging and parsing gold words. */
function speed(model: SyntaxModel, sentences: readonly TreebankSentence[]): { sentencesPerSecond: number; wordsPerSecond: number } {
  for (const s of sentences) model.parseWords(s.forms); // warm-up
  const started = performance.now();
  let words = 0;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const s of sentences) {
      model.parseWords(s.forms);
      words += s.forms.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { sentencesPerSecond: (sentences.length * TIMED_PASSES) / seconds, wordsPerSecond: words / seconds };
}

function row(data: string, system: string, s: AttachmentScores, extra: Record<string, string | number> = {}): Record<string, string | number> {
  const pct = (x: number): string => (100 * x).toFixed(2);
  return { data, system, words: s.words, upos: pct(s.upos), uas: pct(s.uas), las: pct(s.las), las_universal: pct(s.lasUniversal), ...extra };
}

export const task: EvalTask = {
  name: 'syntax',
  async run(): Promise<EvalResult> {
    const missing = missingData(path.join(DATA_DIR, 'en_ewt-ud-test.conllu'));
    if (missing) return { task: 'syntax', data: '', rows: [], metrics: {}, skipped: missing };
    const model = loadSyntaxModel();
    const ewt = read('en_ewt-ud-test.conllu');
    const gum = read('en_gum-ud-test.conllu');
    const news = gum.filter((s) => s.doc.startsWith('GUM_news_'));
    const winkTags = (s: TreebankSentence): Uint8Array => Uint8Array.from(winkTagsOf(s), (t) => UPOS_ID.get(t) ?? UPOS_ID.get('X')!);
    const fast = speed(model, ewt);
    const own = { ewt: scoreGoldWords(model, ewt), gum: scoreGoldWords(model, gum), news: scoreGoldWords(model, news) };
    const withWink = { ewt: scoreGoldWords(model, ewt, winkTags), gum: scoreGoldWords(model, gum, winkTags) };
    const onTokens = { ewt: scoreProjectTokens(ewt), gum: scoreProjectTokens(gum), news: scoreProjectTokens(news) };
    const matched = (x: { matched: number }): Record<string, string> => ({ words_matched: (100 * x.matched).toFixed(1) });
    const rows = [
      row('EWT test', 'gold words, own tagger', own.ewt, { sentences_per_s: Math.round(fast.sentencesPerSecond), words_per_s: Math.round(fast.wordsPerSecond) }),
      row('EWT test', 'gold words, wink-nlp tags', withWink.ewt),
      row('EWT test', 'project tokens (syntax stage)', onTokens.ewt, matched(onTokens.ewt)),
      row('GUM test', 'gold words, own tagger', own.gum),
      row('GUM test', 'gold words, wink-nlp tags', withWink.gum),
      row('GUM test', 'project tokens (syntax stage)', onTokens.gum, matched(onTokens.gum)),
      row('GUM test news', 'gold words, own tagger', own.news),
      row('GUM test news', 'project tokens (syntax stage)', onTokens.news, matched(onTokens.news)),
    ];
    return {
      task: 'syntax',
      data: `${ewt.length} EWT and ${gum.length} GUM test sentences (${news.length} GUM news) of ../shared/eval-data/syntax`,
      rows,
      metrics: {
        ewt_upos: own.ewt.upos,
        ewt_uas: own.ewt.uas,
        ewt_las: own.ewt.las,
        gum_upos: own.gum.upos,
        gum_uas: own.gum.uas,
        gum_las: own.gum.las,
        gum_news_uas: own.news.uas,
        gum_news_las: own.news.las,
        ewt_tokens_las: onTokens.ewt.las,
        gum_tokens_las: onTokens.gum.las,
        sentences_per_s: Math.round(fast.sentencesPerSecond),
      },
    };
  },
};
