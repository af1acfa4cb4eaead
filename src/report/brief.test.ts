import { describe, expect, it } from 'vitest';
import type { Story, StoryEntity } from '../story/types.js';
import { briefToMarkdown, escapeMarkdown } from './brief-markdown.js';
import { briefToHtml } from './brief-html.js';
import { excerpt, type BriefArticle } from './brief-model.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function entity(name: string, type: StoryEntity['type'], articles: string[], mentionCount: number): StoryEntity {
  return { id: `ent_${name.toLowerCase().replace(/\W+/g, '_')}`, name, type, aliases: [name], articles, titles: [], merges: [], mentionCount };
}

/** A fictional three-source story with one item of every kind the brief shows. */
function makeStory(overrides: Partial<Story> = {}): Story {
  return {
    id: 'story_1',
    title: 'Ostia and Velmar dispute the Corvin river treaty',
    articles: ['a1', 'a2', 'a3'],
    entities: [entity('Tomas Reld', 'PERSON', ['a1', 'a2', 'a3'], 9), entity('Ostia', 'GPE', ['a1', 'a2'], 6), entity('Mara Quill', 'PERSON', ['a2'], 2)],
    timeline: [
      {
        date: '2025-04-02',
        actors: ['Tomas Reld'],
        action: 'reject',
        summary: 'Reld rejects the draft treaty',
        sources: [
          { article: 'a1', evidence: 'Reld rejected the draft treaty on Wednesday', start: 0, end: 10, reported: '2025-04-03', date: '2025-04-02' },
          { article: 'a2', evidence: 'the minister turned down the draft', start: 0, end: 10, reported: '2025-04-04', date: '2025-04-02' },
          { article: 'a3', evidence: 'Reld said no to the text', start: 0, end: 10, reported: null, date: '2025-04-02' },
        ],
      },
      {
        date: '2025-04-05',
        actors: ['Mara Quill'],
        action: 'visit',
        summary: 'Quill visits the dam',
        sources: [
          { article: 'a2', evidence: 'Quill toured the dam on Saturday', start: 0, end: 10, reported: '2025-04-06', date: '2025-04-05' },
          { article: 'a3', evidence: 'Quill visited the dam on Friday', start: 0, end: 10, reported: null, date: '2025-04-04' },
        ],
        conflictingDates: [
          { date: '2025-04-05', articles: ['a2'] },
          { date: '2025-04-04', articles: ['a3'] },
        ],
      },
    ],
    topics: [{ id: 't1', label: 'signing the treaty', terms: ['treaty', 'sign'], articles: ['a1', 'a2'] }],
    stances: [
      { actor: 'Tomas Reld', topic: 't1', position: 'against', date: '2025-04-02', article: 'a1', evidence: 'We will never sign this text', start: 0, end: 5 },
      { actor: 'Tomas Reld', topic: 't1', position: 'conditional', date: '2025-04-09', article: 'a2', evidence: 'only if the quotas change', start: 0, end: 5, note: 'only if the quotas change' },
      { actor: 'Mara Quill', topic: 't1', position: 'for', date: null, article: 'a2', evidence: HOSTILE, start: 0, end: 5 },
    ],
    contradictions: [
      {
        kind: 'office-holder',
        claim: 'Who is president of Ostia',
        sides: [
          { value: 'Mara Quill', articles: ['a2'], evidence: 'President Mara Quill' },
          { value: 'Ivo Dask', articles: ['a3'], evidence: 'Ostia’s president, Ivo Dask' },
        ],
      },
    ],
    quoteVariants: [
      {
        speaker: 'Tomas Reld',
        similarity: 0.81,
        forms: [
          { article: 'a1', text: 'We will never sign this text', evidence: 'We will never sign this text', start: 0, end: 5 },
          { article: 'a3', text: 'We shall never sign such a text', evidence: 'We shall never sign such a text', start: 0, end: 5 },
        ],
      },
    ],
    singleSource: [{ article: 'a3', claim: 'The dam holds 40% less water than planned', evidence: 'holds 40% less water than planned', start: 0, end: 5, kind: 'statistic' }],
    framing: [
      {
        article: 'a1', kind: 'opinion', kindEvidence: 'opinion from json-ld (@type)', loadedTerms: ['regime'], scareQuotes: ['peace plan'], attributedShare: 0.1,
        quotedSpeakers: ['Tomas Reld'], speakerKinds: { official: 1, analyst: 0, anonymous: 0, other: 0 }, omits: ['Mara Quill'], notes: ['opinion piece'],
      },
      {
        article: 'a2', kind: 'news', kindEvidence: 'news (no label)', loadedTerms: [], scareQuotes: [], attributedShare: 0.55,
        quotedSpeakers: ['Tomas Reld', 'unnamed official'], speakerKinds: { official: 1, analyst: 0, anonymous: 1, other: 0 }, omits: [], notes: [],
      },
    ],
    ...overrides,
  };
}

const ARTICLES: BriefArticle[] = [
  { id: 'a1', title: 'The treaty is a trap', outlet: 'Harbour Ledger', published: '2025-04-03', kind: 'opinion', url: 'https://ledger.example/treaty', path: null },
  { id: 'a2', title: 'Minister turns down draft', outlet: 'Velmar Wire', published: '2025-04-04', kind: 'news', url: null, path: 'fixtures/a2.html' },
  { id: 'a3', title: 'Dam visit', outlet: null, published: null, kind: 'news', url: 'javascript:alert(1)', path: null },
];

const SECTIONS = ['What the sources agree on', 'Where they disagree', 'Contradictions', 'Quotes worded differently', 'Claims only one source makes', 'Timeline', 'Stances', 'Sources'];

describe('briefToMarkdown', () => {
  const md = briefToMarkdown(makeStory(), ARTICLES);

  it('has the title, an overview and every section', () => {
    expect(md.startsWith('# Ostia and Velmar dispute the Corvin river treaty\n')).toBe(true);
    expect(md).toContain('3 sources from 2 named outlets (Harbour Ledger, Velmar Wire), published between 2025-04-03 and 2025-04-04, 1 source without a publication date.');
    expect(md).toContain('Main actors: Tomas Reld, Ostia and Mara Quill.');
    for (const s of SECTIONS) expect(md).toMatch(new RegExp(`^#{2,3} ${s}$`, 'm'));
    expect(md).toContain('### Dates that differ');
  });

  it('cites every point with a label that resolves to a listed source', () => {
    const listed = new Set([...md.matchAll(/^### \[(S\d+)\] /gm)].map((m) => m[1]));
    expect([...listed]).toEqual(['S1', 'S2', 'S3']);
    const cited = new Set([...md.matchAll(/\[(S\d+)\]/g)].map((m) => m[1]));
    for (const c of cited) expect(listed.has(c)).toBe(true);
    expect(md).toContain('### [S1] Harbour Ledger — The treaty is a trap');
  });

  it('says what all sources agree on and quotes each of them', () => {
    const agree = md.slice(md.indexOf('## What the sources agree on'), md.indexOf('## Where they disagree'));
    expect(agree).toContain('Carried by all 3 sources.');
    expect(agree).toContain('[S1] “Reld rejected the draft treaty on Wednesday”');
    expect(agree).toContain('Carried by 2 of 3 sources.');
  });

  it('shows each side of a contradiction and the quote variants with their evidence', () => {
    expect(md).toContain('“Mara Quill” (S2) versus “Ivo Dask” (S3)');
    expect(md).toContain('[S3] “Ostia’s president, Ivo Dask” — *Ivo Dask*');
    expect(md).toContain('[S3] “We shall never sign such a text”');
    expect(md).toContain('Only S3 carries this statistic.');
  });

  it('lays the stances out by actor and date', () => {
    expect(md).toContain('| Actor | 2025-04-02 | 2025-04-09 | undated |');
    const rows = md.split('\n').filter((l) => /^\| (?:Tomas Reld|Mara Quill) \|/.test(l));
    // Actors in the order of their first dated stance; an undated one last.
    expect(rows).toEqual(['| Tomas Reld | against [S1] | conditional [S2] | · |', '| Mara Quill | · | · | for [S2] |']);
  });

  it('gives each source its framing', () => {
    expect(md).toContain('- Loaded terms (outlet’s own voice): regime');
    expect(md).toContain('- Attributed to named sources: 10% of sentences');
    expect(md).toContain('- Who is quoted: 1 official, 1 anonymous: Tomas Reld, unnamed official');
    expect(md).toContain('- Leaves out: Mara Quill');
  });

  it('escapes markup that comes from an article', () => {
    expect(md).not.toContain(HOSTILE);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('a | b *c*')).toBe('a \\| b \\*c\\*');
  });
});

describe('the brief opens with the summary and marks how quotes differ', () => {
  const story = makeStory({
    summary: [{ text: 'Tomas Reld rejected the draft treaty (2 April 2025).', evidence: [{ article: 'a1', evidence: 'Reld rejected the draft treaty on Wednesday', start: 0, end: 10 }] }],
    quoteVariants: [{ speaker: 'Tomas Reld', similarity: 0.8, forms: [
      { article: 'a1', evidence: 'We will never sign', start: 0, end: 5, text: 'We will never sign', wording: [{ op: 'same', text: 'We will' }, { op: 'added', text: 'never' }, { op: 'same', text: 'sign' }] },
      { article: 'a2', evidence: 'We will sign', start: 0, end: 5, text: 'We will sign' },
    ] }],
  });
  const md = briefToMarkdown(story, ARTICLES);

  it('puts the summary lines, with their evidence, before everything else', () => {
    expect(md.indexOf('## Summary')).toBeGreaterThan(0);
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## What the sources agree on'));
    expect(md).toContain('Tomas Reld rejected the draft treaty (2 April 2025).');
    expect(briefToHtml(story, ARTICLES).indexOf('<h2>Summary</h2>')).toBeLessThan(briefToHtml(story, ARTICLES).indexOf('<h2>What the sources agree on</h2>'));
  });

  it('shows the words a rendering adds, and no “100% alike” for different words', () => {
    expect(md).toContain('We will **never** sign');
    expect(briefToHtml(story, ARTICLES)).toContain('We will <ins>never</ins> sign');
    expect(md).not.toMatch(/100% (?:alike|similar)/);
  });
});

describe('briefToHtml', () => {
  const hostileStory = makeStory({ title: `River <script>alert(1)</script> treaty` });
  const hostileArticles = ARTICLES.map((a, i) => (i === 1 ? { ...a, title: `<script>alert("x")</script>${HOSTILE}` } : a));
  const html = briefToHtml(hostileStory, hostileArticles);

  it('renders article text as text, never as markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('River &lt;script&gt;alert(1)&lt;/script&gt; treaty');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('href="javascript:');
  });

  it('is self-contained: no external resource, and only the articles’ own web addresses as links', () => {
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toBe('https://ledger.example/treaty');
    expect(html).not.toMatch(/<link\b|<[a-z][^>]*\ssrc=|@import|url\(/i);
    expect(html).toContain('<style>');
  });

  it('is semantic: one h1, section h2s, a stance table with header scopes and words beside the colours', () => {
    expect(html.match(/<h1>/g)).toHaveLength(1);
    for (const s of ['What the sources agree on', 'Where they disagree', 'Timeline', 'Stances', 'Sources']) expect(html).toContain(`<h2>${s}</h2>`);
    expect(html).toContain('<th scope="col">2025-04-02</th>');
    expect(html).toContain('<th scope="row">Tomas Reld</th>');
    expect(html).toContain('<span class="stance stance-against">against</span>');
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('@media print');
  });

  it('links every citation to a source section that exists', () => {
    const targets = new Set([...html.matchAll(/href="#(src-S\d+)"/g)].map((m) => m[1]));
    expect(targets.size).toBe(3);
    for (const t of targets) expect(html).toContain(`id="${t}"`);
  });
});

describe('a figure only rounded differently', () => {
  const story = makeStory({
    roundings: [{
      kind: 'rounding',
      claim: 'Share of the river water owed to Velmar',
      sides: [
        { value: '44%', articles: ['a1'], evidence: 'owes Velmar 44% of the water' },
        { value: '44.2%', articles: ['a2'], evidence: 'a share of 44.2% of the water' },
      ],
    }],
  });

  it('is said apart in both exports, never among the contradictions', () => {
    const md = briefToMarkdown(story, ARTICLES);
    const rounded = md.indexOf('### Only rounded, not a conflict');
    expect(rounded).toBeGreaterThan(md.indexOf('### Contradictions'));
    expect(md.slice(rounded)).toContain('Only rounded, not a conflict: “44%” (S1) versus “44.2%” (S2).');
    expect(md.slice(md.indexOf('### Contradictions'), rounded)).not.toContain('44.2%');
    const html = briefToHtml(story, ARTICLES);
    expect(html).toContain('<h3>Only rounded, not a conflict</h3>');
    expect(html).toContain('Share of the river water owed to Velmar');
  });

  it('adds no such section when no figure is rounded', () => {
    expect(briefToMarkdown(makeStory(), ARTICLES)).not.toContain('Only rounded');
  });
});

describe('excerpt', () => {
  it('keeps short evidence whole and cuts long evidence only at a word boundary', () => {
    expect(excerpt('short  text\nhere')).toBe('short text here');
    const long = 'alpha beta gamma delta epsilon zeta eta theta';
    const cut = excerpt(long, 20);
    expect(cut).toBe('alpha beta gamma…');
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});
