import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const EARBUDS = 7702;

describe('what the thing should work with, named after "с"', () => {
  const shop = useKnowledgeFolder({
    [`item-${EARBUDS}-airpods.md`]:
      '---\ntitle: AirPods Pro 2\n---\n\nШумоподавление, режим прозрачности. Кейс заряжается от USB-C. Время работы наушников до 6 ч, с кейсом до 30 ч.\n',
  });

  it('is not answered by a passage on the rest where the documents never name it', async () => {
    const answer = await shop.ask('с андроидом шумодав будет работать?', { id: EARBUDS });
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('is answered where they name it', async () => {
    const answer = await shop.ask('сколько работают с кейсом?', { id: EARBUDS });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('до 30 ч') });
  });
});
