// What is quoted once the right document is found (issue 15): the rows of a table with its header, the sentences that
// cover the question with what they lean on, the passage holding the question's terms together, a plain-text list's items.
import { describe, expect, it } from 'vitest';
import { findAnswer, quoteSentences } from '../../../src/knowledge/local/answer.js';
import type { KnowledgeDocument } from '../../../src/knowledge/local/documents.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { splitPassages } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function indexDocuments(...documents: KnowledgeDocument[]) {
  const passages: Passage[] = [];
  for (const document of documents) for (const passage of splitPassages(document)) passages.push({ ...passage, id: passages.length });
  return buildPassageIndex(passages);
}

function markdown(path: string, text: string, itemId?: number): KnowledgeDocument {
  return { path, format: 'markdown', markup: 'markdown', text, ...(itemId === undefined ? {} : { itemId }) };
}

const PRICES = [
  '# Газобетон Ytong D500',
  '',
  '## Размеры и цены',
  '',
  '| Размер, мм | Для чего | На поддоне | Цена за шт |',
  '|---|---|---|---|',
  '| 600×300×200 | наружные стены | 40 шт | 224 ₽ |',
  '| 600×250×200 | наружные стены, гаражи | 60 шт | 186 ₽ |',
  '| 600×400×250 | стены без утепления | 30 шт | 380 ₽ |',
  '| 600×100×250 | перегородки | 120 шт | 96 ₽ |',
].join('\n');

describe('tables', () => {
  it('keeps the header row of a Markdown table with its passages', () => {
    const passages = splitPassages(markdown('item-7-blok.md', PRICES, 7));
    expect(passages.map((passage) => passage.tableHeader)).toEqual(['Размер, мм — Для чего — На поддоне — Цена за шт']);
  });

  it('quotes the header and the row a question names, not the whole table', () => {
    const index = indexDocuments(markdown('item-7-blok.md', PRICES, 7));
    const answer = findAnswer(index, { question: 'почем перегородочные блоки за штуку?', listing: { id: 7 } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toBe('Размер, мм — Для чего — На поддоне — Цена за шт\n600×100×250 — перегородки — 120 шт — 96 ₽');
  });

  it('picks rows by the listing\'s own words too, and the row naming most of them', () => {
    const index = indexDocuments(markdown('item-7-blok.md', PRICES, 7));
    const answer = findAnswer(index, { question: 'сколько на поддоне 600х300х200', listing: { id: 7, title: 'Газобетон Ytong D500 600×300×200, 600×250×200' } });
    expect(answer.text).toBe('Размер, мм — Для чего — На поддоне — Цена за шт\n600×300×200 — наружные стены — 40 шт — 224 ₽');
  });

  it('quotes the whole table when only its header matches: the question asks for the list', () => {
    const index = indexDocuments(markdown('item-7-blok.md', PRICES, 7));
    const answer = findAnswer(index, { question: 'какие цены?', listing: { id: 7 } });
    expect(answer.text.split('\n')).toHaveLength(5);
  });
});

describe('sentences of a long passage', () => {
  const allergy =
    'Аллергия. Косметика, даже самая оригинальная и «натуральная», может вызвать аллергию. Перед первым применением сделайте ' +
    'тест: немного средства на сгиб локтя или за ухо, подождите 24 часа. Если покраснение, зуд — не используйте. Я подскажу ' +
    'по типу кожи, но я не врач-дерматолог, за индивидуальную реакцию ответственности не несу. Пишите в любое время, отвечаю быстро.';

  it('keeps the sentences between two that hold the question\'s terms: they continue the same statement', () => {
    const quote = quoteSentences(allergy, extractTerms('аллергия на косметику, как понять что не будет реакции'));
    expect(quote).toContain('на сгиб локтя или за ухо');
    expect(quote).not.toContain('Пишите в любое время');
  });

  it('quotes a sentence repeating a term already quoted only when it adds another', () => {
    const warranty =
      'Гарантия 3 месяца на всё железо, по чеку и акту приёма из мастерской. Доставка по городу бесплатно, курьер приезжает в течение дня. ' +
      'Гарантия не действует при следах вскрытия, залития или удара, а также при разгоне процессора. Упаковываем в плёнку ' +
      'и коробку, для ноутбуков берём жёсткий кейс. Гарантийный ремонт — до 14 дней, обычно быстрее.';
    expect(quoteSentences(warranty, extractTerms('гарантия какая?'))).toBe('Гарантия 3 месяца на всё железо, по чеку и акту приёма из мастерской.');
    expect(quoteSentences(warranty, extractTerms('доставка и гарантия'))).toBe(
      'Гарантия 3 месяца на всё железо, по чеку и акту приёма из мастерской. Доставка по городу бесплатно, курьер приезжает в течение дня.',
    );
  });

  it('keeps the sentence a quoted one leans on ("Поэтому…", "Это…")', () => {
    const returns =
      'Коротко: вскрытую косметику и парфюм не возвращаю и не меняю. Это не вредность, а закон — такие товары входят в перечень ' +
      'невозвратных (Постановление Правительства РФ № 2463). Поэтому если средство просто не подошло по типу кожи — вернуть нельзя. ' +
      'Доставка СДЭК по всей России, отправляю в течение дня после оплаты, трек присылаю в чат.';
    const quote = quoteSentences(returns, extractTerms('если не подойдет можно вернуть'));
    expect(quote.startsWith('Коротко: вскрытую косметику')).toBe(true);
    expect(quote).not.toContain('Доставка');
  });
});

describe('passages covering the question equally', () => {
  it('quotes the one holding the question\'s terms in its text, not the earlier one matching through the title', () => {
    const text = ['# Фен-стайлер Dreame, 1300 Вт', '', 'Новый, в заводской плёнке, в наличии три штуки. Отдам с чеком из магазина.', '', 'Мощность: 1300 Вт', '', 'Вес ручки: 620 г'].join('\n');
    const index = indexDocuments(markdown('item-9-fen.md', text, 9));
    expect(findAnswer(index, { question: 'скока ватт', listing: { id: 9 } }).text).toBe('Мощность: 1300 Вт');
  });
});

describe('lists of plain-text documents', () => {
  it('reads "- " lines as list items and quotes the item asked about', () => {
    const text = 'Как можно оплатить:\n- наличными на складе\n- банковской картой в кассе\n- переводом по СБП\n- по счёту для юрлиц';
    const index = indexDocuments({ path: 'oplata.txt', format: 'text', markup: 'plain', text });
    expect(findAnswer(index, { question: 'наличкой можно?' }).text).toBe('- наличными на складе');
  });
});
