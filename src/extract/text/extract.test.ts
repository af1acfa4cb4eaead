import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../core/index.js';
import { parseDateLine } from './dates.js';
import { nameFromBio, nameFromBylineLine } from './byline.js';
import { extractFromText } from './index.js';
import { extractArticle } from '../index.js';

// A fictional page about a fictional town, flattened the way scrapers flatten pages.
const PARAGRAPHS = [
  'Harbourtown, HCN – The council of Harbourtown voted on Tuesday to rebuild the old stone bridge that has linked the two halves of the town since the eighteenth century.',
  'The vote followed months of debate about the cost of the work, which engineers put at twelve million crowns, and about whether a new crossing should be built further upstream instead.',
  'Councillor Mira Falk, who proposed the plan, said the bridge was part of the identity of the town and that residents had asked for it to be saved rather than replaced.',
  'Opponents argued that the money would be better spent on the ferry service, which carries more than two thousand passengers a day during the summer season.',
  'Work is expected to begin in the spring and to last about two years, during which a temporary footbridge will carry pedestrians across the river.',
];

const PAGE = [
  'The Harbourtown Courier',
  '',
  '  • Home',
  '  • Local',
  '  • Business',
  '  • Sport',
  '  • Culture',
  '  • Contact',
  'The Harbourtown Courier',
  'BREAKING',
  'Ferry timetable changes announced for the winter months.',
  'Lighthouse museum reopens after storm damage repairs.',
  'Local',
  '',
  'Harbourtown votes to rebuild its old stone bridge',
  '',
  '  • By Anna Lindqvist',
  '  • Source: The Harbourtown Courier',
  '  • 14 Oct 2031 09:15',
  '  • 12 Shares',
  '3 Min Read',
  '',
  'The council chose restoration over a new crossing after months of debate.',
  '',
  'The old stone bridge at dusk (Photo: Jon Berg / Courier)',
  '',
  PARAGRAPHS[0],
  '',
  PARAGRAPHS[1],
  '',
  'A long debate',
  '',
  PARAGRAPHS[2],
  '',
  'Related News',
  '',
  'Ferry fares to rise next year',
  '',
  'Harbour festival draws record crowds',
  '',
  PARAGRAPHS[3],
  '',
  PARAGRAPHS[4],
  '',
  '  • Bridges',
  '  • Council',
  '  • Harbourtown',
  'Anna Lindqvist',
  '',
  'Anna Lindqvist is a reporter covering local politics for the Courier.',
  '',
  'Leave a Reply',
  '',
  'Your email address will not be published. Required fields are marked *',
  '',
  'Most Read',
  '',
  'Ferry fares to rise next year',
  '',
  '© 2031 The Harbourtown Courier. All rights reserved.',
  '  • Privacy Policy',
  '  • Terms of Use',
].join('\n');

describe('extractFromText on a fictional news page', () => {
  const result = extractFromText(PAGE);

  it('keeps every body paragraph and the sub-heading between them, in order', () => {
    const paragraphs = result.text.split('\n\n');
    const order = PARAGRAPHS.map((p) => paragraphs.indexOf(p!));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(paragraphs).toContain('A long debate');
  });

  it('leaves out menus, ticker, counters, caption, related block, tags, bio, comment form and footer', () => {
    for (const furniture of [
      'Home', 'BREAKING', 'Ferry timetable changes', 'Shares', 'Min Read', 'Photo: Jon Berg', 'Related News',
      'Ferry fares to rise', 'Harbour festival', 'Bridges', 'is a reporter covering', 'Leave a Reply',
      'Your email address', 'Most Read', 'All rights reserved', 'Privacy Policy',
    ]) expect(result.text).not.toContain(furniture);
  });

  it('reads title, author, date, outlet, section and dateline with their lines as evidence', () => {
    const { meta } = result;
    expect(meta.title?.value).toBe('Harbourtown votes to rebuild its old stone bridge');
    expect(meta.title?.evidence).toEqual({ source: 'line', at: 'line 15', raw: 'Harbourtown votes to rebuild its old stone bridge' });
    expect(meta.authors?.value).toEqual(['Anna Lindqvist']);
    expect(meta.published?.value).toBe('2031-10-14T09:15');
    expect(meta.published?.evidence.at).toBe('line 19');
    expect(meta.outlet?.value).toBe('The Harbourtown Courier');
    expect(meta.section?.value).toBe('Local');
    expect(meta.kind?.value).toBe('news');
    expect(meta.kind?.evidence.source).toBe('inferred');
    expect(meta.dateline?.value).toBe('Harbourtown');
    expect(meta.language?.value).toBe('en');
  });

  it('labels every non-empty line for the debugging view', () => {
    const labels = new Map(result.lines?.map((l) => [l.n, l.label]));
    expect(labels.get(15)).toBe('headline');
    expect(labels.get(19)).toBe('date');
    expect(labels.get(31)).toBe('subheading');
    expect(labels.get(27)).toBe('body');
    expect(labels.get(2)).toBeUndefined();
  });
});

describe('extractFromText on harder heads', () => {
  it('does not take the page header date of viewing, nor invent a title from the first sentence', () => {
    const page = ['Sunday, March 3, 2041', '', 'Date:', '', ...PARAGRAPHS.slice(1), '', 'Latest stories'].join('\n');
    const { meta, text } = extractFromText(page);
    expect(meta.published).toBeUndefined();
    expect(meta.title).toBeUndefined();
    expect(text).toContain(PARAGRAPHS[1]);
    expect(text).not.toContain('Sunday, March 3, 2041');
  });

  it('reads the opinion label and an author bio after the body', () => {
    const page = [
      'OpinionCulture', '', 'Why Harbourtown should keep its stone bridge', '',
      ...PARAGRAPHS.slice(1).flatMap((p) => [p!, '']),
      'Mira Holm', '', 'I’m Mira Holm, the founder of Bridge Watch Journal. I write about towns and their rivers.', '',
      'Leave a Reply',
    ].join('\n');
    const { meta, text } = extractFromText(page);
    expect(meta.section?.value).toBe('Opinion');
    expect(meta.kind?.value).toBe('opinion');
    expect(meta.authors?.value).toEqual(['Mira Holm']);
    expect(meta.outlet?.value).toBe('Bridge Watch Journal');
    expect(text).not.toContain('founder');
  });

  it("reads a dump tool's address line and a store's glued date as metadata, never as body or title", () => {
    const page = ['URL: https://courier.example/news/bridge-vote', ' date 2041-03-05 Harbourtown votes to rebuild its old stone bridge', '', ...PARAGRAPHS.flatMap((p) => [p!, ''])].join('\n');
    const { meta, text } = extractFromText(page);
    expect(meta.url).toEqual({ value: 'https://courier.example/news/bridge-vote', evidence: { source: 'line', at: 'line 1', raw: 'URL: https://courier.example/news/bridge-vote' } });
    expect(meta.published?.value).toBe('2041-03-05');
    expect(meta.published?.evidence.raw).toBe('date 2041-03-05');
    expect(meta.title?.value).toBe('Harbourtown votes to rebuild its old stone bridge');
    expect(text).not.toContain('courier.example');
    expect(text).not.toContain('2041-03-05');
    // The site names the outlet when the page does not.
    expect(meta.outlet).toEqual({ value: 'courier.example', evidence: { source: 'url', at: 'host', raw: 'courier.example' } });
  });

  it('takes the headline, not the standfirst under it, and no two-sentence standfirst as a headline', () => {
    const body = PARAGRAPHS.flatMap((p) => [p!, '']);
    const both = ['Harbourtown bridge to be rebuilt', 'Councillor Mira Falk says residents asked for the stone bridge to be saved rather than replaced by a new crossing', '', ...body].join('\n');
    expect(extractFromText(both).meta.title?.value).toBe('Harbourtown bridge to be rebuilt');
    const standfirstOnly = ['Councillor Falk wants the stone bridge saved. Engineers put the cost of the work at twelve million crowns', '', ...body].join('\n');
    expect(extractFromText(standfirstOnly).meta.title).toBeUndefined();
  });

  it("dates the story from its dateline's full date when no date line says better", () => {
    const first = 'Harbourtown, March 4, 2041 – The council of Harbourtown voted to rebuild the old stone bridge that has linked the two halves of the town since the eighteenth century.';
    const { meta } = extractFromText([first, '', ...PARAGRAPHS.slice(1).flatMap((p) => [p!, ''])].join('\n'));
    expect(meta.published?.value).toBe('2041-03-04');
    expect(meta.dateline?.value).toBe('Harbourtown');
  });

  it("reads a numeric date line in the order of the outlet's country, and only its year when nothing says", () => {
    const dump = ['Harbourtown votes to rebuild its old stone bridge', '07.03.24 13:46', '', ...PARAGRAPHS.slice(1).flatMap((p) => [p!, ''])].join('\n');
    expect(extractFromText(dump, { url: 'https://courier.example.co.uk/a' }).meta.published?.value).toBe('2024-03-07T13:46');
    expect(extractFromText(dump, { url: 'https://courier.example.gov/a' }).meta.published?.value).toBe('2024-07-03T13:46');
    expect(extractFromText(dump, { url: 'https://courier.example.com/a' }).meta.published?.value).toBe('2024');
    const withOther = dump.replace('07.03.24 13:46', '07.03.24 13:46 · first printed 25.02.24');
    expect(extractFromText(withOther).meta.published?.value).toBe('2024-03-07T13:46');
  });

  it('throws E_TEXT_EMPTY on a dump without words', () => {
    expect(() => extractFromText('\n  \n•\n')).toThrow(ExtractError);
  });
});

describe('extractFromText: what is not the page', () => {
  it('reads a crawler\'s URL line and a store\'s date stamp as metadata, not text', () => {
    const dump = [
      'URL: https://news.example.org/2031/05/02/harbour-wall-breached/',
      ' date 2031-05-03 Harbour wall breached after storm',
      'The harbour wall at Velmar gave way on Friday night, officials of the port authority said.',
      'Crews worked through the weekend to close the gap before the next high tide, the authority said.',
    ].join('\n');
    const { text, meta } = extractFromText(dump);
    expect(meta.url?.value).toBe('https://news.example.org/2031/05/02/harbour-wall-breached/');
    expect(meta.published?.value).toBe('2031-05-03');
    expect(text).not.toContain('URL:');
    expect(text).not.toContain('date 2031');
  });

  it('keeps a last paragraph that a wire credit closes, without the credit', () => {
    const dump = [
      'Harbour wall breached after storm',
      ...PARAGRAPHS.slice(0, 4),
      'Diplomatic efforts to settle the dispute over the harbour fees have failed so far.  (hcn/Reuters)',
    ].join('\n');
    const { text } = extractFromText(dump);
    expect(text.endsWith('Diplomatic efforts to settle the dispute over the harbour fees have failed so far.')).toBe(true);
    expect(text).not.toContain('Reuters');
  });

  it('takes the date from the address when no stamp or date line gives one', () => {
    // A past date: an address dated in the future is not believed.
    const dump = 'URL: https://news.example.org/2024/05/02/harbour-wall-breached/\nThe harbour wall at Velmar gave way overnight, officials of the port authority said this morning.';
    expect(extractArticle({ source: {}, format: 'text', content: dump, encoding: 'utf-8', fetchedAt: '2024-05-02T08:00:00Z' }).meta.published).toMatchObject({ value: '2024-05-02', evidence: { source: 'url' } });
  });

  it('never names the outlet after the platform in a "Powered by" footer', () => {
    const dump = ['Harbour wall breached', 'The harbour wall at Velmar gave way on Friday night, officials of the port authority said in a statement to reporters.', '© Copyright 2031. All Rights Reserved Powered by Quillstack Media.'].join('\n');
    expect(extractFromText(dump).meta.outlet).toBeUndefined();
  });
});

describe('line readers', () => {
  it('parses date lines at the printed precision', () => {
    expect(parseDateLine('12 Mar 2031 14:58')).toBe('2031-03-12T14:58');
    expect(parseDateLine('Mar 5, 2031, 11:22 PM')).toBe('2031-03-05T23:22');
    expect(parseDateLine('Published 3 May 2031')).toBe('2031-05-03');
    expect(parseDateLine('Shares 12')).toBeNull();
  });

  it('reads names from bylines, doubled author widgets and bios, and refuses furniture', () => {
    expect(nameFromBylineLine('By Jane Roe and Sam Poe')).toBe('Jane Roe');
    expect(nameFromBylineLine('Jane Roe Jane Roe')).toBe('Jane Roe');
    expect(nameFromBylineLine('Jane Roe, Staff Writer')).toBe('Jane Roe');
    expect(nameFromBylineLine('By Staff, Agencies')).toBe('Staff, Agencies');
    expect(nameFromBylineLine('Most Read Most Read')).toBeNull();
    expect(nameFromBylineLine('T T')).toBeNull();
    expect(nameFromBio('Jane Roe is a reporter for the Courier.')).toBe('Jane Roe');
  });
});

describe('picture credits and source labels between paragraphs', () => {
  it('are left out of the body, the paragraphs and the caption around them kept', () => {
    const page = [
      'Harbourtown keeps its ferry running through the winter',
      '',
      PARAGRAPHS[0],
      '',
      'This combination of satellite images from a mapping company shows the harbour wall on July 2, top, and the same stretch of wall after the storm on September 14. (Source: Harbour News Agency)',
      '',
      PARAGRAPHS[1],
      'Jon Berg/AP',
      PARAGRAPHS[2],
      'Source: the harbour master’s statement after the council meeting',
      PARAGRAPHS[3],
      '',
      PARAGRAPHS[4],
    ].join('\n');
    const { text } = extractFromText(page);
    for (const p of PARAGRAPHS) expect(text).toContain(p);
    expect(text).toContain('This combination of satellite images');
    expect(text).not.toContain('Jon Berg/AP');
    expect(text).not.toContain('Source: the harbour master');
  });
});
