import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'item-9-windows.json', itemId: 9, title: 'Установка Windows и программ', headings: [], text, position: id, ...extra };
}

function ask(passages: Passage[], question: string, listing: { id: number; title: string }) {
  return findAnswer(buildPassageIndex(passages), { question, listing });
}

describe("the one brand a listing's title names", () => {
  const listing = { id: 9, title: 'Установка Windows и программ' };
  const windows = [
    passage(0, 'Цены:\n• Windows + все драйвера: 1 800 ₽\n• Установка программ по списку: от 300 ₽\n• Выезд мастера на дом: 800 ₽ к стоимости работ'),
    passage(1, 'Лицензии: Windows ставим только с официального образа. Office — ваш Microsoft 365 или бесплатный LibreOffice.'),
  ];

  it('stands with a sentence of the listing naming no brand', () => {
    expect(ask(windows, 'мастер на дом может приехать винду поставить?', listing)).toMatchObject({
      status: 'FOUND',
      sources: ['item-9-windows.json'],
      text: expect.stringContaining('800 ₽'),
    });
  });

  it('is none where the title names two brands', () => {
    const mixes = [
      passage(0, 'Knauf Rotband — гипсовая штукатурка. Knauf MP 75 — машинная. Knauf Fugen — для швов.', { document: 'item-5-smesi.md', itemId: 5, title: 'Ротбанд, шпаклевка Ceresit CT 29' }),
      passage(1, 'Ceresit CT 29 — ремонтная шпаклёвка.', { document: 'item-5-smesi.md', itemId: 5, title: 'Ротбанд, шпаклевка Ceresit CT 29' }),
      passage(2, 'Мешки храним под крышей, не слёживаются.', { document: 'item-5-smesi.md', itemId: 5, title: 'Ротбанд, шпаклевка Ceresit CT 29' }),
    ];
    expect(ask(mixes, 'церезит мешки где храните', { id: 5, title: 'Ротбанд, шпаклевка Ceresit CT 29' }).status).toBe('NOT_FOUND');
  });
});
