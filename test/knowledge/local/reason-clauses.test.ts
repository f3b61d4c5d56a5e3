import { describe, expect, it } from 'vitest';
import { dropReasons } from '../../../src/knowledge/local/reason-clauses.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const STYLER = 7001;

describe('a reason the buyer gives', () => {
  const shop = useKnowledgeFolder({
    [`item-${STYLER}-fen.md`]: '---\ntitle: Фен-стайлер Dreame, как Dyson Airwrap\n---\n\nСразу честно: это НЕ Dyson, это Dreame.\n\nЦена: 14 900 ₽.\n',
    'vozvrat.md': '# Возврат\n\nДеньги возвращаю в течение 3 дней после фото брака.\n',
  });

  it('is no question: its words do not choose the passage', async () => {
    const answer = await shop.ask('это дайсон или нет а то на фото один в один', { id: STYLER });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('НЕ Dyson');
    expect(answer.sources).toEqual([`item-${STYLER}-fen.md`]);
  });
});

describe('dropReasons', () => {
  it('cuts a reason to the end of its sentence', () => {
    expect(dropReasons('это дайсон или нет а то на фото один в один')).toBe('это дайсон или нет');
    expect(dropReasons('скиньте размеры, потому что не знаю свой. цена?')).toBe('скиньте размеры. цена?');
  });

  it('leaves a noun clause and a message that opens with the words', () => {
    expect(dropReasons('а то что в комплекте?')).toBe('а то что в комплекте?');
    expect(dropReasons('цена не та, а то, что на фото, есть?')).toBe('цена не та, а то, что на фото, есть?');
  });
});
