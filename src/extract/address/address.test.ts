import { describe, expect, it } from 'vitest';
import type { RawPage } from '../../core/index.js';
import { extractArticle } from '../index.js';
import { countryOfHost, dateFromAddress, dateOrderOfCountry, registrableDomain, type PageDateClues } from './index.js';

const NO_CLUES: PageDateClues = { order: null, statedDays: new Set(), leadWeekdays: [] };
/** 1 June 2031, so that the dates below are not in the future. */
const NOW = Date.UTC(2031, 5, 1);
const at = (url: string, clues: PageDateClues = NO_CLUES) => dateFromAddress(url, clues, NOW)?.iso ?? null;

describe('the date in an address', () => {
  it('reads date paths, ISO and compact dates in the slug, and keeps a month path at month precision', () => {
    expect(at('https://courier.example/2031/04/26/bridge-vote/')).toBe('2031-04-26');
    expect(at('https://courier.example/news/2031/4/6/bridge-vote')).toBe('2031-04-06');
    expect(at('https://courier.example/news/bridge-vote-2031-04-26.html')).toBe('2031-04-26');
    expect(at('https://courier.example/news/20310426/bridge-vote')).toBe('2031-04-26');
    expect(at('https://courier.example/2031/04/bridge-vote/')).toBe('2031-04');
  });

  it('reads a Unix timestamp that ends a slug, not a bare numeric id', () => {
    expect(at('https://courier.example/news/bridge-vote-1935000000')).toBe('2031-04-26');
    expect(at('https://courier.example/news/1935000000')).toBeNull();
    expect(at('https://courier.example/news/article/3234824/bridge-vote')).toBeNull();
  });

  it('refuses dates after tomorrow and impossible days', () => {
    expect(at('https://courier.example/2039/04/26/bridge-vote/')).toBeNull();
    expect(at('https://courier.example/2031/02/30/bridge-vote/')).toBe('2031-02');
  });

  it('reads a six-digit suffix only as far as the page decides between day-first and month-first', () => {
    const url = 'https://courier.example/news/bridge-vote-040231.html';
    expect(at(url)).toBe('2031');
    expect(at(url, { ...NO_CLUES, order: 'mdy' })).toBe('2031-04-02');
    expect(at(url, { ...NO_CLUES, order: 'dmy' })).toBe('2031-02-04');
    expect(at(url, { ...NO_CLUES, statedDays: new Set(['2031-02-04']) })).toBe('2031-02-04');
    // 2 April 2031 is a Wednesday, 4 February a Tuesday: a lead about "Wednesday" fits only the first.
    expect(at(url, { ...NO_CLUES, leadWeekdays: [3] })).toBe('2031-04-02');
    expect(at('https://courier.example/news/bridge-vote-250331.html')).toBe('2031-03-25');
  });
});

describe('the country and site of an address', () => {
  it('names the country of a country-code domain and how it writes numeric dates', () => {
    expect(countryOfHost('www.courier.co.uk')).toBe('GB');
    expect(countryOfHost('courier.com')).toBeNull();
    expect(dateOrderOfCountry('GB')).toBe('dmy');
    expect(dateOrderOfCountry('US')).toBe('mdy');
    expect(dateOrderOfCountry('JP')).toBe('ymd');
  });

  it('gives the registrable domain', () => {
    expect(registrableDomain('www.courier.co.uk')).toBe('courier.co.uk');
    expect(registrableDomain('news.courier.example')).toBe('courier.example');
    expect(registrableDomain('127.0.0.1')).toBeNull();
  });
});

const BODY = [
  'The council of Harbourtown voted on Wednesday to rebuild the old stone bridge that has linked the two halves of the town since the eighteenth century.',
  'The vote followed months of debate about the cost of the work, which engineers put at twelve million crowns, and about whether a new crossing should be built further upstream.',
  'Councillor Mira Falk, who proposed the plan, said the bridge was part of the identity of the town and that residents had asked for it to be saved rather than replaced.',
].join('\n\n');

function page(format: 'html' | 'text', content: string, url?: string, hints?: RawPage['hints']): RawPage {
  return { source: { ...(url ? { url } : {}), path: 'page' }, format, content, encoding: 'utf-8', fetchedAt: '2024-06-01T00:00:00Z', ...(hints ? { hints } : {}) };
}

describe('extractArticle with the address the input gave', () => {
  it('dates an HTML page that states no date from its fetched address, and names its site as the outlet', () => {
    const html = `<html><head><title>Harbourtown votes to rebuild its bridge</title></head><body><article><h1>Harbourtown votes to rebuild its bridge</h1>${BODY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const doc = extractArticle(page('html', html, 'https://www.courier.example/2024/04/26/bridge/'));
    expect(doc.meta.published).toEqual({ value: '2024-04-26', evidence: { source: 'url', at: 'path', raw: '/2024/04/26' } });
    expect(doc.meta.outlet?.value).toBe('courier.example');
  });

  it('prefers the date and the outlet the page or the input states over the address', () => {
    const doc = extractArticle(page('text', BODY, 'https://courier.example/2024/04/26/bridge/', { from: 'jsonl', published: '2024-04-25', outlet: 'The Courier' }));
    expect(doc.meta.published?.value).toBe('2024-04-25');
    expect(doc.meta.outlet?.value).toBe('The Courier');
  });

  it("takes a text dump's URL header as the address, never as body", () => {
    const doc = extractArticle(page('text', `URL: https://courier.example/2024/04/26/bridge/\n${BODY}`));
    expect(doc.text).not.toContain('courier.example');
    expect(doc.meta.url?.value).toBe('https://courier.example/2024/04/26/bridge/');
    expect(doc.meta.published?.value).toBe('2024-04-26');
  });
});
