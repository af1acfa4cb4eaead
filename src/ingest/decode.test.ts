import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, canonicalEncoding } from './decode.js';

const ARABIC = 'قالت الحكومة اليوم إن المحادثات مع الجيران ستستأنف الأسبوع المقبل في العاصمة، وإن الوفد سيقدم اقتراحا جديدا بشأن المياه والحدود والتجارة.';
const RUSSIAN = 'Городской совет объявил сегодня, что новый мост через реку откроется весной, а движение транспорта в центре будет временно ограничено.';
const FRENCH = 'Le conseil municipal a annoncé mercredi que la bibliothèque rouvrira ses portes après des travaux d’été, « une bonne nouvelle » selon la maire.';

function page(body: string, head = ''): string {
  return `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;
}

describe('decodeBytes', () => {
  it('decodes UTF-8 and strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH, 'utf8')]);
    const out = decodeBytes(bytes, {});
    expect(out.text).toBe(FRENCH);
    expect(out.encoding).toBe('utf-8');
    expect(out.warnings).toBeUndefined();
  });

  it('decodes UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(RUSSIAN, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(RUSSIAN, 'utf-16be')]);
    expect(decodeBytes(le, {})).toMatchObject({ text: RUSSIAN, encoding: 'utf-16le' });
    expect(decodeBytes(be, {})).toMatchObject({ text: RUSSIAN, encoding: 'utf-16be' });
  });

  it('uses the charset of the HTTP Content-Type header', () => {
    const bytes = iconv.encode(page(ARABIC), 'windows-1256');
    const out = decodeBytes(bytes, { contentType: 'text/html; charset=windows-1256' });
    expect(out.text).toContain(ARABIC);
    expect(out.encoding).toBe('windows-1256');
  });

  it('uses <meta charset>, <meta http-equiv> and the XML declaration', () => {
    const meta = iconv.encode(page(RUSSIAN, '<meta charset="koi8-r">'), 'koi8-r');
    expect(decodeBytes(meta, {})).toMatchObject({ encoding: 'koi8-r' });
    expect(decodeBytes(meta, {}).text).toContain(RUSSIAN);

    const equiv = iconv.encode(page(FRENCH, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'), 'iso-8859-15');
    expect(decodeBytes(equiv, {}).encoding).toBe('iso-8859-15');

    const xml = iconv.encode(`<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>${ARABIC}</title></channel></rss>`, 'windows-1256');
    expect(decodeBytes(xml, {}).text).toContain(ARABIC);
  });

  it('reads iso-8859-1 declarations as windows-1252, as browsers do', () => {
    const bytes = iconv.encode(page(FRENCH, '<meta charset="iso-8859-1">'), 'windows-1252');
    const out = decodeBytes(bytes, {});
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toContain('d’été'); // the curly apostrophe is 0x92, undefined in ISO-8859-1
  });

  it('detects undeclared legacy encodings', () => {
    const arabic = decodeBytes(iconv.encode(page(ARABIC), 'windows-1256'), {});
    expect(arabic.encoding).toBe('windows-1256');
    expect(arabic.text).toContain(ARABIC);
    const russian = decodeBytes(iconv.encode(page(RUSSIAN), 'koi8-r'), {});
    expect(russian.encoding).toBe('koi8-r');
    expect(russian.text).toContain(RUSSIAN);
  });

  it('catches a utf-8 declaration on bytes that are not UTF-8, and says so', () => {
    const bytes = iconv.encode(page(ARABIC, '<meta charset="utf-8">'), 'windows-1256');
    const out = decodeBytes(bytes, {});
    expect(out.encoding).toBe('windows-1256');
    expect(out.text).toContain(ARABIC);
    expect(out.warnings?.[0]?.code).toBe('W_CHARSET_MISMATCH');
    expect(out.warnings?.[0]?.reason).toMatch(/declares charset utf-8 but the bytes are not valid UTF-8; decoded as windows-1256/);
  });

  it('catches an iso-8859-1 declaration on valid multi-byte UTF-8', () => {
    const bytes = Buffer.from(page(FRENCH, '<meta charset="iso-8859-1">'), 'utf8');
    const out = decodeBytes(bytes, { contentType: 'text/html; charset=ISO-8859-1' });
    expect(out.encoding).toBe('utf-8');
    expect(out.text).toContain(FRENCH);
    expect(out.warnings?.map((w) => w.code)).toEqual(['W_CHARSET_MISMATCH', 'W_CHARSET_MISMATCH']);
  });

  it('falls back to detection for an unknown charset label', () => {
    const out = decodeBytes(Buffer.from(page(FRENCH, '<meta charset="no-such-charset">'), 'utf8'), {});
    expect(out.encoding).toBe('utf-8');
    expect(out.warnings?.[0]?.code).toBe('W_CHARSET_UNKNOWN');
  });

  it('does not take a charset quoted in a plain-text dump as its declaration', () => {
    const text = `A reader wrote in: <meta charset="koi8-r"> is what the old site used. ${FRENCH}`;
    expect(decodeBytes(Buffer.from(text, 'utf8'), { path: 'dump.txt' })).toMatchObject({ text, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.from(text, 'utf8'), { path: 'dump.txt' }).warnings).toBeUndefined();
  });

  it('canonicalises common labels', () => {
    expect(canonicalEncoding('UTF8')).toBe('utf-8');
    expect(canonicalEncoding('cp1256')).toBe('windows-1256');
    expect(canonicalEncoding('ISO_8859-5')).toBe('iso-8859-5');
    expect(canonicalEncoding('bogus')).toBeNull();
  });
});
