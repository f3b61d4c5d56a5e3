import { describe, expect, it } from 'vitest';
import { speaksOfOtherColors } from '../../../src/knowledge/local/asked-colors.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const CHAIR = 7501;
const FRIDGE = 7502;

describe('a colour the listing never names', () => {
  const shop = useKnowledgeFolder({
    [`item-${CHAIR}-stulchik.md`]: '---\ntitle: Стульчик для кормления\n---\n\nСтульчик новый, цвет графит (тёмно-серый). Другие цвета — спрашивайте, привезём со склада.\n\nЦена 8 990 ₽.\n',
    [`item-${FRIDGE}-holodilnik.md`]: '---\ntitle: Холодильник Атлант\n---\n\nЦвет — белый. Высота 186 см.\n',
    'dostavka.md': '# Доставка\n\nДоставка по городу 500 ₽. Белые и серые коробки не выдаём.\n',
  });

  it('is answered by the listing\'s line on other colours', async () => {
    for (const question of ['розовый есть?', 'а в белом цвете есть?']) {
      const answer = await shop.ask(question, { id: CHAIR });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('Другие цвета');
      expect(answer.sources, question).toEqual([`item-${CHAIR}-stulchik.md`]);
    }
  });

  it('falls back where the listing only names its own colour: that says nothing of a brown one', async () => {
    expect((await shop.ask('а коричневый такой же есть?', { id: FRIDGE })).status).toBe('NOT_FOUND');
  });
});

describe('speaksOfOtherColors', () => {
  it('reads lines on colours besides the listing\'s own', () => {
    expect(speaksOfOtherColors('цвет чёрный (других цветов нет)')).toBe(true);
    expect(speaksOfOtherColors('Цвет только чёрный')).toBe(true);
    expect(speaksOfOtherColors('Цвет — белый')).toBe(false);
  });
});

describe('a colour asked with no product named', () => {
  const shop = useKnowledgeFolder({
    'prais.csv': 'Наименование;Цена, руб;Примечание\nРемень гитарный 5 см;1200;чёрный\nСтойка для гитары;990;серая\n',
    'oplata.md': '# Оплата\n\nБронь: отложим на 2 дня без предоплаты.\n',
  });

  it('is not answered by a general row that happens to be of that colour', async () => {
    // "хочу в черный перекрасить": the row of a black strap says nothing of repainting a guitar.
    expect((await shop.ask('хочу в черный перекрасить')).status).toBe('NOT_FOUND');
  });

  it('leaves "бронь", whose stem a colour word once shared, a question about booking', async () => {
    const answer = await shop.ask('бронь есть?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('2 дня');
  });
});
