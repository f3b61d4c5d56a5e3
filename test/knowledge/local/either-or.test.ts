import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const SUIT = 4110000002;
const listing = { id: SUIT, title: 'Костюм худи + джоггеры оверсайз' };

describe('an either/or question', () => {
  const shop = useKnowledgeFolder({
    'o-magazine.md': '# О магазине\n\nВсе вещи перед отправкой сама проверяю: молнии, швы, кнопки, чтобы не было пятен. Фото в объявлениях наши.\n',
  });
  const writeSuit = (suit: string) => shop.write({ [`item-${SUIT}-kostyum.md`]: `---\nitem_id: ${SUIT}\ntitle: Костюм худи + джоггеры оверсайз\n---\n\n${suit}\n` });

  it('is not answered by a general passage naming one alternative of something else', async () => {
    await writeSuit('Футер с начёсом, 80 % хлопок. Размеры S–XL, посадка свободная.');
    expect((await shop.ask('худи на молнии или через голову надевать', listing)).status).toBe('NOT_FOUND');
  });

  it('is answered by the listing own passage on it', async () => {
    await writeSuit('Худи на молнии во всю длину, с капюшоном. Футер с начёсом, 80 % хлопок.');
    expect(await shop.ask('худи на молнии или через голову надевать', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('на молнии') });
  });
});

describe('alternatives of one question ("новые или б/у?")', () => {
  const TIRES = 7401;
  const shop = useKnowledgeFolder({
    [`item-${TIRES}-shiny.txt`]: 'Cordiant Comfort 2 185/65 R15 — летние\n\nНовая летняя резина, не б/у, с наклейками, партия 2024 года.\n\nЦена 5 200 р. за 1 шт.\n',
    'faq.md': '# Вопросы\n\nМожно ли посмотреть шины перед покупкой? Да, приезжайте. Б/у колеса можем при вас поставить на стенд.\n',
  });
  const tires = { id: TIRES, title: 'Cordiant Comfort 2 185/65 R15 летние' };

  it('are answered by the listing that states one of them, denied or not, and not by a general passage on another', async () => {
    for (const question of ['это новые или бу?', 'резина б/у?']) {
      const answer = await shop.ask(question, tires);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('не б/у');
      expect(answer.sources, question).toEqual([`item-${TIRES}-shiny.txt`]);
    }
  });

  it('are answered by the listing where its title names one of them', async () => {
    const PODS = 7402;
    await shop.write({
      [`item-${PODS}-airpods.txt`]: 'AirPods Pro 2 новые\n\nНаушники новые, запечатанные, в плёнке.\n',
      'garantiya.md': '# Гарантия\n\nБ/у технику проверяем перед продажей, гарантия на б/у 1 месяц.\n',
    });
    const answer = await shop.ask('а они новые или б/у?', { id: PODS, title: 'AirPods Pro 2 новые' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('запечатанные');
    expect(answer.sources).toEqual([`item-${PODS}-airpods.txt`]);
  });
});

describe('alternatives after a repeated question', () => {
  const BIKE = 7403;
  const shop = useKnowledgeFolder({
    [`item-${BIKE}-velik.md`]: '---\ntitle: Велосипед Stels\n---\n\nСостояние новое, не б/у.\n',
    'dostavka.md': '# Доставка\n\nДоставка по городу курьером, 300 р.\n',
  });

  it('are grouped with their own choice, not with the question before the repeated one', async () => {
    const answer = await shop.ask('новый? доставка курьером есть? новый или б/у?', { id: BIKE, title: 'Велосипед Stels' });
    expect(answer.text).toContain('не б/у');
    expect(answer.text).toContain('курьером, 300 р.');
  });
});
