import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const LISTING = { id: 4012345601, title: 'Велосипед Stels Navigator 700' };

// A message part of which is left to a person is answered only where every quoted passage covers its part fully.
describe('an answer that leaves a question to a person', () => {
  const shop = useKnowledgeFolder({
    'item-4012345601-stels.md': '# Велосипед Stels Navigator 700\n\n18 скоростей, дисковые тормоза. Состояние: новый.\n',
    'garantiya.md': '# Гарантия\n\nГарантия на велосипеды 12 месяцев, кроме расходников.\n',
  });

  it('is given when it covers every word of its part', async () => {
    const answer = await shop.ask('гарантия на велосипед сколько? гравировку делаете?', LISTING);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 месяцев');
    expect(answer.leftOut).toEqual(['гравировку делаете']);
  });

  it('is not given on a passage missing a word of its part: the buyer gets the fallback, the seller every question', async () => {
    // "на раму": the warranty line covers two words of three and says nothing of the frame.
    const partial = await shop.ask('гарантия на раму велосипеда сколько? гравировку делаете?', LISTING);
    expect(partial.status).toBe('NOT_FOUND');
    expect(partial.text).toBe('');
    // Both questions go to the seller: the one half-answered as well as the one nothing answered.
    expect(partial.leftOut).toEqual(['гарантия на раму велосипеда сколько', 'гравировку делаете']);
  });

  it('stays as it was for a message answered whole, however well its passage covers it', async () => {
    const whole = await shop.ask('гарантия на раму велосипеда сколько?', LISTING);
    expect(whole.status).toBe('FOUND');
    expect(whole).not.toHaveProperty('leftOut');
  });
});
