import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../core/index.js';
import { extractFromHtml } from './index.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('extractFromHtml on a news page with JSON-LD and furniture', () => {
  const result = extractFromHtml(fixture('news-jsonld.html'), { url: 'https://gazette.example/local/2031/barrier' });

  it('keeps the article paragraphs and the sub-heading, separated by blank lines', () => {
    expect(result.text.startsWith('KESTERFORD, April 7 (Gazette Wire) - The harbour council approved')).toBe(true);
    expect(result.text).toContain('\n\nCost and timetable\n\n');
    expect(result.text).toContain('The water will not wait for us to finish arguing.');
    expect(result.text.split('\n\n')).toHaveLength(6);
  });

  it('drops navigation, share bar, related list, comments and footer', () => {
    for (const furniture of ['Home', 'Share on Facebook', 'Related stories', 'Storm surge floods', 'common sense', 'All rights reserved', 'Privacy']) {
      expect(result.text).not.toContain(furniture);
    }
  });

  it('marks blocks by offset, the heading as a heading', () => {
    const heading = result.blocks!.find((b) => b.kind === 'heading')!;
    expect(result.text.slice(heading.start, heading.end)).toBe('Cost and timetable');
    for (const b of result.blocks!) expect(result.text.slice(b.start, b.end).trim()).toBe(result.text.slice(b.start, b.end));
  });

  it('reads metadata from JSON-LD @graph with its evidence', () => {
    const { meta } = result;
    expect(meta.title?.value).toBe('Harbour council approves tidal barrier plan');
    expect(meta.published).toEqual({
      value: '2031-04-07T09:15:00+01:00',
      evidence: { source: 'json-ld', at: 'ld[0].@graph[1].datePublished', raw: '2031-04-07T09:15:00+01:00' },
    });
    expect(meta.modified?.value).toBe('2031-04-07T11:02:00+01:00');
    expect(meta.authors?.value).toEqual(['Ilse Varga', 'Tomas Brennick']);
    expect(meta.outlet?.value).toBe('The Northmere Gazette');
    expect(meta.section?.value).toBe('Local News');
    expect(meta.language?.value).toBe('en-GB');
    expect(meta.description?.value).toBe('Councillors voted 9 to 4 for the & barrier scheme.');
    expect(meta.kind?.value).toBe('news');
  });

  it('takes the dateline place into meta and leaves it in the text', () => {
    expect(meta(result).dateline?.value).toBe('KESTERFORD');
    expect(meta(result).dateline?.evidence.raw).toBe('KESTERFORD, April 7 (Gazette Wire) -');
  });
});

function meta(r: ReturnType<typeof extractFromHtml>) {
  return r.meta;
}

describe('extractFromHtml on a page with only OpenGraph meta', () => {
  const result = extractFromHtml(fixture('opengraph-only.html'), { url: 'https://courrier.example/culture/lanternes' });

  it('reads title, outlet, author, date, section, language from meta tags', () => {
    const m = result.meta;
    expect(m.title?.value).toBe('Les lanternes de Valbrune rallumées');
    expect(m.outlet?.value).toBe('Le Courrier des Collines');
    expect(m.authors?.value).toEqual(['Odile Marchetti']);
    expect(m.published?.value).toBe('2030-11-02T18:40:00Z');
    expect(m.published?.evidence).toMatchObject({ source: 'meta', at: 'meta[property="article:published_time"]' });
    expect(m.section?.value).toBe('Culture');
    expect(m.language?.value).toBe('fr');
  });

  it('extracts the body without the menu', () => {
    expect(result.text).toMatch(/^Après trois années/);
    expect(result.text).not.toContain('Accueil');
    expect(result.text.split('\n\n')).toHaveLength(3);
  });

  it('claims no kind when nothing states one', () => {
    expect(result.meta.kind).toBeUndefined();
  });
});

describe('a page showing today\'s date and a copyright year but no article date', () => {
  const result = extractFromHtml(fixture('no-article-date.html'), { url: 'https://herald.example/2030/keepers' });

  it('leaves published absent rather than guessing', () => {
    expect(result.meta.published).toBeUndefined();
  });

  it('removes the site name from the <title> and keeps it as the outlet', () => {
    expect(result.meta.title?.value).toBe('Lighthouse keepers return to Skellan Point');
    expect(result.meta.outlet?.value).toBe('Skellan Herald');
  });

  it('keeps the ticker and copyright out of the text', () => {
    expect(result.text).not.toContain('Ferry timetable');
    expect(result.text).not.toContain('Copyright');
  });
});

describe('an opinion page', () => {
  const result = extractFromHtml(fixture('opinion.html'), { url: 'https://courier.example/comment/rivers' });

  it('is kind opinion, from the JSON-LD type', () => {
    expect(result.meta.kind).toEqual({ value: 'opinion', evidence: { source: 'json-ld', at: 'ld[0].@type', raw: 'OpinionNewsArticle' } });
  });

  it('repairs the trailing comma in its JSON-LD and strips "By" from the author', () => {
    expect(result.meta.authors?.value).toEqual(['Hanne Solvik']);
    expect(result.meta.published?.value).toBe('2032-06-01');
    expect(result.messages).toEqual([]);
  });

  it('drops the author bio at the end', () => {
    expect(result.text).not.toContain('retired hydrologist');
    expect(result.text).toContain('pay for the damage it causes.');
  });

  it('reads kind from the URL path when the page has no type', () => {
    const html = fixture('opinion.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    expect(extractFromHtml(html, { url: 'https://courier.example/opinion/rivers' }).meta.kind).toEqual({
      value: 'opinion',
      evidence: { source: 'url', at: 'path', raw: 'opinion' },
    });
  });

  it('skips JSON-LD that cannot be repaired, with a message', () => {
    const html = fixture('opinion.html').replace('"headline"', '{{"headline"');
    const r = extractFromHtml(html, {});
    expect(r.messages.map((m) => m.code)).toContain('W_JSONLD_PARSE');
    expect(r.meta.title?.value).toBe('Our rivers deserve better than promises');
  });
});

describe('a truncated page', () => {
  it('yields the text it holds without throwing', () => {
    const result = extractFromHtml(fixture('truncated.html'));
    expect(result.text).toContain('Workers finished repairing the roof');
    expect(result.text).toContain('until the end of the yea');
    expect(result.meta.published?.value).toBe('2029-09-09');
  });
});

describe('a page that is only navigation', () => {
  it('throws ExtractError E_NO_ARTICLE', () => {
    let caught: unknown;
    try {
      extractFromHtml(fixture('navigation-only.html'), { url: 'https://weekly.example/sitemap' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExtractError);
    expect((caught as ExtractError).code).toBe('E_NO_ARTICLE');
    expect((caught as ExtractError).message).toContain('https://weekly.example/sitemap');
  });

  it('throws E_NO_ARTICLE for an empty string too', () => {
    expect(() => extractFromHtml('')).toThrow(ExtractError);
  });
});

describe('deep, huge or cut markup', () => {
  const PARAGRAPHS = ['The harbour council of Veldmark voted on Tuesday to close the old ferry pier for repairs.', 'Council chair Oskar Lindqvist said the decision was overdue and that the work would take four months.'];
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

  it('flattens 100,000 nested elements instead of overflowing the stack, and says so', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}${body}${'</div>'.repeat(100_000)}</body></html>`;
    const out = extractFromHtml(html, { name: 'deep.html' });
    expect(out.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(out.messages).toContainEqual(expect.objectContaining({ code: 'W_DEEP_NESTING', level: 'warning', reason: 'deep.html: elements are nested 100,000 deep; past 256 levels 99,744 tags were dropped and their text kept in place' }));
  });

  it('reads pages with a 5 MB attribute value, or 20,000 iframes and scripts', () => {
    for (const noise of [`<div data-state="${'x'.repeat(5_000_000)}"></div>`, '<iframe src="/ad"></iframe>'.repeat(20_000), '<script>var a = "<div>";</script>'.repeat(20_000)]) {
      const out = extractFromHtml(`<html><body>${noise}<article>${body}</article></body></html>`);
      expect(out.text).toBe(PARAGRAPHS.join('\n\n'));
      expect(out.messages.filter((m) => m.level === 'warning')).toEqual([]);
    }
  });

  it('keeps what a page cut mid-tag, mid-comment or mid-script holds, with a warning', () => {
    const whole = `<html><body><article>${body}<p>More to come.</p></article></body></html>`;
    expect(extractFromHtml(whole).messages.filter((m) => m.code === 'W_TRUNCATED_HTML')).toEqual([]);
    for (const [cut, where] of [
      [`<html><body><article>${body}<p class="la`, 'inside a tag'],
      [`<html><body><article>${body}<!-- related links`, 'inside a comment'],
      [`<html><body><article>${body}<script>var pending = [`, 'inside a script or style'],
    ] as const) {
      const out = extractFromHtml(cut, { name: 'cut.html' });
      expect(out.text).toBe(PARAGRAPHS.join('\n\n'));
      expect(out.messages).toContainEqual(expect.objectContaining({ code: 'W_TRUNCATED_HTML', reason: `cut.html: the page ends ${where}: it was cut short, and only what came before is read` }));
    }
  });
});

describe('a hover card on a name inside a sentence', () => {
  it('keeps the name in the sentence and drops the card that pops up', () => {
    const card = '<span class="rollover-people"><a class="rollover-people-link" href="/people/ilse-brandt">Ilse Brandt</a><span class="rollover-people-block"><a href="/people/ilse-brandt">Ilse Maria Brandt</a> <a href="/a/1">Harbour master warns of winter storms</a> <a href="/a/2">Veldmark ferries to run until March</a> <a href="/people/ilse-brandt">MORE</a></span></span>';
    const html = `<html><body><article><p>Harbour master ${card} (Ind.) is defending the council's decision to close the old ferry pier for four months of repairs.</p><p>The work will start in January and the ferries will dock at the new quay until it ends, the council said on Tuesday.</p></article></body></html>`;
    const out = extractFromHtml(html);
    expect(out.text).toContain('Harbour master Ilse Brandt (Ind.) is defending the council');
    expect(out.text).not.toContain('Veldmark ferries to run until March');
  });
});
