/**
 * The timeline chart: events on a UTC time axis (d3-scale), each drawn as the
 * numbered markers of the articles that report it. Plain SVG with attributes
 * only (no inline styles), every event focusable; a detail panel shows the
 * summary and the sources, and the same events follow as a list.
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { h, svg, replaceChildren } from '../dom.js';
import type { Story } from '../api.js';
import { compareDates as compareIsoDates, formatDate, parseIsoDate, plural, type DatePrecision } from '../format.js';
import { evidenceBlock, evidenceLink, sourceClass, type StoryView } from './context.js';

type TimelineEntry = Story['timeline'][number];

const WIDTH = 960;
const MARGIN = { left: 24, right: 24, top: 14, bottom: 34 };
/** One source marker: a circle big enough for a two-digit number. */
const MARKER_R = 9;
const MARKER_STEP = MARKER_R * 2 + 2;
const LANE_HEIGHT = MARKER_STEP + 8;
/** Room for an event's "#n" label left of its markers, in SVG units. */
const NUMBER_ROOM = 24;
/** Horizontal room kept free between two events in one lane, in SVG units. */
const LANE_GAP = 6;
/** Padding around the date range, so the first and last markers are not cut. */
const EDGE_DAYS = 2;
const DAY_MS = 86_400_000;
/**
 * Background events (a treaty decades back) would squash the weeks the story
 * happens in into one pixel column: dates further than this many spreads
 * (interquartile ranges) from the middle half go to a side band, in order but
 * not to scale, behind an axis break.
 */
const OUTLIER_SPREADS = 2;
/** Smallest spread considered, so a story told in one day still has a readable window. */
const MIN_SPREAD_DAYS = 7;
/** Width of one date in a side band, and of the break between band and scale. */
const BAND_STEP = 74;
const BREAK_GAP = 26;

/** The start of the period an ISO or TIMEX date names ("2025-09" → 1 Sep 2025, "199X" → 1990), or null. */
export function isoToDate(iso: string): Date | null {
  return parseIsoDate(iso)?.date ?? null;
}

/** Periods too coarse to place on a day axis: drawn in the side bands when finer dates set the window. */
const COARSE: ReadonlySet<DatePrecision> = new Set(['decade', 'year', 'season', 'quarter']);

function articlesOf(entry: TimelineEntry): string[] {
  return [...new Set(entry.sources.map((s) => s.article))];
}

/** The accessible name names the sources by the numbers drawn on the markers, so the visible text is part of it. */
function label(entry: TimelineEntry, view: StoryView): string {
  const sources = articlesOf(entry).map((a) => `${view.numberOf(a)} ${view.outletOf(a)}`);
  return `${formatDate(entry.date)}: ${entry.summary} — ${plural(sources.length, 'source')}: ${sources.join(', ')}`;
}

/** Detail of one event: date, actors, summary and the evidence from each source. */
function detail(entry: TimelineEntry, view: StoryView): HTMLElement[] {
  const parts: (HTMLElement | null)[] = [
    h('h3', null, formatDate(entry.date)),
    h('p', { class: 'tl-summary' }, entry.summary),
    entry.actors.length ? h('p', null, h('span', { class: 'muted' }, 'Actors: '), entry.actors.join(', ')) : null,
    entry.conflictingDates?.length
      ? h('p', { class: 'warn-text' }, 'Sources disagree on the date: ', entry.conflictingDates.map((c) => `${formatDate(c.date)} (${c.articles.map((a) => view.outletOf(a)).join(', ')})`).join('; '))
      : null,
    h('ul', { class: 'tl-sources' }, uniqueSources(entry).map((s) => h('li', null, evidenceBlock(view, s)))),
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}

export function timelineSection(view: StoryView): HTMLElement {
  const entries = view.story.timeline.filter((e) => isoToDate(e.date));
  const section = h('section', { 'aria-labelledby': 'timeline-heading', class: 'story-section', id: 'timeline' },
    h('h2', { id: 'timeline-heading' }, `Timeline (${plural(entries.length, 'event')})`));
  if (entries.length === 0) {
    section.append(h('p', null, 'No dated events were found in these articles.'));
    return section;
  }
  const panel = h('div', { class: 'tl-detail', id: 'timeline-detail', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, 'Point at or focus an event in the chart to read its sources here; every event is also listed below the chart.'));
  const ordered = [...entries].sort((a, b) => compareIsoDates(a.date, b.date));
  const itemId = (entry: TimelineEntry): string => `tl-item-${ordered.indexOf(entry) + 1}`;
  const chart = timelineChart(entries, view, {
    show: (entry) => replaceChildren(panel, detail(entry, view)),
    // Enter or a click on the chart moves to the event's entry in the list, on its first source.
    open: (entry) => {
      const item = document.getElementById(itemId(entry));
      item?.scrollIntoView({ block: 'nearest' });
      (item?.querySelector<HTMLElement>('a.evidence-link') ?? item)?.focus();
    },
    numberOf: (entry) => ordered.indexOf(entry) + 1,
  });
  const scroller = h('div', { class: 'tl-chart', role: 'group', 'aria-label': 'Timeline chart (scrolls sideways on small screens)', tabindex: '0' }, chart.svg);
  section.append(...[
    h('p', { class: 'tl-scroll-cue', 'aria-hidden': 'true' }, 'Swipe or scroll the chart sideways to see all of it →'),
    scroller,
    legend(view),
    chart.hasBreaks ? h('p', { class: 'small muted' }, 'Dates beyond a // break on the axis are background from earlier or later years: in order, not to scale.') : null,
    panel,
    h('h3', { id: 'timeline-list-heading' }, 'Every event, in order'),
    h('ol', { class: 'tl-events', 'aria-labelledby': 'timeline-list-heading' }, ordered.map((e, i) => h('li', { id: itemId(e), tabindex: '-1', class: 'tl-item', 'data-date': e.date },
      h('span', { class: 'tl-item-number', 'aria-hidden': 'true' }, String(i + 1)),
      h('span', { class: 'tl-item-date' }, formatDate(e.date)), ' ',
      h('span', { class: 'tl-item-label' }, e.summary), ' ',
      h('span', { class: 'small nowrap-links' }, onePerArticle(e).map((s, k) => [k ? ' ' : '', evidenceLink(view, s)])),
      e.conflictingDates?.length ? h('p', { class: 'small warn-text' }, 'Sources date it differently: ', e.conflictingDates.map((c) => `${formatDate(c.date)} (${c.articles.map((a) => view.outletOf(a)).join(', ')})`).join('; ')) : null))),
  ].filter((x): x is HTMLElement => x !== null));
  return section;
}

/** The first source of each article: one link per article in the list. */
function onePerArticle(entry: TimelineEntry): TimelineEntry['sources'][number][] {
  return entry.sources.filter((s, i) => entry.sources.findIndex((o) => o.article === s.article) === i);
}

/** One source per article and sentence: the same sentence is shown once. */
function uniqueSources(entry: TimelineEntry): TimelineEntry['sources'][number][] {
  const seen = new Set<string>();
  return entry.sources.filter((s) => {
    const key = `${s.article}:${s.evidence.replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function legend(view: StoryView): HTMLElement {
  return h('ul', { class: 'source-legend', 'aria-label': 'Sources' }, view.story.articles.map((id) => {
    const n = view.numberOf(id);
    return h('li', null, h('span', { class: `source-badge ${sourceClass(n)}`, 'aria-hidden': 'true' }, String(n)), ` ${view.outletOf(id)}`);
  }));
}

/** Centre of the i-th source marker of an event. */
function markerX(p: { cx: number; half: number }, i: number): number {
  return p.cx - p.half + MARKER_R + 1 + i * MARKER_STEP;
}

/** Maps dates to x: a time scale over the story's main window, side bands for far earlier or later dates. */
function xPositions(dates: string[]): { x: (date: string) => number; scale: ScaleTime<number, number>; bands: { label: string; x: number }[]; breaks: number[] } {
  const timeOf = (d: string) => isoToDate(d)!.getTime();
  // The window is set by the dates known to the day; a bare year ("in 2019") cannot be placed on a day axis.
  const precision = (d: string) => parseIsoDate(d)!.precision;
  const dayDates = dates.filter((d) => precision(d) === 'day' || precision(d) === 'time');
  const basis = (dayDates.length ? dayDates : dates).map(timeOf).sort((a, b) => a - b);
  const at = (p: number) => basis[Math.floor(p * (basis.length - 1))]!;
  const spread = Math.max(at(0.75) - at(0.25), MIN_SPREAD_DAYS * DAY_MS);
  const lo = at(0.25) - OUTLIER_SPREADS * spread;
  const hi = at(0.75) + OUTLIER_SPREADS * spread;
  const yearOnly = (d: string) => dayDates.length > 0 && COARSE.has(precision(d));
  const inBand = (d: string) => yearOnly(d) || timeOf(d) < lo || timeOf(d) > hi;
  const sortedDates = [...new Set(dates)].sort((a, b) => timeOf(a) - timeOf(b) || a.length - b.length);
  const mid = (lo + hi) / 2;
  const earlier = sortedDates.filter((d) => inBand(d) && timeOf(d) < mid);
  const later = sortedDates.filter((d) => inBand(d) && timeOf(d) >= mid);
  const main = dates.filter((d) => !inBand(d)).map(timeOf).sort((a, b) => a - b);
  if (main.length === 0) main.push(lo, hi);
  const left = MARGIN.left + (earlier.length ? earlier.length * BAND_STEP + BREAK_GAP : 0);
  const right = WIDTH - MARGIN.right - (later.length ? later.length * BAND_STEP + BREAK_GAP : 0);
  const scale = scaleUtc().domain([new Date(main[0]! - EDGE_DAYS * DAY_MS), new Date(main[main.length - 1]! + EDGE_DAYS * DAY_MS)]).range([left, right]);
  const bandX = (list: string[], start: number) => (d: string) => start + list.indexOf(d) * BAND_STEP + BAND_STEP / 2;
  const earlierX = bandX(earlier, MARGIN.left);
  const laterX = bandX(later, right + BREAK_GAP);
  return {
    x: (d) => (earlier.includes(d) ? earlierX(d) : later.includes(d) ? laterX(d) : scale(new Date(timeOf(d)))),
    scale,
    bands: [...earlier.map((d) => ({ label: formatDate(d), x: earlierX(d) })), ...later.map((d) => ({ label: formatDate(d), x: laterX(d) }))],
    breaks: [...(earlier.length ? [left - BREAK_GAP / 2] : []), ...(later.length ? [right + BREAK_GAP / 2] : [])],
  };
}

/** Width of a tick label in chart units (12px text, about 7 units a character, a margin each side). */
const labelWidth = (text: string): number => text.length * 7 + 10;

/** Keep only labels that do not overlap one already kept (bands first: they name the years beyond a break). */
function spacedLabels<T extends { x: number; label: string }>(fixed: readonly T[], candidates: readonly T[]): T[] {
  const kept: T[] = [...fixed];
  const clash = (a: T, b: T): boolean => Math.abs(a.x - b.x) < (labelWidth(a.label) + labelWidth(b.label)) / 2;
  for (const c of candidates) if (!kept.some((k) => clash(k, c))) kept.push(c);
  return kept.slice(fixed.length);
}

function timelineChart(entries: TimelineEntry[], view: StoryView, on: { show: (e: TimelineEntry) => void; open: (e: TimelineEntry) => void; numberOf: (e: TimelineEntry) => number }): { svg: SVGSVGElement; hasBreaks: boolean } {
  const { x: xOf, scale: x, bands, breaks } = xPositions(entries.map((e) => e.date));
  const [domainStart, domainEnd] = x.domain() as [Date, Date];
  const min = domainStart.getTime();
  const max = domainEnd.getTime();

  // Greedy lanes: each event goes in the first lane where it does not touch the previous marker.
  const laneEnds: number[] = [];
  const placed = entries
    .map((entry) => ({ entry, cx: xOf(entry.date), n: articlesOf(entry).length }))
    .sort((a, b) => a.cx - b.cx)
    .map((p) => {
      const half = (p.n * MARKER_STEP) / 2;
      // Room on the left for the event's "#n" label.
      let lane = laneEnds.findIndex((end) => end + LANE_GAP <= p.cx - half - NUMBER_ROOM);
      if (lane < 0) { lane = laneEnds.length; laneEnds.push(0); }
      laneEnds[lane] = p.cx + half;
      return { ...p, lane, half };
    });
  const plotHeight = Math.max(1, laneEnds.length) * LANE_HEIGHT;
  const height = MARGIN.top + plotHeight + MARGIN.bottom;
  const axisY = MARGIN.top + plotHeight + 4;
  const tickFormat = x.tickFormat();

  const [rangeStart, rangeEnd] = x.range() as [number, number];
  const rawTicks = x.ticks(Math.max(2, Math.min(8, Math.ceil((max - min) / DAY_MS), Math.floor((rangeEnd - rangeStart) / 90))))
    .map((t) => ({ x: x(t), label: tickFormat(t) }));
  // Tick labels never overlap each other or the labels of the years beyond a break.
  const ticks = spacedLabels(bands, rawTicks);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: '100%', class: 'tl-svg' },
    svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: axisY, y2: axisY, class: 'tl-axis' }),
    bands.map((b) => svg('g', { class: 'tl-tick tl-band', 'aria-hidden': 'true' },
      svg('line', { x1: b.x, x2: b.x, y1: MARGIN.top, y2: axisY + 5, class: 'tl-grid' }),
      svg('text', { x: b.x, y: axisY + 20, 'text-anchor': 'middle' }, b.label))),
    breaks.map((bx) => svg('g', { class: 'tl-break', 'aria-hidden': 'true' },
      svg('rect', { x: bx - 6, y: axisY - 8, width: 12, height: 16, class: 'tl-break-gap' }),
      svg('line', { x1: bx - 7, x2: bx - 1, y1: axisY + 7, y2: axisY - 7 }),
      svg('line', { x1: bx + 1, x2: bx + 7, y1: axisY + 7, y2: axisY - 7 }))),
    ticks.map((tick) => svg('g', { class: 'tl-tick', 'aria-hidden': 'true' },
      svg('line', { x1: tick.x, x2: tick.x, y1: MARGIN.top, y2: axisY + 5, class: 'tl-grid' }),
      svg('text', { x: tick.x, y: axisY + 20, 'text-anchor': 'middle' }, tick.label))),
    placed.map((p) => {
      const cy = MARGIN.top + p.lane * LANE_HEIGHT + LANE_HEIGHT / 2;
      const articles = articlesOf(p.entry);
      const group = svg('g', { class: 'tl-event', tabindex: '0', role: 'button', 'aria-label': label(p.entry, view), 'data-date': p.entry.date },
        svg('title', null, label(p.entry, view)),
        svg('line', { x1: p.cx, x2: p.cx, y1: cy, y2: axisY, class: 'tl-stem' }),
        svg('rect', { x: p.cx - p.half - 2, y: cy - MARKER_R - 2, width: p.half * 2 + 4, height: MARKER_R * 2 + 4, rx: MARKER_R + 2, class: 'tl-focus' }),
        articles.map((a, i) => svg('circle', { cx: markerX(p, i), cy, r: MARKER_R, class: `tl-marker ${sourceClass(view.numberOf(a))}` })));
      // The numbers sit outside the focusable group, hidden from assistive tech: its name already lists the sources.
      const numbers = svg('g', { class: 'tl-numbers', 'aria-hidden': 'true' },
        articles.map((a, i) => svg('text', { x: markerX(p, i), y: cy + 4, 'text-anchor': 'middle' }, String(view.numberOf(a)))),
        // The event's number in the list below the chart, so the chart reads without hovering.
        svg('text', { x: p.cx - p.half - 6, y: cy + 4, 'text-anchor': 'end', class: 'tl-event-number' }, `#${on.numberOf(p.entry)}`));
      group.addEventListener('mouseenter', () => on.show(p.entry));
      group.addEventListener('focus', () => on.show(p.entry));
      group.addEventListener('click', () => on.open(p.entry));
      group.addEventListener('keydown', (event) => {
        const key = (event as KeyboardEvent).key;
        if (key === 'Enter' || key === ' ') { event.preventDefault(); on.open(p.entry); }
      });
      return [group, numbers];
    }));
  return { svg: chart, hasBreaks: breaks.length > 0 };
}
