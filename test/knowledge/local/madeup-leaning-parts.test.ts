import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const REPAIR = 7721;
const listing = { id: REPAIR, title: 'Ремонт ноутбуков: чистка, замена термопасты, экрана' };

describe('a question of one verb after a sentence naming the thing ("…? через сколько менять")', () => {
  const shop = useKnowledgeFolder({
    [`item-${REPAIR}-remont-noutbukov.md`]: [
      '---',
      `item_id: ${REPAIR}`,
      'title: Ремонт ноутбуков: чистка, замена термопасты, замена экрана',
      '---',
      '# Ремонт ноутбуков',
      '',
      'Чистка от пыли с заменой термопасты — 1 500 ₽, за 1 день. Термопаста на жидкий металл — 3 500 ₽.',
      '',
      'Экран: матрицы подбираем точно по модели (разъём 30 или 40 pin). Популярные 15,6" почти всегда есть в наличии, меняем за 1–3 дня, остальное заказываем, приходит за 5–7 дней.',
      '',
    ].join('\n'),
  });

  it('is not answered by a passage doing that to another thing', async () => {
    const answer = await shop.ask('жидкий металл на скок хватает? через сколько менять', listing);
    expect(answer.text).not.toContain('1–3 дня');
  });

  it('is answered by a passage doing it to the thing named', async () => {
    expect(await shop.ask('экран разбит. быстро меняете?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('1–3 дня') });
  });
});

const STORE = '# О нас\n\nПродаём б/у и новые смартфоны в Екатеринбурге с 2018 года. Каждый б/у телефон проверяет мастер.\n\nг. Екатеринбург, ул. Малышева, 71, 2 этаж. Работаем без выходных, с 10 до 21 часа.\n';

describe('a sentence of one governed noun after a question naming the thing ("…? на год например")', () => {
  const shop = useKnowledgeFolder({ 'o-nas.md': STORE });

  it('is not answered by a passage holding that noun and nothing of the thing', async () => {
    expect((await shop.ask('гарантию можно продлить за доплату? на год например')).status).toBe('NOT_FOUND');
  });
});

describe('a sentence of one governed noun after a question naming the thing, where a passage names it', () => {
  const shop = useKnowledgeFolder({ 'o-nas.md': STORE, 'garantiya.md': '# Гарантия\n\nНа б/у телефоны гарантия 3 месяца, на новые — 1 год от производителя.\n' });

  it('is answered by that passage', async () => {
    expect(await shop.ask('гарантия есть? на год например')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('1 год') });
  });
});

describe('a verb naming a rule of the shop after a question naming a thing ("Какая гарантия? И как доставляете?")', () => {
  const shop = useKnowledgeFolder({
    'garantiya.md': '# Гарантия\n\nНа б/у телефоны гарантия 3 месяца.\n',
    'dostavka.md': '# Доставка\n\nДоставляем по городу курьером за 300 руб., по России отправляем СДЭК.\n',
  });

  it('asks that rule, leaning on nothing', async () => {
    expect(await shop.ask('Какая гарантия? И как доставляете?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('курьером') });
  });
});
