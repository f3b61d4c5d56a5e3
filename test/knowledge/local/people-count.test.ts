import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const listing = { id: 4160000004, title: 'Стол обеденный раздвижной 120(160)х80' };

describe('a count of people asked of a listing', () => {
  const shop = useKnowledgeFolder({
    'item-4160000004-stol.md':
      '# Стол обеденный раздвижной\n\nСтолешница МДФ 22 мм, ноги массив бука.\n\nЗа ним садятся 6 человек, разложенный — 8.\n\nСтулья в комплект не входят.\n',
  });

  it('is answered by the statement counting them', async () => {
    const answer = await shop.ask('за ним скока человек поместится', listing);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('6 человек');
  });

  it('leaves a request for a person no search term', async () => {
    const answer = await shop.ask('позовите человека', listing);
    expect(answer.status).toBe('NOT_FOUND');
  });
});
