import { describe, expect, it } from 'vitest';
import { carryReferents } from '../../../src/knowledge/local/back-references.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a case asked with a bare "what then", after a part naming things', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nПривезем в тот же день. Курьер ждет 15 минут, пока вы смотрите товар. Если не подошло — оплачиваете только доставку.\n',
    'garantiya.md': '# Гарантия\n\nГарантия 6 месяцев на брак.\n\nЕсли товар не подошел, обмен в течение 14 дней.\n',
  });

  it('asks what follows in that case of those things, not of any passage naming the case', async () => {
    const answer = await shop.ask('курьер подождет? а если не подойдет тогда что');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('только доставку');
    expect(answer.text).not.toContain('14 дней');
  });
});

describe('carryReferents', () => {
  it('carries the things before into a case with a bare "what then"', () => {
    expect(carryReferents(['курьер подождет?', 'а если не понравится тогда что'])[1]).toContain('курьер');
    expect(carryReferents(['доставка есть?', 'если сломается, что делать?'])[1]).toContain('доставка');
  });

  it('leaves a case whose main clause asks something of its own', () => {
    expect(carryReferents(['доставка есть?', 'если не подойдет вернуть можно?'])[1]).toBe('если не подойдет вернуть можно?');
  });
});
