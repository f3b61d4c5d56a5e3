// Compounds joined by one side and split by the other: "авитодоставкой" / "Авито Доставкой", "кресло" / "автокресло",
// "кружка" / "термокружка". Prefixes and bound starts are not words: "по|меньше", "само|вывоз", "пыле|сос".
import { describe, expect, it } from 'vitest';
import { findCompoundTail, splitJoinedWord } from '../../../src/knowledge/local/compound-words.js';
import type { KnowledgeDocument } from '../../../src/knowledge/local/documents.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { splitPassages } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { termOf } from '../../../src/knowledge/local/terms.js';

function indexTexts(...texts: string[]) {
  const documents: KnowledgeDocument[] = texts.map((text, at) => ({ path: `doc-${at}.md`, format: 'markdown', markup: 'markdown', text }));
  const passages: Passage[] = [];
  for (const document of documents) for (const passage of splitPassages(document)) passages.push({ ...passage, id: passages.length });
  return buildPassageIndex(passages);
}

const term = (word: string): string => termOf(word) ?? word;

describe('a buyer\'s joined word', () => {
  it('reads two indexed words joined as both', () => {
    const index = indexTexts('Меняем стекло двери и подъёмник за день.');
    expect(index.resolveText('стеклоподъемник меняете?')).toEqual(expect.arrayContaining([term('стекло'), term('подъемник')]));
  });

  it('reads the second word a concept read from the start of the word leaves unread', () => {
    const index = indexTexts('Авито Доставкой не отправляем: велосипеды не проходят по габаритам.');
    expect(index.resolveText('авитодоставкой можно?')).toEqual(expect.arrayContaining([term('авито'), term('доставкой')]));
  });

  it('keeps a prefix and a bound start as part of the word', () => {
    const knows = (candidate: string): boolean => ['меньш', 'вывоз', 'сос', 'пыл'].includes(candidate);
    expect(splitJoinedWord('поменьше', knows, () => false)).toBeUndefined();
    expect(splitJoinedWord('самовывоз', knows, () => false)).toBeUndefined();
    expect(splitJoinedWord('пылесос', knows, () => false)).toBeUndefined();
  });
});

describe('a compound and its last word', () => {
  it('finds the document\'s compound where the buyer says its last word', () => {
    const index = indexTexts('# Автокресло Britax\n\nЦена 6 500 руб.', 'В комплекте: кресло, инструкция.');
    const hits = index.search(index.resolveText('сколько стоит кресло'), () => true);
    expect(hits[0]?.passage.text).toContain('6 500');
    expect(hits[0]?.coverage).toBe(1);
  });

  it('reads the last word as the compound where the documents never say it alone', () => {
    const index = indexTexts('Термокружки Stanley в наличии, 0,5 л.');
    expect(index.resolveText('кружка есть?')).toContain(term('термокружки'));
  });

  it('takes a combining form, not a prefix nor a bound start, before a long tail', () => {
    const any = (): boolean => true;
    expect(findCompoundTail(term('автокресло'), any)).toBe(term('кресло'));
    expect(findCompoundTail(term('самовывоз'), any)).toBeUndefined();
    expect(findCompoundTail(term('предоплата'), any)).toBeUndefined();
    expect(findCompoundTail(term('пылесос'), any)).toBeUndefined();
  });
});

describe('a comparative softened by "по-"', () => {
  it('reads "поменьше" as the documents\' "по меньше"', () => {
    const index = indexTexts('Есть размер по меньше — L, 107 × 70 × 77 см, цена 6 900 руб.');
    expect(index.resolveText('а поменьше есть?')).toContain(term('меньше'));
  });

  it('keeps a word that only starts with "по" as it is', () => {
    const index = indexTexts('Есть размер по меньше — L.');
    expect(index.resolveText('помоете?')).not.toContain(term('меньше'));
  });
});

describe('a word too long to be a compound', () => {
  // A buyer's 100,000-letter "word" (test/e2e/bad-input.test.ts) was cut at every letter, each half stemmed: the poll
  // pass ran past its time limit. Such a word is never read as two words or as a compound's tail.
  it('is not cut at all', () => {
    let looked = 0;
    const knows = (): boolean => {
      looked += 1;
      return true;
    };
    expect(splitJoinedWord('доставка'.repeat(1000), knows, () => false)).toBeUndefined();
    expect(findCompoundTail('автокресло'.repeat(1000), knows)).toBeUndefined();
    expect(looked).toBe(0);
  });
});
