import { describe, expect, it } from 'vitest';
import { KITCHEN_DOCUMENT } from '../../helpers/kitchen-shop.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('the words of an unanswered question no document uses', () => {
  const shop = useKnowledgeFolder({
    'kuhni.md': `${KITCHEN_DOCUMENT}\n## Гарантия\n\nГарантия на кухню 2 года.\n`,
    'item-4012345678-kuhnya-mariya.md': '# Кухня «Мария»\n\nФасады из МДФ в эмали, цвет белый.\n',
  });

  it('names the buyer\'s word as typed, not the term it was read as', async () => {
    const answer = await shop.ask('фасады из шпона делаете?');
    expect(answer).toMatchObject({ status: 'NOT_FOUND', unknownWords: ['шпона'] });
  });

  it('lists every such word once, in the order asked, with its ё', async () => {
    const answer = await shop.ask('Фасады из шпона? А патину делаете? Шпон дорогой? Ёлочку вырезаете?');
    expect(answer.unknownWords).toEqual(['шпона', 'патину', 'дорогой', 'ёлочку']);
  });

  it('leaves out greetings, numbers, weak words and a typo the engine reads as the documents\' word', async () => {
    // The engine reads "изгатовление" as the documents' "изготовление": it answers it alone.
    expect((await shop.ask('изгатовление долго?')).status).toBe('FOUND');
    const answer = await shop.ask('Здравствуйте, подскажите пожалуйста, изгатовление 3 фасадов из шпона в вашем городе сколько?');
    expect(answer.status).toBe('NOT_FOUND');
    expect(answer.unknownWords).toEqual(['шпона']);
  });

  it('leaves out a verb the engine drops while another word is missing, and names it when it is all that is asked', async () => {
    expect((await shop.ask('а шпон долго ждать?')).unknownWords).toEqual(['шпон']);
    expect((await shop.ask('а не промокают?')).unknownWords).toEqual(['промокают']);
  });

  it('leaves out the listing\'s own name, which only ranks', async () => {
    const answer = await shop.ask('кухня мария из шпона бывает?', { id: 4012345678, title: 'Кухня Мария из массива' });
    expect(answer.unknownWords).toEqual(['шпона']);
  });

  it('has none when every word is in the documents, and none on an answer', async () => {
    const unanswered = await shop.ask('сроки гарантии на лдсп?');
    expect(unanswered.status).toBe('NOT_FOUND');
    expect(unanswered).not.toHaveProperty('unknownWords');
    const found = await shop.ask('какая гарантия?');
    expect(found.status).toBe('FOUND');
    expect(found).not.toHaveProperty('unknownWords');
  });
});
