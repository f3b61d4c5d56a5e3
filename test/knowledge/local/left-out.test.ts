import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const LISTING = { id: 4012345678, title: 'iPhone 14 Pro 256 ГБ' };

describe('the questions of a message an answer leaves out', () => {
  const shop = useKnowledgeFolder({
    'item-4012345678-iphone.md':
      '# iPhone 14 Pro 256 ГБ\n\nЁмкость аккумулятора 91%, родной. Цвет фиолетовый, других нет.\n\nПод заказ привезём другой объём за 5-7 дней.\n\nСостояние: новый, не б/у.\n',
    'dostavka.md': '# Доставка\n\nОтправляем СДЭК по всей России.\n',
  });

  it('names the question nothing answers, as the buyer typed it, beside the answer to the rest', async () => {
    const answer = await shop.ask('акб какая, сим физ есть?', LISTING);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('91%');
    expect(answer.leftOut).toEqual(['сим физ есть']);
  });

  it('names a question of its own sentence too', async () => {
    const answer = await shop.ask('доставка сдэком есть? а гравировку делаете?', LISTING);
    expect(answer.text).toContain('СДЭК');
    expect(answer.leftOut).toEqual(['а гравировку делаете']);
  });

  it('has none when every question is answered', async () => {
    const answer = await shop.ask('акб какая? доставка есть?', LISTING);
    expect(answer.status).toBe('FOUND');
    expect(answer).not.toHaveProperty('leftOut');
  });

  it('reads an alternative, an amount asked and a colour asked as answered by the line that answers them', async () => {
    // "новый или б/у": the line naming one answers the choice; "скока ждать": any time stated; "розовый": the colour line.
    expect(await shop.ask('он новый или б/у?', LISTING)).not.toHaveProperty('leftOut');
    expect(await shop.ask('другой объём под заказ есть? скока ждать', LISTING)).not.toHaveProperty('leftOut');
    expect(await shop.ask('розовый есть?', LISTING)).not.toHaveProperty('leftOut');
  });

  it('leaves out what is told, not asked, and the listing\'s own availability', async () => {
    // "беру в подарок" asks nothing; "ещё продаёте?" of a listing Avito shows is answered by its being there.
    expect(await shop.ask('беру в подарок жене, акб какая?', LISTING)).not.toHaveProperty('leftOut');
    expect(await shop.ask('ещё продаёте? акб какая', LISTING)).not.toHaveProperty('leftOut');
  });
});
