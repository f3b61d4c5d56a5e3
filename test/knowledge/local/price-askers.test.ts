import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a price asked without a price word', () => {
  it('reads "скок возьмете" as the price, and "возьмете" alone as taking', () => {
    expect(extractTerms('хранение скок возьмете')).toContain('цена');
    expect(extractTerms('сколько берете за мойку')).toContain('цена');
    expect(extractTerms('карту возьмете')).not.toContain('цена');
  });

  it('reads "скока всего" or "скока он" closing a question as the price, not "сколько всего" of a thing', () => {
    expect(extractTerms('диван и 2 кресла, скока всего')).toContain('цена');
    expect(extractTerms('крем скока он')).toContain('цена');
    expect(extractTerms('сколько всего комнат')).not.toContain('цена');
  });

  const shop = useKnowledgeFolder({
    'prais.md': ['# Химчистка мебели', '', 'Диван 3-местный — 3 300 ₽.', '', 'Кресло — 1 000 ₽.', '', '## Выезд', '', 'Выезжаем по городу, кресла и диваны чистим у вас дома.', ''].join('\n'),
  });

  it('quotes the price of each thing named before "скока всего"', async () => {
    const answer = await shop.ask('здрасте, диван трехместный и 2 кресла, скока всего');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('3 300 ₽');
    expect(answer.text).toContain('1 000 ₽');
  });
});
