import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { asksKitContents } from '../../../src/knowledge/local/kit-contents.js';

describe('what the kit holds', () => {
  const shop = useKnowledgeFolder({
    'item-8-bolgarka.txt':
      'Болгарка Bosch, набор в кейсе\n\nЦена 5 900 р. за весь набор, без дисков не продаём.\n\nЧто в наборе:\n- сама УШМ\n- защитный кожух\n- 5 отрезных дисков 125х1 мм\n- лепестковый круг P80\n\nСрок отправки 1-2 дня.',
    'item-9-akvarium.json': JSON.stringify({ название: 'Аквариум 100 л', цена: '12 500 руб. за комплект', комплектация: 'аквариум 100 л, крышка со светом, фильтр, нагреватель, грунт 5 кг' }),
    'item-10-iphone.md': '# iPhone 13\n\nТелефон с рук, аккуратный.\n\n## Что в комплекте\n- родная коробка\n- кабель USB-C — Lightning (оригинал)\n- скрепка для лотка сим',
    'o-magazine.txt': 'О нас\n\nПункт выдачи: ул. Родонитовая, 9, вход со двора.',
  });

  it('quotes the listing\'s kit list whole, whatever the verb ("идут", "входит") or the other words', async () => {
    const asked: Array<[string, number, string, string[]]> = [
      ['какие диски в наборе идут', 8, 'Болгарка Bosch, набор в кейсе', ['125х1', 'лепестковый круг']],
      ['что в комплект входит', 9, 'Аквариум 100 л', ['фильтр', 'нагреватель', 'грунт']],
      ['а что в комплекте кроме самого телефона?', 10, 'iPhone 13', ['родная коробка', 'скрепка']],
    ];
    for (const [question, id, title, quoted] of asked) {
      const answer = await shop.ask(question, { id, title });
      expect(answer.status, question).toBe('FOUND');
      for (const text of quoted) expect(answer.text, question).toContain(text);
      expect(answer.text, question).not.toContain('вход со двора');
    }
  });

  it('reads a question on the kit\'s contents, not whether one thing is in it', () => {
    expect(asksKitContents('что в коробке?')).toBe(true);
    expect(asksKitContents('комплектация какая')).toBe(true);
    expect(asksKitContents('кабель в комплекте есть?')).toBe(false);
    expect(asksKitContents('какая цена за комплект')).toBe(false);
    expect(asksKitContents('какой толщины поликарбонат в комплекте идет?')).toBe(false);
  });
});
