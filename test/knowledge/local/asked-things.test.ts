import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { findHeadedQuestions } from '../../../src/knowledge/local/asked-things.js';
import { extractTerms, termOf } from '../../../src/knowledge/local/terms.js';

describe('the thing a question asks about, ahead of a preposition', () => {
  const KITCHEN = 4160000001;
  const listing = { id: KITCHEN, title: 'Кухни на заказ по вашим размерам' };
  const shop = useKnowledgeFolder({
    [`item-${KITCHEN}-kuhni.md`]: '# Кухни на заказ\n\nВ цену 1 пог. м входят нижние + верхние шкафы (верхние высотой 720 мм), столешница 38 мм, цоколь, ножки.\n',
    'item-4160000002-shkafy-kupe.md': '# Шкафы-купе на заказ\n\nДополнительно:\n- светодиодная подсветка с датчиком движения — 3 200 р. за секцию\n',
    'vyezd.txt': 'Выезд за город\n\nВ СНТ и коттеджные поселки тоже ездим.\n\nВода в СНТ: если нет водопровода, нужно минимум 50 литров воды на месте, свою воду не возим.\n',
  });

  it('reads the first noun not governed by a preposition, with the words naming it with it', () => {
    expect(findHeadedQuestions('подсветку под верхние шкафы ставите?', extractTerms).map((question) => question.head)).toEqual([[termOf('подсветку')]]);
    expect(findHeadedQuestions('наушники сони на андроид есть?', extractTerms)[0]?.head).toContain(termOf('наушники'));
    expect(findHeadedQuestions('почем перегородочные блоки за штуку?', extractTerms)[0]?.head).toContain(termOf('перегородочные'));
    expect(findHeadedQuestions('у нас дача в снт воды нет, приедете?', extractTerms)).toEqual([]);
    expect(findHeadedQuestions('подсветку под шкафы ставите.', extractTerms)).toEqual([]);
  });

  it('is not answered by a passage holding only what the words after the preposition name', async () => {
    expect((await shop.ask('подсветку под верхние шкафы ставите?', listing)).status).toBe('NOT_FOUND');
  });

  it('is answered by a passage naming the thing', async () => {
    expect(await shop.ask('подсветку под шкафы купе ставите?', { id: 4160000002, title: 'Шкафы-купе на заказ' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('3 200') });
  });

  it('leaves a noun after "у нас" to the story it tells', async () => {
    expect(await shop.ask('у нас дача в снт воды нет, приедете?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('50 литров') });
  });
});
