import type { MetaField } from '../../core/index.js';
import type { PageLine } from './lines.js';

/** A metadata value read from one line of the dump, with that line as evidence. */
export function fromLine<T>(value: T, line: PageLine): MetaField<T> {
  return { value, evidence: { source: 'line', at: `line ${line.n}`, raw: line.raw.trim() } };
}
