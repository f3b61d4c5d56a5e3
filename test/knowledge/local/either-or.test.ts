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
