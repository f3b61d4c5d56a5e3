import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import type { PassageHit } from '../../../src/knowledge/local/search.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { countStated, preferAskedEntry, preferStatedDocument } from '../../../src/knowledge/local/statement-rank.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

function hit(from: Passage, matched: string[], score: number, coverage = 1): PassageHit {
  return { passage: from, score, matched, coverage, asked: coverage };
}

// A payment passage naming the post and a price in passing, and the delivery section on the post that answers.
const payment = passage(
  0,
  'Предоплата. При встрече у метро предоплата не нужна. Если просите отложить товар больше чем на 3 дня — прошу предоплату 30%. Для отправки СДЭК, Почтой России и Яндекс Доставкой — 100% предоплата переводом, вместе со стоимостью доставки.',
  { document: 'oplata.txt', title: 'Оплата' },
);
const post = passage(1, 'Для небольших посылок в регионы, где нет СДЭКа. Отправляю 1 классом, от 300 ₽, идёт 5–12 дней.', {
  document: 'dostavka.md',
  title: 'Доставка',
  headings: ['Почта России'],
});

describe('countStated', () => {
  it('reads a sentence with the heading it stands under', () => {
    const terms = extractTerms('почта россия');
    expect(countStated(post, terms, extractTerms)).toBe(2);
  });

  it('reads a list line with the line introducing the list', () => {
    const ways = passage(0, 'Как можно оплатить:\n- наличными — на складе\n- банковской картой — только на складе');
    expect(countStated(ways, extractTerms('оплатить картой'), extractTerms)).toBe(2);
  });
});

describe('preferStatedDocument', () => {
  it('puts first the document stating the same matched words together', () => {
    // "почтой россии … за скока дойдет и скока стоит": the post, a price, a time.
    const matched = ['почт', 'россия', 'срок', 'цена'];
    const hits = [hit(payment, matched, 80), hit(post, matched, 60)];
    expect(countStated(post, matched, extractTerms)).toBeGreaterThan(countStated(payment, matched, extractTerms));
    expect(preferStatedDocument(hits, extractTerms)[0]?.passage).toBe(post);
  });

  it('leaves hits matching other words to BM25', () => {
    const [wool, thing, salary] = extractTerms('шерсть вещь зарплата');
    const hold = passage(0, 'Бронь: могу отложить вещь на 2 дня. Если нужно дольше (ждёте зарплату) — предоплата 500 ₽.', { document: 'oplata.txt' });
    const returns = passage(1, 'Вещь не носили, без запаха духов и шерсти животных.', { document: 'obmen.md' });
    const hits = [hit(hold, [thing ?? '', salary ?? ''], 32.5, 0.67), hit(returns, [wool ?? '', thing ?? ''], 32.2, 0.67)];
    expect(preferStatedDocument(hits, extractTerms)[0]?.passage).toBe(hold);
  });
});

describe('a word the sentence denies', () => {
  // "пришла посылка а флакон треснутый": packing that says nothing breaks, and the returns line on a broken bottle.
  const packing = passage(0, 'Упаковка: кремы и флаконы — в зип-пакет и пупырку, ничего не разбивается и не протекает.', { document: 'dostavka.md', title: 'Доставка', headings: ['Доставка'] });
  const broken = passage(1, '- разбитый флакон или повреждение при доставке — пришлите фото, заменю или верну деньги.', { document: 'vozvrat.md', title: 'Возврат' });

  it('is not stated by it', () => {
    expect(countStated(packing, extractTerms('флакон разбит'), extractTerms)).toBe(1);
  });

  it('leaves the document stating it first', () => {
    const matched = extractTerms('доставка флакон разбит');
    const hits = [hit(packing, matched, 80), hit(broken, matched, 60)];
    expect(preferStatedDocument(hits, extractTerms)[0]?.passage).toBe(broken);
  });
});

describe('preferAskedEntry', () => {
  // "можно зимой на нем гонять?": opening hours mentioning winter, and the shop's own entry asking it.
  const hours = passage(0, 'Режим работы:\nпн-пт 10:00-20:00\nвс 11:00-16:00 (с апреля по октябрь), зимой в вс выходной', { document: 'o-magazine.txt' });
  const entry = passage(1, 'Зимой на самокате кататься можно? Не рекомендуем. На морозе батарея быстро садится, соль и реагенты убивают подшипники и электрику. Поломки из-за реагентов и воды в гарантию не входят.', { document: 'faq.md', title: 'Частые вопросы' });
  const winter = extractTerms('зимой');

  it('puts first the entry asking the matched words', () => {
    const hits = [hit(hours, winter, 9.9), hit(entry, winter, 9.7)];
    expect(preferAskedEntry(hits, extractTerms)[0]?.passage).toBe(entry);
  });

  it('leaves first a passage under a heading naming them', () => {
    const season = passage(2, 'Работаем без выходных, кроме праздников.', { document: 'o-magazine.txt', headings: ['Зимой'] });
    const hits = [hit(season, winter, 9.9), hit(entry, winter, 9.7)];
    expect(preferAskedEntry(hits, extractTerms)[0]?.passage).toBe(season);
  });

  it('is answered from the entry', () => {
    const answer = findAnswer(buildPassageIndex([hours, entry]), { question: 'можно зимой на нем гонять?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['faq.md'], text: expect.stringContaining('Не рекомендуем') });
  });
});

describe('a question whose words two documents hold', () => {
  it('is answered by the section stating them, not the passage naming them in passing', () => {
    const answer = findAnswer(buildPassageIndex([payment, post]), { question: 'почтой россии за скока дойдет и скока стоит' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], text: expect.stringContaining('5–12 дней') });
  });
});
