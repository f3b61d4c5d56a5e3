import { describe, expect, it } from 'vitest';
import { carryReferents } from '../../../src/knowledge/local/back-references.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a question pointing back at what the message named', () => {
  const shop = useKnowledgeFolder({
    'vozvrat.md': [
      '# Возврат товара и поддоны',
      '',
      '## Если купили лишнее',
      '',
      'Остались лишние мешки — примем обратно в течение 14 дней.',
      '',
      'Не возвращаем: вскрытые и рассыпанные мешки.',
      '',
      '## Залог за поддоны',
      '',
      'За каждый поддон берём залог 300 ₽.',
      '',
      'Залог возвращаем полностью, если поддон целый. Сдать можно на склад — заберём бесплатно.',
      '',
    ].join('\n'),
  });

  it('is asked of those things', async () => {
    const answer = await shop.ask('поддоны заберете и скока за них вернете');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('300 ₽');
    expect(answer.text).not.toContain('Не возвращаем');
  });
});

describe('carryReferents', () => {
  it('gives a part naming nothing of its own the nouns of the part before it', () => {
    expect(carryReferents(['пустые поддоны заберете обратно', 'скока за них вернете'])).toEqual(['пустые поддоны заберете обратно', 'поддоны скока за них вернете']);
  });

  it('leaves a part naming a thing of its own, and a first part', () => {
    expect(carryReferents(['поддоны заберете', 'а доставка у них сколько'])).toEqual(['поддоны заберете', 'а доставка у них сколько']);
    expect(carryReferents(['скока за них вернете'])).toEqual(['скока за них вернете']);
  });
});
