import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a statement closing on "без" and a word', () => {
  const shop = useKnowledgeFolder({
    'oplata.txt': 'Оплата: наличными, картой, переводом.\nБезналичный расчет для организаций (счет, закрывающие документы, работаем без НДС)\n',
    'trade-in.md': '# Трейд-ин\n\nПринимаем телефоны без коробки по цене на 1 000 ₽ ниже.\n',
  });

  it('states the word absent, firmly enough to answer whether it is there', async () => {
    const answer = await shop.ask('ндс есть?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('без НДС');
  });

  it('does not where the statement goes on: the word names a case of it', async () => {
    const answer = await shop.ask('коробка есть?');
    expect(answer.status).toBe('NOT_FOUND');
  });
});
