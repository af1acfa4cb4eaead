import { describe, expect, it } from 'vitest';
import { isBoilerplateBlock } from './block-filter.js';
import type { TextBlock } from './blocks.js';

const block = (text: string, linkChars = 0): TextBlock => ({ kind: 'paragraph', text, linkChars, trail: '', tag: 'p' });

describe('isBoilerplateBlock', () => {
  it.each([
    'Advertisement',
    'By Ada Lindqvist - 03/04/31 10:15 AM',
    'Updated 11:21 pm CST, Tuesday, November 19, 2030',
    '19.11.2030, 08:57',
    'Sign up for our morning briefing',
    '© 2031 The Example Times. All rights reserved.',
  ])('drops %j', (text) => {
    expect(isBoilerplateBlock(block(text))).toBe(true);
  });

  it('drops a short block that is mostly a link', () => {
    expect(isBoilerplateBlock(block('Storm surge floods lower town again', 35))).toBe(true);
  });

  it.each([
    'The council said the barrier would be finished by 2035, two years later than planned.',
    'By the time the ferry arrived, most of the crowd had gone home.',
  ])('keeps the sentence %j', (text) => {
    expect(isBoilerplateBlock(block(text))).toBe(false);
  });
});
