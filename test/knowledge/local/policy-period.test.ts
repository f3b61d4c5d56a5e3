import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a policy asked, answered from its own document', () => {
  const shop = useKnowledgeFolder({
    'obmen-i-vozvrat.md':
      '# Обмен и возврат\n\nВсё по-честному.\n\n**Срок — 14 дней** с момента получения. Вещь не носили, бирки на месте.\n\nНе подошёл размер — поменяю на другой размер или цвет, если он есть в наличии.\n',
    'garantiya.md': '# Гарантия\n\nГарантия на швы 1 год, на фурнитуру 6 месяцев.\n',
  });

  it('adds the sentence that says how long the policy holds', async () => {
    const answer = await shop.ask('если не подойдет можно обменять');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('поменяю');
    expect(answer.text).toContain('14 дней');
  });

  it('adds nothing where the quoted passage states a period itself', async () => {
    const answer = await shop.ask('гарантия на швы какая');
    expect(answer.text).toContain('1 год');
    expect(answer.sources).toEqual(['garantiya.md']);
    expect(answer.text).not.toContain('14 дней');
  });
});
