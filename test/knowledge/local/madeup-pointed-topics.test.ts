import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const NETS = 7601;
const listing = { id: NETS, title: 'Москитные сетки на окна и двери' };

describe('a clause naming the thing a later question points back to ("…, а защелка на ней есть?")', () => {
  const shop = useKnowledgeFolder({
    [`item-${NETS}-setki.md`]: '---\ntitle: Москитные сетки на окна и двери\n---\n\n• рамочная сетка: 1 100 руб/шт\n• дверная сетка на петлях с доводчиком: 4 800 руб/шт\n',
  });

  it('is not answered by the line on that thing alone', async () => {
    expect((await shop.ask('дверная сетка с доводчиком, а магнитная защелка на ней есть?', listing)).status).toBe('NOT_FOUND');
  });

  it('is answered where the documents name what is asked of it', async () => {
    await shop.write({ [`item-${NETS}-setki.md`]: '---\ntitle: Москитные сетки на окна и двери\n---\n\n• дверная сетка на петлях с доводчиком и магнитной защелкой: 4 800 руб/шт\n' });
    expect(await shop.ask('дверная сетка с доводчиком, а магнитная защелка на ней есть?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('защелкой') });
  });

  it('still answers the clause where nothing points back to it', async () => {
    await shop.write({ [`item-${NETS}-setki.md`]: '---\ntitle: Москитные сетки на окна и двери\n---\n\n• дверная сетка на петлях с доводчиком: 4 800 руб/шт\n' });
    expect(await shop.ask('дверная сетка с доводчиком почем?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('4 800') });
  });
});
