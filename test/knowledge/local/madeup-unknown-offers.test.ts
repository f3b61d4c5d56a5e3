import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a question whether the shop does something the documents never name ("открытку можете вложить?")', () => {
  const shop = useKnowledgeFolder({
    'podarki.md':
      '# Вопросы\n\n— Подарочный набор?\nДа: 3 баночки по 250 г (разнотравье, гречишный), деревянная ложечка, крафт-коробка с лентой — 990 р. Корпоративным от 10 наборов — 900 р за шт.\n\n— Есть ли дегустация?\nДа, при самовывозе.\n',
    'opt.txt': 'Мёд оптом\n\nМагазинам, кафе - работаем по договору, безнал.\n',
  });

  it('is not answered by a passage on the rest of its words', async () => {
    expect((await shop.ask('в подарочный набор открытку можете вложить? с подписью от фирмы')).status).not.toBe('FOUND');
  });

  it('is answered where the documents name the thing', async () => {
    await shop.write({ 'podarki.md': '# Подарки\n\nПодарочный набор: 3 баночки мёда по 250 г, в набор можем вложить открытку с вашим текстом — 990 р.\n' });
    expect(await shop.ask('в подарочный набор открытку можете вложить?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('открытку') });
  });

  it('leaves alone a number in words', async () => {
    await shop.write({ 'podarki.md': '# Подарки\n\nПодарочный набор: 3 баночки мёда по 250 г — 990 р. При покупке от 3 наборов сделаем скидку 10%.\n' });
    expect(await shop.ask('скидку сделаете если возьму четыре набора?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('10%') });
  });
});
