import { describe, expect, it } from 'vitest';
import { asksAvailabilityAlone } from '../../../src/knowledge/local/listing-status.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const HONEY_CAKE = 7601;
const BENTO = 7602;

describe('"ещё есть?" in a listing\'s chat', () => {
  const shop = useKnowledgeFolder({
    'medovik.json': JSON.stringify({ item_id: HONEY_CAKE, title: 'Медовик классический', 'наличие': 'готовые медовики бывают пт, сб, вс. В будни только под заказ', 'вес': 'около 1,2 кг' }),
    [`item-${BENTO}-bento.md`]: '---\ntitle: Бенто-торт\n---\n\nБенто-торт 450 г, диаметр 11 см. Надпись любая.\n',
    'o-nas.md': '# О нас\n\nПеку на заказ с 2018 года. Всё в наличии на витрине только по выходным.\n',
  });

  it('asks whether the listing is still there, answered by its own statement', async () => {
    for (const question of ['еще есть?', 'а есть сейчас?', 'медовик есть щас?']) {
      const answer = await shop.ask(question, { id: HONEY_CAKE });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('бывают пт, сб, вс');
    }
    const both = await shop.ask('медовик есть щас? какой вес', { id: HONEY_CAKE });
    expect(both.text).toContain('бывают пт, сб, вс');
    expect(both.text).toContain('1,2 кг');
  });

  it('falls back where the listing\'s documents never say, and in a chat with no listing', async () => {
    expect((await shop.ask('еще есть?', { id: BENTO })).status).toBe('NOT_FOUND');
    expect((await shop.ask('еще есть?')).status).toBe('NOT_FOUND');
  });
});

describe('asksAvailabilityAlone', () => {
  const own = (word: string): boolean => word === 'медовик';

  it('reads "есть" with the listing\'s name and nothing else', () => {
    expect(asksAvailabilityAlone('медовик есть щас?', own)).toBe(true);
    expect(asksAvailabilityAlone('а ещё остались?', own)).toBe(true);
    expect(asksAvailabilityAlone('есть доставка?', own)).toBe(false);
    expect(asksAvailabilityAlone('медовик без орехов есть?', own)).toBe(false);
    expect(asksAvailabilityAlone('какой вес', own)).toBe(false);
  });
});
