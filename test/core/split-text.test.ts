import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/core/split-text.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

// Text made of short words, spaces, line and paragraph breaks and sentence ends.
const wordArb = fc.stringMatching(/^[a-zа-я0-9]{1,12}[.!?,]?$/);
const separatorArb = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\n\n', ' \n \n ', '\u00a0', '\t');
const textArb = fc
  .array(fc.tuple(wordArb, separatorArb), { minLength: 1, maxLength: 300 })
  .map((pairs) => pairs.map(([word, sep]) => word + sep).join(''));

describe('splitText', () => {
  it('keeps a text within the limit as one trimmed part', () => {
    expect(splitText('  Привет!  ')).toEqual(['Привет!']);
    expect(splitText('a'.repeat(1000))).toEqual(['a'.repeat(1000)]);
  });

  it('gives no parts for a blank text', () => {
    expect(splitText('')).toEqual([]);
    expect(splitText(' \n\t ')).toEqual([]);
  });

  it('prefers a paragraph break to a later sentence end', () => {
    const first = 'Первый абзац. Короткий.';
    const second = 'Второе предложение. Ещё одно предложение тут.';
    expect(splitText(`${first}\n\n${second}`, 60)).toEqual([first, second]);
  });

  it('prefers a sentence end to a later space', () => {
    expect(splitText('One two three. Four five six seven', 25)).toEqual(['One two three.', 'Four five six seven']);
  });

  it('prefers a line break to a sentence end', () => {
    expect(splitText('- first item. more\n- second item', 25)).toEqual(['- first item. more', '- second item']);
  });

  it('cuts inside a word only when the word alone exceeds the limit', () => {
    expect(splitText('ab ' + 'x'.repeat(12) + ' cd', 5)).toEqual(['ab', 'xxxxx', 'xxxxx', 'xx cd']);
  });

  it('does not split a surrogate pair when cutting a long word', () => {
    const parts = splitText('😀'.repeat(5), 3);
    expect(parts.join('')).toBe('😀'.repeat(5));
    for (const part of parts) expect(part).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => splitText('text', 0)).toThrow(RangeError);
    expect(() => splitText('text', 1.5)).toThrow(RangeError);
  });

  it('splits 2,500 characters of prose into 3 parts under 1000', () => {
    const sentence = 'Доставка по Москве занимает один день. ';
    const text = sentence.repeat(Math.ceil(2500 / sentence.length)).slice(0, 2500);
    const parts = splitText(text);
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1000);
    expect(parts[0]).toMatch(/один день\.$/);
  });

  it('property: parts are non-empty, within the limit, and keep the words in order', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 13, max: 400 }), (text, limit) => {
        const parts = splitText(text, limit);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(part.length).toBeLessThanOrEqual(limit);
          expect(part).toBe(part.trim());
        }
        // Words are at most 13 characters, below every limit here: no word may be cut.
        expect(words(parts.join(' '))).toEqual(words(text));
      }),
      { numRuns: 300 },
    );
  });

  it('property: a text within the limit gives exactly one part', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        fc.pre(text.trim().length > 0);
        const limit = Math.max(1, text.trim().length);
        expect(splitText(text, limit)).toEqual([text.trim()]);
      }),
      { numRuns: 200 },
    );
  });

  it('property: with words longer than the limit, no character is lost or reordered', () => {
    const longWordText = fc
      .array(fc.tuple(fc.stringMatching(/^[a-z]{1,40}$/), separatorArb), { minLength: 1, maxLength: 60 })
      .map((pairs) => pairs.map(([word, sep]) => word + sep).join(''));
    fc.assert(
      fc.property(longWordText, fc.integer({ min: 1, max: 30 }), (text, limit) => {
        const parts = splitText(text, limit);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(part.length).toBeLessThanOrEqual(limit);
        }
        expect(parts.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });
});
