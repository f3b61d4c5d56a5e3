import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

// Readings that set a buyer's words apart, or read them as the documents' words, must not make the bot answer what the
// documents do not say: each case here fell back before those readings and must still fall back.

describe('words read one way in a question only', () => {
  const VASE = 7801;
  const shop = useKnowledgeFolder({
    [`item-${VASE}-vaza.md`]: '---\ntitle: Ваза напольная\n---\n\nЦена 2 500 руб.\n\nНемецкое качество по доступной цене.\n\nПримите во внимание: стекло хрупкое.\n',
    'akcii.md': '# Акции\n\nКупите сейчас — получите подарок!\n',
  });

  it('are not read so in the seller\'s text ("Немецкое качество" states no country, "Примите во внимание" accepts nothing)', async () => {
    for (const question of ['финская?', 'какая страна?', 'карты принимаете?', 'выкупаете телефоны?']) {
      expect((await shop.ask(question, { id: VASE, title: 'Ваза напольная' })).status, question).toBe('NOT_FOUND');
    }
  });
});

describe('a day named beside a delivery or a pickup', () => {
  const shop = useKnowledgeFolder({ 'dostavka.md': '# Доставка\n\nДоставка по Москве 1500 р.\n\nСамовывоз из Подольска.\n' });

  it('is what is asked: a passage naming no day does not answer it', async () => {
    for (const question of ['доставка в воскресенье есть?', 'самовывоз в воскресенье можно?']) {
      expect((await shop.ask(question)).status, question).toBe('NOT_FOUND');
    }
  });
});

describe('a colour asked', () => {
  it('is not answered by flowers, or by "all colours" of something else', async () => {
    const index = buildPassageIndex([
      { id: 0, document: 'item-1.md', title: 'Букет из 25 красных роз', headings: [], text: 'Цветы только свежие, привозим каждый день.', position: 0, itemId: 1 },
      { id: 1, document: 'item-2.md', title: 'Ваза', headings: [], text: 'Цвет белый. Подходит ко всем цветам интерьера.', position: 1, itemId: 2 },
    ]);
    expect(findAnswer(index, { question: 'а белые есть?', listing: { id: 1 } }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'розовая есть?', listing: { id: 2 } }).status).toBe('NOT_FOUND');
  });
});

describe('a brand asked against a copy', () => {
  const DRYER = 7802;
  const shop = useKnowledgeFolder({ [`item-${DRYER}-fen.md`]: '---\ntitle: Фен Dyson Supersonic HD07\n---\n\nФен Dyson Supersonic HD07, 5 насадок. Цена 18 000 руб.\n' });

  it('is not answered by the title naming the brand: that does not say the thing is genuine', async () => {
    expect((await shop.ask('это дайсон или копия?', { id: DRYER, title: 'Фен Dyson Supersonic HD07' })).status).toBe('NOT_FOUND');
  });
});

describe('a listing\'s price asked with what comes with it', () => {
  const DRILL = 7803;
  const shop = useKnowledgeFolder({ [`item-${DRILL}-drel.md`]: '---\ntitle: Шуруповёрт\n---\n\nЦена 5 900 руб. В комплекте два аккумулятора и зарядка.\n' });

  it('is still answered by the listing\'s price (only a delivery\'s price needs its own sentence)', async () => {
    expect((await shop.ask('цена с зарядкой?', { id: DRILL })).text).toContain('5 900');
  });
});

describe('"отдадите" with no amount', () => {
  const SOFA = 7804;
  const shop = useKnowledgeFolder({ [`item-${SOFA}-divan.md`]: '---\ntitle: Диван\n---\n\nЦена 20 000 руб. Торг уместен.\n' });

  it('asks when, not a discount', async () => {
    expect((await shop.ask('отдадите сегодня?', { id: SOFA })).status).toBe('NOT_FOUND');
  });
});

describe('a plan clause beside a clause that asks nothing', () => {
  const shop = useKnowledgeFolder({ 'oplata.md': '# Оплата\n\nУдобная оплата: наличные или перевод.\n' });

  it('is the question itself: it is not set apart', async () => {
    expect((await shop.ask('могу приехать в воскресенье, удобно вам')).status).toBe('NOT_FOUND');
  });
});
