/**
 * Sellers' text files as Notepad and Excel save them: UTF-8 with or without BOM, UTF-16 with BOM,
 * Windows-1251, KOI8-R. Each reads back as the text that was written, and bytes no encoding reads
 * are refused with a reason instead of indexed as mojibake.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/knowledge/text-encoding.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENCODINGS = join(ROOT, 'test/fixtures/knowledge/encodings');

/** A single-byte encoder built from the decoder's own table; characters the encoding lacks become "?". */
function encodeSingleByte(text: string, encoding: 'windows-1251' | 'koi8-r'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return new Uint8Array([...text].map((char) => table.get(char) ?? 0x3f));
}

function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(ENCODINGS, name)));
}

function listDocuments(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listDocuments(path);
    return /\.(md|txt|csv|json)$/.test(name) ? [path] : [];
  });
}

describe('decodeText', () => {
  it('reads files saved by iconv in Windows-1251 and KOI8-R, which are not UTF-8', () => {
    const cp1251 = readFixture('garantiya-cp1251.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cp1251)).toThrow();
    expect(decodeText(cp1251)).toEqual({
      ok: true,
      encoding: 'windows-1251',
      text: 'Гарантия: 12 месяцев на кресла «Уют», 6 месяцев на обивку.\r\nВозврат в течение 14 дней — без объяснения причин.\r\n',
    });
    expect(decodeText(readFixture('prays-cp1251.csv'))).toMatchObject({ ok: true, encoding: 'windows-1251', text: expect.stringContaining('Табурет «Ёж»;1 900') });
    expect(decodeText(readFixture('dostavka-koi8r.md'))).toMatchObject({ ok: true, encoding: 'koi8-r', text: expect.stringContaining('По Москве курьером: 500 руб.') });
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 with either BOM', () => {
    const text = 'Оплата: наличными или переводом.';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ ok: true, encoding: 'utf-8', text });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ ok: true, encoding: 'utf-8', text });
    expect(decodeText(readFixture('oplata-utf16.txt'))).toEqual({ ok: true, encoding: 'utf-16le', text: 'Оплата: наличными при получении или переводом на карту.\r\n' });
    const units = [...text].flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff]);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...units]))).toEqual({ ok: true, encoding: 'utf-16be', text });
  });

  it('tells the two legacy encodings apart on every example and evaluation document, and on text in capitals', () => {
    const paths = [...listDocuments(join(ROOT, 'docs/examples/knowledge')), ...listDocuments(join(ROOT, 'eval/shops'))];
    expect(paths.length).toBeGreaterThan(20);
    const texts = [...paths.map((path) => readFileSync(path, 'utf8')), 'ДОСТАВКА ПО МОСКВЕ БЕСПЛАТНО', 'Щётка', 'Да'];
    for (const text of texts) {
      for (const encoding of ['windows-1251', 'koi8-r'] as const) {
        const bytes = encodeSingleByte(text, encoding);
        expect(decodeText(bytes), `${text.slice(0, 40)} in ${encoding}`).toEqual({ ok: true, encoding: /^[\x20-\x7e\s]*$/.test(text) ? 'utf-8' : encoding, text: new TextDecoder(encoding).decode(bytes) });
      }
    }
  });

  it('refuses text in an encoding it cannot read, and binary content, with the reason', () => {
    const reason = 'кодировка не распознана (не UTF-8, Windows-1251 или KOI8-R): сохраните файл в UTF-8';
    expect(decodeText(readFixture('shift-jis.txt'))).toEqual({ ok: false, reason });
    const latin1 = new Uint8Array([...'Größe und Qualität für München'].map((char) => char.charCodeAt(0)));
    expect(decodeText(latin1)).toEqual({ ok: false, reason });
    expect(decodeText(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x00, 0x01]))).toEqual({ ok: false, reason: 'это не текстовый файл' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toEqual({ ok: false, reason: 'это не текст в UTF-8: сохраните файл в UTF-8' });
  });
});
