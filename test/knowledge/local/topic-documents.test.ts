import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import type { PassageHit } from '../../../src/knowledge/local/search.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { preferTopicDocument } from '../../../src/knowledge/local/topic-documents.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

function hit(from: Passage, matched: string[], score: number, coverage: number): PassageHit {
  return { passage: from, score, matched, coverage, asked: coverage };
}

// "авито доставкой комплект в москву отправите?": payment terms matching the city too, the delivery document the rest.
const payment = passage(
  0,
  'При отправке в Москву и другие города - 100% предоплата переводом, либо через Авито Доставку (деньги продавцу приходят после того как вы получили товар).',
  { document: 'oplata.txt' },
);
const delivery = passage(1, 'Авито Доставкой отправляем только 1–2 шины или диска, комплект 4 шт по габаритам не проходит — только через ТК.', {
  document: 'dostavka.md',
});
const [avito = '', shipping = '', moscow = ''] = extractTerms('авито доставка москва');

describe('preferTopicDocument', () => {
  it('puts first the document titled by an asked word when the first hit is ahead only by a city', () => {
    const hits = [hit(payment, [avito, shipping, moscow], 81, 1), hit(delivery, [avito, shipping], 75, 0.67)];
    expect(preferTopicDocument(hits, extractTerms)[0]?.passage).toBe(delivery);
  });

  it('leaves the first hit when it is ahead by what is asked', () => {
    const card = extractTerms('карта')[0] ?? '';
    const hits = [hit(payment, [avito, shipping, card], 81, 1), hit(delivery, [avito, shipping], 75, 0.67)];
    expect(preferTopicDocument(hits, extractTerms)[0]?.passage).toBe(payment);
  });

  it('leaves hits matching the same words to the statement rank', () => {
    const hits = [hit(payment, [avito, shipping], 81, 1), hit(delivery, [avito, shipping], 75, 1)];
    expect(preferTopicDocument(hits, extractTerms)[0]?.passage).toBe(payment);
  });

  it('answers from the titled document', () => {
    const answer = findAnswer(buildPassageIndex([payment, delivery]), { question: 'авито доставкой комплект в москву отправите?' });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['dostavka.md'], text: expect.stringContaining('не проходит') });
  });
});
