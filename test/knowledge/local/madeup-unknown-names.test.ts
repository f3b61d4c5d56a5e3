import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const SCOOTER = 7711;

describe('a Latin name no document holds', () => {
  const shop = useKnowledgeFolder({
    [`item-${SCOOTER}-samokat.md`]:
      '---\ntitle: Электросамокат Xiaomi 4 Pro\n---\n\nЗапас хода: до 45 км по паспорту, по факту 30-35 км. Мотор 350 Вт.\n\nЦена: 46 990 руб.\n',
  });

  it('names another model: the listing\'s passage on the rest of the question does not answer for it', async () => {
    const answer = await shop.ask('а у 4 ultra какой запас хода?', { id: SCOOTER });
    expect(answer.text ?? '').not.toContain('45 км');
  });

  it('leaves a Latin name the documents hold to coverage', async () => {
    const answer = await shop.ask('у xiaomi 4 pro какой запас хода?', { id: SCOOTER });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('45 км') });
  });
});
