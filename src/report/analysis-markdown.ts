import type { AnnotationsJson } from './annotations-json.js';
import type { ArticleJson } from './article-json.js';

type Article = ArticleJson & AnnotationsJson;

function quoteLine(q: Article['quotes'][number]): string {
  const words = q.direct ? `“${q.text.replace(/\s+/g, ' ')}”` : q.text.replace(/\s+/g, ' ');
  return `- **${q.speaker ?? 'unattributed'}**${q.cue ? ` (${q.cue})` : ''}: ${words}`;
}

/** A per-article reading in Markdown: who is named, who said what, what happened when. */
export function analysisToMarkdown(analysis: { articles: Article[] }): string {
  const out: string[] = ['# Parallax analysis', ''];
  for (const a of analysis.articles) {
    out.push(`## ${a.title ?? '(untitled)'}`, '', `*${[a.outlet, a.author, a.published ?? 'date not stated', a.kind].filter(Boolean).join(' · ')}* — \`${a.id}\``, '');
    const people = [...new Set(a.entities.filter((e) => e.type === 'PERSON' && e.form === 'name').map((e) => e.text))];
    if (people.length) out.push(`**People:** ${people.join(', ')}`, '');
    if (a.quotes.length) out.push('**Quotes**', '', ...a.quotes.map(quoteLine), '');
    const dated = a.events.filter((e) => e.date);
    if (dated.length) {
      out.push('**Events**', '');
      for (const e of dated) out.push(`- ${e.date} — ${e.action}${e.actor ? ` (${e.actor})` : ''}: ${e.summary}`);
      out.push('');
    }
  }
  return out.join('\n');
}
