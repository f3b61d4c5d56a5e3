import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

const VAN = 3;

const van: Passage[] = [
  { id: 0, document: 'item-3-furgon.md', title: '', headings: [], position: 0, itemId: VAN, text: 'Фургон Hyundai Porter, объём кузова 12 м³, грузоподъёмность 1 т.' },
  { id: 1, document: 'item-3-furgon.md', title: '', headings: [], position: 1, itemId: VAN, text: 'Работаем по городу и области, подача от 1 часа.' },
];
const listing = { id: VAN, title: 'Грузоперевозки Портер' };

describe('a soft sign typed for the hard one after a prefix', () => {
  it('reads "обьем", "разьем", "подьезд" as "объем", "разъем", "подъезд"', () => {
    expect(extractTerms('обьем')).toEqual(extractTerms('объем'));
    expect(extractTerms('разьем')).toEqual(extractTerms('разъем'));
    expect(extractTerms('подьезд')).toEqual(extractTerms('подъезд'));
    // Not inside a word: "разобьется" keeps its soft sign.
    expect(extractTerms('разобьется')).toEqual(extractTerms('разобьётся'));
  });

  it('answers "какой обьем у фургона?" with the line stating the volume', () => {
    const answer = findAnswer(buildPassageIndex(van), { question: 'какой обьем у фургона?', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 м³');
  });

  it('reads every case of "объём" as one stem, not the verb ending Snowball sees in "объ|ем"', () => {
    expect(extractTerms('объём')).toEqual(extractTerms('объёма'));
    expect(extractTerms('в объеме')).toEqual(extractTerms('объёмы'));
  });

  it('answers "какого объема кузов?" with the line stating "объём кузова"', () => {
    const answer = findAnswer(buildPassageIndex(van), { question: 'какого объема кузов?', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 м³');
  });
});
