import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const LISTING = { id: 4012345602, title: 'Холодильник Атлант ХМ 4021, б/у' };
const OWN = '# Холодильник Атлант ХМ 4021, б/у\n\nСостояние хорошее, морозит отлично. Цена 14 500 ₽.\n';

// A buyer's case asks the shop's policy on it: a breakage asks the warranty, written without naming a breakage.
describe('a buyer\'s case asking the policy on it', () => {
  const shop = useKnowledgeFolder({
    'item-4012345602-atlant.md': OWN,
    'garantiya.md': '# Гарантия\n\nГарантия от нас 3 месяца на компрессор и всю систему. Ремонт бесплатно в нашей мастерской.\n',
  });
  const noPolicy = useKnowledgeFolder({ 'item-4012345602-atlant.md': OWN });

  it('"если сдохнет через месяц, что делать" is answered by the warranty', async () => {
    const answer = await shop.ask('а если компрессор сдохнет через месяц чё делать', LISTING);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('3 месяца');
  });

  it('finds nothing where the shop states no warranty', async () => {
    expect((await noPolicy.ask('а если компрессор сдохнет через месяц чё делать', LISTING)).status).toBe('NOT_FOUND');
  });
});
