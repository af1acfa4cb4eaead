import type { Story } from '../story/types.js';
import { buildBriefModel, framingFacts, sourceName, type BriefArticle, type BriefEvidence, type BriefPoint } from './brief-model.js';

export type { BriefArticle } from './brief-model.js';

/** Backslash-escape Markdown syntax in text that comes from an article, so it reads as written and never as markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&');
}

function cite(label: string): string {
  return `[${label}]`;
}

/** A quote's wording against the fullest rendering: added words in bold, dropped ones struck through. */
function wordingMarkdown(e: BriefEvidence): string {
  return (e.wording ?? []).map((p) => (p.op === 'same' ? escapeMarkdown(p.text) : p.op === 'added' ? `**${escapeMarkdown(p.text)}**` : `~~${escapeMarkdown(p.text)}~~`)).join(' ');
}

function evidenceLine(e: BriefEvidence): string {
  const quote = e.wording?.length ? wordingMarkdown(e) : escapeMarkdown(e.quote);
  return `  - ${cite(e.label)} “${quote}”${e.note ? ` — *${escapeMarkdown(e.note)}*` : ''}`;
}

function points(items: readonly BriefPoint[], empty: string): string[] {
  if (items.length === 0) return [`*${empty}*`, ''];
  const out: string[] = [];
  for (const p of items) {
    out.push(`- **${escapeMarkdown(p.heading)}**${p.detail ? ` — ${escapeMarkdown(p.detail)}` : ''}`);
    out.push(...p.evidence.map(evidenceLine));
  }
  out.push('');
  return out;
}

/**
 * The analyst's brief in Markdown: overview, what the sources agree on, where
 * they disagree, the timeline, the stance table and each source's framing. Every
 * point cites its sources as `[S1]` (listed under "Sources") and quotes the words.
 *
 * @example
 * writeFileSync('brief.md', briefToMarkdown(story, articles));
 */
export function briefToMarkdown(story: Story, articles: BriefArticle[]): string {
  const m = buildBriefModel(story, articles);
  const out: string[] = [`# ${escapeMarkdown(m.title)}`, ''];
  if (m.summary.length) out.push('## Summary', '', ...points(m.summary, ''));
  out.push(escapeMarkdown(m.overview), '');

  out.push('## What the sources agree on', '', ...points(m.agreements, 'No event is reported by more than one source.'));

  out.push('## Where they disagree', '');
  out.push('### Contradictions', '', ...points(m.contradictions, 'No contradiction found.'));
  if (m.roundings.length) out.push('### Only rounded, not a conflict', '', ...points(m.roundings, ''));
  if (m.dateConflicts.length) out.push('### Dates that differ', '', ...points(m.dateConflicts, ''));
  out.push('### Quotes worded differently', '', ...points(m.quoteVariants, 'No quote is worded differently across sources.'));
  out.push('### Claims only one source makes', '', ...points(m.singleSource, 'No single-source claim found.'));

  out.push('## Timeline', '', ...points(m.timeline, 'No dated event.'));

  out.push('## Stances', '');
  if (m.stanceTables.length === 0) out.push('*No stance found.*', '');
  for (const t of m.stanceTables) {
    out.push(`### ${escapeMarkdown(t.topic)}`, '');
    out.push(`| Actor | ${t.dates.map(escapeMarkdown).join(' | ')} |`, `|---|${t.dates.map(() => '---').join('|')}|`);
    for (const r of t.rows) {
      const cells = r.cells.map((c) => c.map((s) => `${s.position} ${cite(s.label)}`).join('; ') || '·');
      out.push(`| ${escapeMarkdown(r.actor)} | ${cells.join(' | ')} |`);
    }
    out.push('', ...points(t.evidence, ''));
  }

  out.push('## Sources', '');
  for (const s of m.sources) {
    out.push(`### ${cite(s.label)} ${escapeMarkdown(sourceName(s.article))}`, '');
    if (s.article.url && /^https?:\/\//i.test(s.article.url)) out.push(`- Link: <${s.article.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
    else if (s.article.url) out.push(`- Address: ${escapeMarkdown(s.article.url)}`);
    if (s.article.path) out.push(`- File: \`${s.article.path.replace(/`/g, "'")}\``);
    out.push(...framingFacts(s).map((f) => `- ${f.label}: ${escapeMarkdown(f.value)}`), '');
  }
  return out.join('\n');
}
