import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const STROLLER = 7701;
const LIGHT = 7702;

describe('a weight given only as an upper bound (measure-check.ts)', () => {
  const shop = useKnowledgeFolder({
    [`item-${STROLLER}-kolyaska.md`]:
      '---\ntitle: Коляска 3 в 1\n---\n\nПрогулочный блок ставится лицом к маме, спинка опускается почти в горизонт, нагрузка до 22 кг. Автолюлька группы 0+ (до 13 кг), крепится на раму через адаптеры.\n',
    [`item-${LIGHT}-kolyaska.md`]:
      '---\ntitle: Коляска прогулочная\n---\n\nПрогулочный блок на раме весит 7,2 кг, автолюлька крепится через адаптеры (до 13 кг).\n',
  });

  it('does not say what the chassis with its seat weighs', async () => {
    // "до 13 кг" is the child the car seat takes, not the weight of anything sold.
    expect((await shop.ask('скока весит шасси с прогулочным блоком', { id: STROLLER, title: 'Коляска 3 в 1' })).status).toBe('NOT_FOUND');
  });

  it('leaves a weight stated as an amount the answer', async () => {
    const answer = await shop.ask('скока весит рама с прогулочным блоком', { id: LIGHT, title: 'Коляска прогулочная' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('7,2 кг');
  });
});
