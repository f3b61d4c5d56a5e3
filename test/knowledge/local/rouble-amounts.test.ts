import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

const CRATES = 7;

const shop: Passage[] = [
  { id: 0, document: 'item-7-yashchiki.md', title: '', headings: [], position: 0, itemId: CRATES, text: 'Ящик пластиковый с крышкой, 45 литров, прозрачный.' },
  { id: 1, document: 'faq.md', title: 'Частые вопросы', headings: [], position: 0, text: 'Ящики привезёте? По городу доставка ящиков 350 р, бесплатно при заказе от 10 штук.' },
  { id: 2, document: 'faq.md', title: 'Частые вопросы', headings: [], position: 1, text: 'Работаем без выходных, склад на Заводской 12.' },
];
const listing = { id: CRATES, title: 'Ящики для хранения с крышкой' };

describe('a bare "р" closed by a comma is roubles', () => {
  it('reads "350 р," as a price', () => {
    expect(extractTerms('доставка 350 р, бесплатно от 10 штук')).toContain('цена');
    expect(extractTerms('(от 200 р)')).toContain('цена');
  });

  it('answers "привезти ящики скока стоит?" with the line stating "350 р,"', () => {
    const answer = findAnswer(buildPassageIndex(shop), { question: 'привезти ящики скока стоит?', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('350 р');
  });
});
