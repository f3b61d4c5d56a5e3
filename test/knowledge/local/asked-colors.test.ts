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
