import { describe, expect, it } from 'vitest';
import { findQuotes } from './index.js';
import { isWritersImpersonalRemark } from './writer-voice.js';

// Fictional sentences written for these tests.
describe('the writer’s impersonal remark', () => {
  it('reads "it is worth noting", "it can be said" as the writer’s voice', () => {
    const t = 'It is worth noting that the harbour of Corvel reopened. In conclusion, it can be said that the blockade failed.';
    expect(isWritersImpersonalRemark(t, { start: 0, end: 2 })).toBe(true);
    const k = t.indexOf('it can');
    expect(isWritersImpersonalRemark(t, { start: k, end: k + 2 })).toBe(true);
    expect(findQuotes(t)).toEqual([]);
  });

  it('reads the contracted "it’s worth noting, though, that" as the writer’s voice too', () => {
    const t = 'The Veldmark ferry is rated for up to 40 crossings a day. It’s worth noting, though, that those figures come from the summer timetable, which is typically more generous.';
    const k = t.indexOf('It’s');
    expect(isWritersImpersonalRemark(t, { start: k, end: k + 4 })).toBe(true);
    expect(findQuotes(t)).toEqual([]);
    const u = 'It is perhaps unkind but nonetheless accurate to note that the more the council delays, the less the ferries run.';
    expect(isWritersImpersonalRemark(u, { start: 0, end: 2 })).toBe(true);
    expect(findQuotes(u)).toEqual([]);
  });

  it('keeps "it" standing for a body that speaks', () => {
    const t = 'The harbour authority met on Monday. It said that the port of Corvel would reopen.';
    const k = t.indexOf('It said');
    expect(isWritersImpersonalRemark(t, { start: k, end: k + 2 })).toBe(false);
    expect(findQuotes(t).map((q) => t.slice(q.start, q.end))).toContain('the port of Corvel would reopen');
  });
});
