import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a clause before "а" that asks nothing of its own ("для ип счет выставите, а упд дадите?")', () => {
  const shop = useKnowledgeFolder({
    'oplata.txt': 'Оплата\n\nРассрочки и кредита нет. Для юр. лиц можем выставить счет, без НДС (мы ИП на упрощенке).\n',
  });

  it('is what the buyer knows: a passage on it alone does not answer the question after it', async () => {
    expect((await shop.ask('для ип счет выставите, а упд закрывающие дадите?')).status).toBe('NOT_FOUND');
  });

  it('is still answered when asked on its own', async () => {
    expect(await shop.ask('для ип счет выставите?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('выставить счет') });
  });

  it('is a question of its own where it holds a question word', async () => {
    await shop.write({ 'oplata.txt': 'Оплата\n\nДля юр. лиц можем выставить счет, без НДС. Счет действителен 3 дня.\n' });
    expect(await shop.ask('счет можно выставить, а сколько он действителен?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('3 дня') });
  });
});
