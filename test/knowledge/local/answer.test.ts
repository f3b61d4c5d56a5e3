import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAnswer, focusList, trimAtSentence } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex, measureCoverage } from '../../../src/knowledge/local/search.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('trimAtSentence', () => {
  it('leaves short text alone', () => {
    expect(trimAtSentence('  Коротко.  ', 999)).toBe('Коротко.');
  });

  it('cuts at the last sentence end that fits', () => {
    expect(trimAtSentence('Первое предложение. Второе предложение. Третье.', 40)).toBe('Первое предложение. Второе предложение.');
  });

  it('cuts between lines of a list', () => {
    expect(trimAtSentence('• один\n• два\n• три', 13)).toBe('• один\n• два');
  });

  it('cuts a single overlong sentence between words', () => {
    expect(trimAtSentence('слово слово слово слово', 12)).toBe('слово слово');
  });

  it('always returns a prefix of the text within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 5, max: 300 }), (text, limit) => {
        const trimmed = trimAtSentence(text, limit);
        expect(trimmed.length).toBeLessThanOrEqual(limit);
        expect(text.trim().startsWith(trimmed)).toBe(true);
      }),
    );
  });
});

describe('focusList', () => {
  const spec = '• Тип: автоматическая\n• Давление помпы: 15 бар\n• Объём: 1,8 л\n• Цвет: чёрный';

  it('quotes only the items of a long list that hold the question terms', () => {
    expect(focusList(spec, ['давлен'])).toBe('• Давление помпы: 15 бар');
  });

  it('quotes the whole list when its introducing line is what was asked', () => {
    const kit = 'В комплекте:\n• ложка\n• инструкция\n• коробка\n• трубка';
    expect(focusList(kit, ['комплект', 'коробк'])).toBe(kit);
  });

  it('quotes short lists and lists where nothing or everything matches whole', () => {
    expect(focusList('• Давление: 15 бар\n• Цвет: чёрный', ['давлен'])).toBe('• Давление: 15 бар\n• Цвет: чёрный');
    expect(focusList(spec, ['гарант'])).toBe(spec);
    expect(focusList('Просто абзац про давление.', ['давлен'])).toBe('Просто абзац про давление.');
  });
});

describe('measureCoverage', () => {
  it('is the weighted share of terms found, attribute words weighing half', () => {
    expect(measureCoverage(['доставк', 'казан'], ['доставк'])).toBe(0.5);
    expect(measureCoverage(['рам', 'размер'], ['рам'])).toBeCloseTo(2 / 3);
    expect(measureCoverage([], [])).toBe(0);
  });
});

describe('findAnswer', () => {
  const index = buildPassageIndex([
    passage(0, 'Доставка по всей России через СДЭК.', { document: 'dostavka.md', headings: ['Доставка'] }),
    passage(1, 'Стоимость доставки по тарифу перевозчика.', { document: 'dostavka.md', position: 1 }),
    passage(2, 'Гарантия 6 месяцев.', { document: 'item-1.md', itemId: 1, title: 'Чайник Bosch' }),
    passage(3, 'Цвет корпуса бирюзовый.', { document: 'item-1.md', itemId: 1, title: 'Чайник Bosch', position: 1 }),
  ]);

  it('answers from general documents without a listing', () => {
    const answer = findAnswer(index, { question: 'Доставка есть?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], engine: 'local', strategy: 'general' });
    expect(answer.text).toContain('СДЭК');
  });

  it('joins a second passage of the same document in document order', () => {
    const answer = findAnswer(index, { question: 'Как доставляете?' });
    expect(answer.text).toBe('Доставка по всей России через СДЭК.\n\nСтоимость доставки по тарифу перевозчика.');
  });

  it('drops the words naming the listing itself (its title) before judging coverage', () => {
    const untitled = buildPassageIndex([passage(0, 'Гарантия 6 месяцев.', { itemId: 1 })]);
    const question = 'Гарантия на чайник Bosch есть?';
    expect(findAnswer(untitled, { question, listing: { id: 1, title: 'Чайник Bosch TWK' } })).toMatchObject({ status: 'FOUND', strategy: 'item' });
    expect(findAnswer(untitled, { question, listing: { id: 1 } }).status).toBe('NOT_FOUND');
  });

  it('never answers from another listing\'s documents', () => {
    expect(findAnswer(index, { question: 'Какой цвет корпуса?', listing: { id: 1 } }).status).toBe('FOUND');
    expect(findAnswer(index, { question: 'Какой цвет корпуса?', listing: { id: 2 } })).toMatchObject({ status: 'NOT_FOUND', strategy: 'cascaded' });
    expect(findAnswer(index, { question: 'Какой цвет корпуса?' })).toMatchObject({ status: 'NOT_FOUND', strategy: 'general' });
  });

  it('does not answer attribute-only questions from general documents', () => {
    const general = buildPassageIndex([passage(0, 'Стоимость зависит от веса и размеров посылки.')]);
    expect(findAnswer(general, { question: 'Какой вес и размер?', listing: { id: 9 } }).status).toBe('NOT_FOUND');
    expect(findAnswer(general, { question: 'Стоимость зависит от веса?' }).status).toBe('FOUND');
  });

  it('honours the threshold', () => {
    expect(findAnswer(index, { question: 'Доставка в Казань?' }, 0.6).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'Доставка в Казань?' }, 0.5).status).toBe('FOUND');
  });

  it('answers one of several buyer lines when the whole inquiry is not covered', () => {
    const answer = findAnswer(index, { question: 'Здравствуйте!\nКвартиры продаёте?\nА доставка есть?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'] });
  });
});
