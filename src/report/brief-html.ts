import type { StancePosition, Story } from '../story/types.js';
import { buildBriefModel, framingFacts, sourceName, type BriefArticle, type BriefEvidence, type BriefPoint, type BriefStanceTable } from './brief-model.js';

export type { BriefArticle } from './brief-model.js';

/** Escape text for HTML content and attribute values: article text is data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only web addresses become links; anything else (javascript:, data:, file paths) is shown as text. */
function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

/** Colours for the stance table; each cell also prints its position in words, so colour is never the only signal. */
const STANCE_COLOURS: Readonly<Record<StancePosition, { bg: string; fg: string }>> = {
  for: { bg: '#d9f2e0', fg: '#14532d' },
  against: { bg: '#fbdcdc', fg: '#7f1d1d' },
  open: { bg: '#dbeafe', fg: '#1e3a8a' },
  conditional: { bg: '#fdf0c8', fg: '#713f12' },
  neutral: { bg: '#ececec', fg: '#333333' },
};

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.25rem; border-bottom: 2px solid #ddd; }
h3 { font-size: 1.08rem; margin: 1.5rem 0 0.5rem; }
.overview { font-size: 1.05rem; }
ins { background: #e6f4ea; text-decoration: none; font-weight: 600; }
del { background: #fde8e8; }
.generated { color: #555; font-size: 0.9rem; }
ul.points { padding-left: 1.1rem; }
ul.points > li { margin-bottom: 0.9rem; }
.point-head { font-weight: 600; }
blockquote { margin: 0.35rem 0 0.35rem 0.2rem; padding: 0.2rem 0.7rem; border-left: 3px solid #bbb; color: #222; background: #fafafa; }
blockquote .note { display: block; color: #555; font-size: 0.85rem; font-style: italic; }
a.cite { font-weight: 600; text-decoration: none; white-space: nowrap; }
a.cite:hover, a.cite:focus { text-decoration: underline; }
.empty { color: #666; font-style: italic; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; min-width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid #ccc; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f3f3; }
th[scope=row] { background: #fafafa; font-weight: 600; }
.stance { display: inline-block; border-radius: 0.25rem; padding: 0.05rem 0.35rem; margin: 0.1rem 0; font-weight: 600; }
${Object.entries(STANCE_COLOURS).map(([p, c]) => `.stance-${p} { background: ${c.bg}; color: ${c.fg}; }`).join('\n')}
dl.facts { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.25rem 0.9rem; margin: 0.4rem 0 1rem; }
dl.facts dt { font-weight: 600; color: #333; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.source { border-top: 1px solid #e5e5e5; padding-top: 0.4rem; }
.source:target { background: #fffbe6; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.4rem; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  li, blockquote, tr, .source { break-inside: avoid; }
  .stance { border: 1px solid #888; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function cite(label: string): string {
  return `<a class="cite" href="#src-${escapeHtml(label)}">[${escapeHtml(label)}]</a>`;
}

/** A quote's wording against the fullest rendering: added words inserted, dropped ones deleted. */
function wordingHtml(e: BriefEvidence): string {
  return (e.wording ?? []).map((p) => (p.op === 'same' ? escapeHtml(p.text) : p.op === 'added' ? `<ins>${escapeHtml(p.text)}</ins>` : `<del>${escapeHtml(p.text)}</del>`)).join(' ');
}

function evidenceHtml(e: BriefEvidence): string {
  const note = e.note ? `<span class="note">${escapeHtml(e.note)}</span>` : '';
  return `<blockquote>${cite(e.label)} “${e.wording?.length ? wordingHtml(e) : escapeHtml(e.quote)}”${note}</blockquote>`;
}

function pointsHtml(items: readonly BriefPoint[], empty: string): string {
  if (items.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const li = items.map(
    (p) => `<li><span class="point-head">${escapeHtml(p.heading)}</span>${p.detail ? ` — ${escapeHtml(p.detail)}` : ''}${p.evidence.map(evidenceHtml).join('')}</li>`,
  );
  return `<ul class="points">${li.join('\n')}</ul>`;
}

function stanceTableHtml(t: BriefStanceTable): string {
  const head = `<tr><th scope="col">Actor</th>${t.dates.map((d) => `<th scope="col">${escapeHtml(d)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((r) => {
    const cells = r.cells.map((c) =>
      c.length
        ? `<td>${c.map((s) => `<span class="stance stance-${s.position}">${escapeHtml(s.position)}</span> ${cite(s.label)}`).join('<br>')}</td>`
        : '<td><span class="empty" aria-label="no stance">·</span></td>',
    );
    return `<tr><th scope="row">${escapeHtml(r.actor)}</th>${cells.join('')}</tr>`;
  });
  return [
    `<h3>${escapeHtml(t.topic)}</h3>`,
    `<div class="table-wrap"><table><caption class="generated">Position of each actor by date (colour and words: for, against, open, conditional, neutral)</caption><thead>${head}</thead><tbody>${rows.join('\n')}</tbody></table></div>`,
    pointsHtml(t.evidence, ''),
  ].join('\n');
}

/**
 * The analyst's brief as one self-contained HTML page: inline CSS, no scripts,
 * no external resources (only the articles' own web addresses as links). Every
 * string from an article is escaped. Readable on a phone, a laptop and paper.
 *
 * @example
 * writeFileSync('brief.html', briefToHtml(story, articles));
 */
export function briefToHtml(story: Story, articles: BriefArticle[]): string {
  const m = buildBriefModel(story, articles);
  const sources = m.sources.map((s) => {
    const a = s.article;
    const link = a.url && isWebAddress(a.url) ? `<dt>Link</dt><dd><a href="${escapeHtml(a.url)}" rel="noopener noreferrer">${escapeHtml(a.url)}</a></dd>` : a.url ? `<dt>Address</dt><dd>${escapeHtml(a.url)}</dd>` : '';
    const file = a.path ? `<dt>File</dt><dd><code>${escapeHtml(a.path)}</code></dd>` : '';
    const facts = framingFacts(s).map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('');
    return `<section class="source" id="src-${escapeHtml(s.label)}"><h3>[${escapeHtml(s.label)}] ${escapeHtml(sourceName(a))}</h3><dl class="facts">${facts}${link}${file}</dl></section>`;
  });
  const body = [
    `<h1>${escapeHtml(m.title)}</h1>`,
    ...(m.summary.length ? ['<h2>Summary</h2>', pointsHtml(m.summary, '')] : []),
    `<p class="overview">${escapeHtml(m.overview)}</p>`,
    '<h2>What the sources agree on</h2>',
    pointsHtml(m.agreements, 'No event is reported by more than one source.'),
    '<h2>Where they disagree</h2>',
    '<h3>Contradictions</h3>',
    pointsHtml(m.contradictions, 'No contradiction found.'),
    ...(m.roundings.length ? ['<h3>Only rounded, not a conflict</h3>', pointsHtml(m.roundings, '')] : []),
    ...(m.dateConflicts.length ? ['<h3>Dates that differ</h3>', pointsHtml(m.dateConflicts, '')] : []),
    '<h3>Quotes worded differently</h3>',
    pointsHtml(m.quoteVariants, 'No quote is worded differently across sources.'),
    '<h3>Claims only one source makes</h3>',
    pointsHtml(m.singleSource, 'No single-source claim found.'),
    '<h2>Timeline</h2>',
    pointsHtml(m.timeline, 'No dated event.'),
    '<h2>Stances</h2>',
    m.stanceTables.length ? m.stanceTables.map(stanceTableHtml).join('\n') : '<p class="empty">No stance found.</p>',
    '<h2>Sources</h2>',
    sources.join('\n'),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(m.title)} — brief</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    `<p class="generated">Analyst’s brief from ${m.sources.length} sources, generated by Parallax. Quotations are verbatim from the articles; “…” marks a cut.</p>`,
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
