import { describe, expect, it } from 'vitest';
import { splitSentences } from './segment.js';
import { entityGenders } from './gender.js';

// Fictional text written for these tests.
function mentionsOf(text: string, names: Record<string, string>): { start: number; end: number; type: string; entity: string }[] {
  const out: { start: number; end: number; type: string; entity: string }[] = [];
  for (const [form, entity] of Object.entries(names)) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) out.push({ start: at, end: at + form.length, type: 'PERSON', entity });
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('the gender the text shows for a person', () => {
  it('follows the text\'s own pronouns over a first-name list\'s guess ("Taylor … her")', () => {
    const text = 'Taylor Vennick signed with the harbour label in 2010. Vennick then accused the label of stopping her from playing her old songs at her concerts.';
    const g = entityGenders(text, mentionsOf(text, { 'Taylor Vennick': 'e1', Vennick: 'e1' }), splitSentences(text), []);
    expect(g.get('e1')).toBe('female');
  });

  it('counts no pronouns of a sentence whose subject is someone else named by a noun ("A Kelm man … threatening Ilse Brandt … he")', () => {
    const text = 'A Kelm man pleaded guilty on Monday to threatening Rep. Ilse Brandt after he called the harbour office twice and said he would burn it down.';
    const g = entityGenders(text, mentionsOf(text, { 'Ilse Brandt': 'e1' }), splitSentences(text), []);
    expect(g.get('e1')).not.toBe('male');
    const own = 'An agreeable woman in her 80s, Kelda Vennick still runs the ferry office where she worked for forty years.';
    expect(entityGenders(own, mentionsOf(own, { 'Kelda Vennick': 'e2' }), splitSentences(own), []).get('e2')).toBe('female');
  });

  it('keeps a title over the pronouns ("Mr.")', () => {
    const text = 'Mr. Taylor Vennick signed with the label. Vennick said her label had let the fans down.';
    const g = entityGenders(text, mentionsOf(text, { 'Taylor Vennick': 'e1', Vennick: 'e1' }), splitSentences(text), []);
    expect(g.get('e1')).toBe('male');
  });
});
