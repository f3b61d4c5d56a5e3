/** A seller's text file as Unicode, whatever Notepad or Excel saved it in, or why it cannot be read: never guessed into mojibake. */
import { documentsText } from '../messages/documents.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: TextEncodingName }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The Russian single-byte encodings old Windows and Unix tools still write. */
const LEGACY: readonly TextEncodingName[] = ['windows-1251', 'koi8-r'];

/** Per cent of letters in Russian prose: a right decoding reads like it, a wrong one is a permutation of the alphabet. */
const LETTER_PERCENT: Readonly<Record<string, number>> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49,
  м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44,
  й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ё: 0.2, ъ: 0.04,
  і: 0.5, ї: 0.1, є: 0.1, ґ: 0.02, ў: 0.05,
};
const RARE_LETTER_PERCENT = 0.005;
/** Mean score per Cyrillic letter below this is not Russian: sellers' documents score -3.0 to -3.3, Greek read as Cyrillic -4.1. */
const MIN_MEAN_SCORE = -3.8;
/** A few words say little: "Щётка" alone scores -4.1, so short texts are held to a looser bar. */
const SHORT_TEXT_LETTERS = 30;
const MIN_MEAN_SCORE_SHORT = -4.6;
/** "дНЯРЮБЙЮ": a capital right after a small letter is what a wrong table makes of ordinary words. */
const CASE_FLIP_PENALTY = 4;
/** KOI8-R's box drawing and maths signs: what it makes of Windows-1251's «», —, № and ё. */
const PSEUDOGRAPHICS = /[\u2500-\u259f\u2320\u2321\u2219\u221a\u2248\u2264\u2265\u00b2\u00f7]/u;
const PSEUDOGRAPHICS_PENALTY = 8;
const CYRILLIC = /\p{Script=Cyrillic}/u;
/** The encoding shows in the first pages; scoring all of a 5 MB price list would only cost time. */
const SAMPLE_CHARS = 64 * 1024;

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251 or KOI8-R, whichever reads as Russian.
 * Bytes none of these reads as text are refused with a reason.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  for (const { bytes: bom, encoding } of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) return decodeWith(encoding, bytes.subarray(bom.length));
  }
  if (bytes.includes(0)) return { ok: false, reason: documentsText().notText };
  const utf8 = decodeWith('utf-8', bytes);
  if (utf8.ok) return utf8;
  let candidates: Array<{ encoding: TextEncodingName; text: string; score: number }>;
  try {
    candidates = LEGACY.map((encoding) => ({ encoding, text: new TextDecoder(encoding).decode(bytes) }))
      .map((candidate) => ({ ...candidate, score: scoreRussian(candidate.text.slice(0, SAMPLE_CHARS)) }))
      .sort((a, b) => b.score - a.score);
  } catch {
    // A Node.js built without full ICU knows only UTF-8 and UTF-16.
    return { ok: false, reason: documentsText().noLegacyEncodings };
  }
  const best = candidates[0];
  if (best === undefined || !readsAsRussian(best.text.slice(0, SAMPLE_CHARS))) {
    return { ok: false, reason: documentsText().unknownEncoding };
  }
  return { ok: true, text: best.text, encoding: best.encoding };
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.includes('\u0000')) return { ok: false, reason: documentsText().notText };
    return { ok: true, text, encoding };
  } catch {
    return { ok: false, reason: documentsText().invalidEncoding(encoding.toUpperCase()) };
  }
}

/** Higher reads more like Russian: the letters' log shares, less a penalty for every capital inside a word. */
export function scoreRussian(text: string): number {
  let score = 0;
  let previous = '';
  for (const char of text) {
    if (CYRILLIC.test(char)) {
      score += Math.log((LETTER_PERCENT[char.toLowerCase()] ?? RARE_LETTER_PERCENT) / 100);
      if (isUpper(char) && CYRILLIC.test(previous) && !isUpper(previous)) score -= CASE_FLIP_PENALTY;
    } else if (PSEUDOGRAPHICS.test(char)) score -= PSEUDOGRAPHICS_PENALTY;
    previous = char;
  }
  return score;
}

/** No C1 control characters, no word mixing Latin and Cyrillic letters, and letters as frequent as in Russian. */
function readsAsRussian(text: string): boolean {
  if (/[\u0080-\u009f]/.test(text)) return false;
  const words = text.match(/[\p{L}]+/gu) ?? [];
  const nonAscii = words.filter((word) => /[^A-Za-z]/.test(word));
  const mixed = nonAscii.filter((word) => /[A-Za-z]/.test(word) && CYRILLIC.test(word));
  if (nonAscii.length === 0 || mixed.length * 10 > nonAscii.length) return false;
  const letters = [...text].filter((char) => CYRILLIC.test(char)).length;
  if (letters === 0) return false;
  return scoreRussian(text) / letters >= (letters < SHORT_TEXT_LETTERS ? MIN_MEAN_SCORE_SHORT : MIN_MEAN_SCORE);
}

function isUpper(char: string): boolean {
  return char !== char.toLowerCase();
}
