import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('CSV cells', () => {
  it('quotes cells with commas, quote marks or line breaks and doubles inner quotes', () => {
    expect(csvCell('plain words')).toBe('plain words');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('she said "no"')).toBe('"she said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(false)).toBe('false');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvCell('+1 more')).toBe("'+1 more");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['speaker', 'text'], [['Mara Quillon', 'We are ready, she said']])).toBe('speaker,text\r\nMara Quillon,"We are ready, she said"\r\n');
  });
});
