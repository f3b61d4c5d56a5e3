import { describe, expect, it } from 'vitest';
import { foldSeriesCode } from '../../../src/knowledge/local/series-codes.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const listing = { id: 4170000002, title: 'Samsung Galaxy S23 8/256 Phantom Black' };

describe('a model code the buyer types from the listing title', () => {
  const shop = useKnowledgeFolder({
    'item-4170000002-samsung.txt': 'Samsung Galaxy S23 8/256 Phantom Black\n\nЦена 46 000 руб, состояние отличное.\n',
    'prays.csv': [
      'Наименование;Совместимость;Цена, ₽;Наличие',
      'Защитное стекло 9D;iPhone 11 / 12 / 13 / 14;490;есть',
      'Защитное стекло с вырезом под отпечаток;Samsung Galaxy S23;950;под заказ 2 дня',
      'Чехол прозрачный;Samsung Galaxy S23;700;есть',
      '',
    ].join('\n'),
  });

  it('picks the price-list row naming that model, in either alphabet', async () => {
    for (const question of ['стекло на с23 есть?', 'стекло на s23 есть?']) {
      const answer = await shop.ask(question, listing);
      expect(answer.status).toBe('FOUND');
      expect(answer.text).toContain('950');
    }
  });
});

describe('foldSeriesCode', () => {
  it('folds letters that look or sound alike to one Latin spelling', () => {
    expect(foldSeriesCode('с23')).toBe('s23');
    expect(foldSeriesCode('s23')).toBe('s23');
    expect(foldSeriesCode('р16')).toBe(foldSeriesCode('r16'));
    expect(foldSeriesCode('стекло')).toBeUndefined();
    expect(foldSeriesCode('23')).toBeUndefined();
  });
});
