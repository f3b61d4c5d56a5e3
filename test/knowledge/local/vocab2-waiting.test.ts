import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const DOCUMENTS = {
  'dostavka.md': '# Доставка\n\nКурьер ждет 15 мин, можно осмотреть товар на месте.\n\nПо городу привозим на следующий день.',
};

describe('waiting, every form of the verb', () => {
  const shop = useKnowledgeFolder(DOCUMENTS);

  it('reads "ждёт" and "подождёт" as one term', () => {
    expect(extractTerms('курьер ждёт')).toEqual(extractTerms('курьер подождёт'));
  });

  it('answers "курьер подождет?" by how long the courier waits', async () => {
    const answer = await shop.ask('курьер подождет пока я посмотрю?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('15 мин');
  });
});
