import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('the shop\'s address asked', () => {
  const shop = useKnowledgeFolder({
    'o-magazine.txt':
      'Зоотовары «Хвост Трубой», Екатеринбург\n\nРаботаем с 2017 года, сейчас два пункта выдачи + доставка.\n\nПункт выдачи №1 — ул. Родонитовая, 9 (Ботанический р-н), вход со двора.\nЧасы: пн–сб 10:00–20:00.\n\nПункт выдачи №2 — ул. Шефская, 87 (Эльмаш).\nЧасы: пн–пт 12:00–20:00.\n',
    'dostavka.md': '# Доставка\n\nБесплатно из любого нашего пункта выдачи (адреса и часы — в файле «о магазине»).\n\nСамовывоз: с нашей точки, адрес в описании магазина, бесплатно.\n',
    'faq.md': '# Частые вопросы\n\nМожно ли посмотреть товар перед покупкой? Да, на точке можно всё посмотреть и пощупать.\n',
  });

  it('is answered by the address itself, not by a line pointing to where it is written', async () => {
    for (const question of ['где вы находитесь адрес', 'адрес скиньте']) {
      const answer = await shop.ask(question);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toMatch(/Родонитовая, 9|Шефская, 87/u);
    }
  });

  it('is answered beside another question ("где можно посмотреть? адрес скиньте")', async () => {
    const answer = await shop.ask('где можно посмотреть? адрес скиньте');
    expect(answer.text).toMatch(/Родонитовая, 9|Шефская, 87/u);
  });
});

describe('the address of a place the question names', () => {
  const shop = useKnowledgeFolder({
    'o-nas.md':
      '# О нас\n\nПродаём стройматериалы со своей площадки, крытый склад 800 м².\n\nАдрес: пос. Южный, ул. Северная, 2Б, заезд с Ростовского шоссе.\n\nТелефон склада: +7 918 320-45-17.\n',
    'oplata.txt':
      'ОПЛАТА\n\nКак можно оплатить:\n- наличными — на складе или водителю при получении\n- банковской картой (МИР, Visa, Mastercard) — только на складе, в кассе стоит терминал\n',
  });

  it('is not answered by a passage naming the place in passing', async () => {
    const answer = await shop.ask('с продавцом говорить не хочу, напишите адрес склада');
    expect(answer.sources).not.toContain('oplata.txt');
  });
});
