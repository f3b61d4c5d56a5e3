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
