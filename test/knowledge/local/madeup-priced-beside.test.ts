import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const FRIDGE = 7703;

describe("a price asked of a thing in a listing's chat", () => {
  const shop = useKnowledgeFolder({
    [`item-${FRIDGE}-holodilnik.txt`]:
      'Холодильник ATLANT, 2017 г.в., рабочий.\n\nГарантия от нас 3 месяца на компрессор и всю систему. Доставка по Липецку 500р, подъем на этаж отдельно - см. прайс.\n\nЦена 16000 руб. Торга нет.\n',
  });

  it('is not answered by a passage pricing another thing in another sentence', async () => {
    const answer = await shop.ask('а если компрессор поменять потом понадобится скока это стоит', { id: FRIDGE, title: 'Холодильник ATLANT' });
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered by the sentence naming the thing with its price', async () => {
    const answer = await shop.ask('доставка по липецку скока стоит', { id: FRIDGE, title: 'Холодильник ATLANT' });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('500р') });
  });
});
