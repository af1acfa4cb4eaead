import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, canonicalEncoding } from './decode.js';
import { detectBinary } from './sniff.js';
import { LEGACY_ENCODINGS, SAMPLES } from './test-helpers/encoding-samples.js';

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

describe('the encodings the README lists', () => {
  for (const [encoding, script] of LEGACY_ENCODINGS) {
    it(`${encoding}, declared and undeclared`, () => {
      const bytes = iconv.encode(SAMPLES[script]!, encoding);
      const expected = iconv.decode(bytes, encoding); // what the encoding can hold of the sample
      expect(decodeBytes(iconv.encode(page(expected, `<meta charset="${encoding}">`), encoding)).text).toContain(expected);
      expect(decodeBytes(iconv.encode(page(expected), encoding)).text).toContain(expected);
    });
  }

  for (const script of Object.keys(SAMPLES)) {
    it(`UTF-16 LE and BE, with and without a byte-order mark (${script})`, () => {
      const text = `${SAMPLES[script]}\n${SAMPLES[script]}`;
      for (const encoding of ['utf-16le', 'utf-16be'] as const) {
        const plain = iconv.encode(text, encoding);
        const bom = iconv.encode(`\uFEFF${text}`, encoding);
        expect(decodeBytes(plain, { path: 'a.txt' })).toEqual({ text, encoding });
        expect(decodeBytes(bom, { path: 'a.txt' })).toEqual({ text, encoding });
        expect(detectBinary(plain)).toBeNull();
      }
    });
  }

  it('UTF-8 with a few invalid bytes: each replaced where it stands by U+FFFD, the rest read as UTF-8, with a warning', () => {
    const good = Buffer.from(`${SAMPLES['latin']} ${FRENCH}`, 'utf8');
    const bytes = Buffer.concat([good.subarray(0, 40), Buffer.from([0xff]), good.subarray(40, 90), Buffer.from([0xc3, 0x28]), good.subarray(90)]);
    for (const hints of [{ path: 'dump.txt' }, {}, { contentType: 'text/plain; charset=utf-8' }]) {
      const out = decodeBytes(bytes, hints);
      expect(out.encoding).toBe('utf-8');
      expect(out.text).toContain('l’ancienne'); // not "lâ€™ancienne"
      expect(out.text.split('\uFFFD').length - 1).toBe(2);
      expect(out.text).toContain('\uFFFD(');
      expect(out.warnings).toEqual([{ code: 'W_INVALID_BYTES', reason: '2 byte sequences are not valid UTF-8 (the first at byte 40): each was replaced with U+FFFD and the rest read as UTF-8' }]);
    }
  });

  it('does not take legacy double-byte text for UTF-16, nor NUL-filled binary for text', () => {
    expect(decodeBytes(iconv.encode(SAMPLES['japanese']!, 'shift_jis')).encoding).toBe('shift_jis');
    expect(detectBinary(Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x13, 0x37, 0, 0, 0, 0, 9, 9, 9, 9, 0, 1, 0, 1]))).not.toBeNull();
  });
});
