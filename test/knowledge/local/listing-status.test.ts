import { describe, expect, it } from 'vitest';
import { readPhrases } from '../../../src/knowledge/local/phrase-reading.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const listing = { id: 4160000003, title: 'Угловой диван Осло' };

describe('whether the listing is still for sale', () => {
  const shop = useKnowledgeFolder({
    'item-4160000003-divan.txt': 'Угловой диван Осло — новый, осталось 2 шт: один стоит в шоуруме, второй в упаковке на складе.\n\nРазмеры: общий 2600 на 1650 мм.\n',
    'dostavka.md': '# Доставка\n\n## Мебель из наличия\n\nСборка: диван бесплатно, стол 500 р.\n\nПодъём: есть грузовой лифт — 300 р.\n',
  });

  it('is answered by the listing own document, not by a general section on stock furniture', async () => {
    const answer = await shop.ask('здравствуйте диван еще продаете? размеры какие', listing);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('осталось 2 шт');
    expect(answer.text).toContain('2600');
    expect(answer.text).not.toContain('Сборка');
  });
});

describe('readPhrases on selling', () => {
  it('reads "ещё продаёте" as availability and leaves "продаёте" alone', () => {
    expect(readPhrases(['еще', 'продаете'])).toEqual(['еще', 'наличие']);
    expect(readPhrases(['кабель', 'продаете'])).toEqual(['кабель', 'продаете']);
  });
});

describe('availability asked beside the price of a listing whose documents never state it', () => {
  const phone = { id: 4170000001, title: 'iPhone 13 128 ГБ Midnight' };
  const shop = useKnowledgeFolder({
    'item-4170000001-iphone.md': '# iPhone 13 128 ГБ\n\nЦена 41 500 ₽. Торг только при осмотре.\n',
    'prays.csv': ['Наименование;Цена, ₽;Наличие', 'Защитное стекло 9D;490;есть', 'Автомобильный держатель;900;нет в наличии', ''].join('\n'),
  });

  it('is answered with the listing price, not price-list rows in stock', async () => {
    const answer = await shop.ask('привет) цена актуальна', phone);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('41 500');
    expect(answer.text).not.toContain('490');
  });

  it('is not answered at all when asked alone', async () => {
    const answer = await shop.ask('актуально?', phone);
    expect(answer.text).not.toContain('490');
  });
});
