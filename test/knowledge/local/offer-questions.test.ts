import { describe, expect, it } from 'vitest';
import { findUnknownOffers } from '../../../src/knowledge/local/named-options.js';
import { dropCircumstances } from '../../../src/knowledge/local/reason-clauses.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const KITCHEN = 7301;

const documents = {
  [`item-${KITCHEN}-kuhni.md`]: [
    '---',
    'title: Кухни на заказ',
    '---',
    '',
    '## Фасады',
    '',
    'Фасады МДФ в плёнке ПВХ (матовые, под дерево) — от 34 000 р. за пог. м. МДФ эмаль, любой цвет по RAL — от 46 000 р.',
    '',
    '## Фурнитура',
    '',
    'Фурнитура стандарт — Boyard (петли и направляющие с доводчиком). По желанию ставим Blum, доплата по количеству петель.',
    '',
    '## Сроки',
    '',
    'Кухню длиной до 3 метров делаем за 25 рабочих дней.',
  ].join('\n'),
};

describe('a question whether the shop does or sells a thing the documents never name', () => {
  const shop = useKnowledgeFolder(documents);

  it('falls back, however well its other words match ("фасады", "МДФ")', async () => {
    for (const question of ['фасады из шпона делаете?', 'патину на фасадах мдф делаете', 'фасады из массива продаете?']) {
      expect((await shop.ask(question, { id: KITCHEN })).status, question).toBe('NOT_FOUND');
    }
  });

  it('is also asked with "можно" and the verb\'s infinitive ("обогреватель внутрь можно поставить?")', async () => {
    await shop.write({ 'peregorodka.md': '# Доп. опции\n\nПерегородку внутри ставим за 4 200 р, с дверкой.\n' });
    expect((await shop.ask('обогреватель внутрь можно поставить?')).status).toBe('NOT_FOUND');
    expect((await shop.ask('перегородку внутрь можно поставить?')).text).toContain('4 200 р');
  });

  it('is answered where the documents name the thing', async () => {
    const answer = await shop.ask('эмаль на фасадах делаете?', { id: KITCHEN });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('МДФ эмаль');
    expect((await shop.ask('блюм ставите?', { id: KITCHEN })).text).toContain('Blum');
  });
});

describe('findUnknownOffers', () => {
  const index = buildPassageIndex([
    { id: 0, document: 'uslugi.md', title: 'Услуги', headings: [], text: 'Чистка ноутбука с заменой термопасты — 2 500 ₽.', position: 0 },
  ]);
  const none = (): boolean => false;

  it('reads the unknown words of the sentence that asks for an offer, and only of it', () => {
    expect([...findUnknownOffers('макбук почистите? гравировку делаете?', index, none)]).toEqual(['гравировк']);
    expect([...findUnknownOffers('чистку ноутбука делаете?', index, none)]).toEqual([]);
    expect([...findUnknownOffers('гравировка сколько стоит', index, none)]).toEqual([]);
  });

  it('stops at a comma, "и" or a question word, where another question may begin', () => {
    expect([...findUnknownOffers('гравировка можно? чистку делаете', index, none)]).toEqual([]);
    expect([...findUnknownOffers('гравировка можно чистку делаете', index, none)]).toEqual([]);
    expect([...findUnknownOffers('гравировка, и чистку делаете', index, none)]).toEqual([]);
    expect([...findUnknownOffers('гравировку и чистку делаете', index, none)]).toEqual([]);
  });
});

describe('the buyer telling his circumstance beside a question', () => {
  const shop = useKnowledgeFolder(documents);

  it('is no question of its own: nothing is quoted for "кухня 3 метра у меня"', async () => {
    const answer = await shop.ask('фасады из шпона делаете? кухня 3 метра у меня', { id: KITCHEN });
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('leaves the question beside it answered', async () => {
    const answer = await shop.ask('у меня кухня 3 метра. сколько по срокам делаете?', { id: KITCHEN });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('25 рабочих дней');
  });

  it('drops a sentence only where another remains, and never one with a question word or mark', () => {
    expect(dropCircumstances('шпон делаете? кухня 3 метра у меня')).toBe('шпон делаете?');
    expect(dropCircumstances('у нас в городе только кит. цена')).toBe('цена');
    expect(dropCircumstances('у меня кухня 3 метра')).toBe('у меня кухня 3 метра');
    expect(dropCircumstances('у меня кухня 3 метра? цена')).toBe('у меня кухня 3 метра? цена');
    expect(dropCircumstances('у меня сколько ждать. цена')).toBe('у меня сколько ждать. цена');
    expect(dropCircumstances('у меня каре, норм будет крутить и доставка?')).toBe('у меня каре, норм будет крутить и доставка?');
  });

  // Before, only a story of what the buyer has ("у меня…") dropped out: "поднимать на 4 этаж сами будем" stayed a question of its own, and the
  // price list of lifting by floors answered it while the weight asked went unanswered.
  it('drops a sentence telling what the buyer will do, asking nothing, where a question remains', async () => {
    expect(dropCircumstances('скока весит? поднимать на 4 этаж сами будем')).toBe('скока весит?');
    expect(dropCircumstances('сколько по срокам? заберем сами')).toBe('сколько по срокам?');
    // Asked, or alone: it stays.
    expect(dropCircumstances('скока весит? сами поднимать будем?')).toBe('скока весит? сами поднимать будем?');
    expect(dropCircumstances('заберем сами в субботу')).toBe('заберем сами в субботу');
    expect(dropCircumstances('скока весит? когда сможем забрать')).toBe('скока весит? когда сможем забрать');
    await shop.write({ 'podem.md': '# Подъём\n\nПодъём на этаж без лифта — 250 р за этаж.\n' });
    expect((await shop.ask('скока весит? поднимать на 4 этаж сами будем', { id: KITCHEN })).status).toBe('NOT_FOUND');
  });

  it('drops comma clauses after a question with a question word, never before it nor after a bare "подойдет"', () => {
    expect(dropCircumstances('какой размер в сложенном, у нас кухня маленькая')).toBe('какой размер в сложенном');
    expect(dropCircumstances('сколько по срокам делаете, у меня кухня угловая.')).toBe('сколько по срокам делаете.');
    // A place, a number or a code names the buyer's case, which the documents may answer apart.
    expect(dropCircumstances('сколько дней доставка, у меня калининград')).toBe('сколько дней доставка, у меня калининград');
    expect(dropCircumstances('сколько по срокам делаете, у меня кухня 3 метра')).toBe('сколько по срокам делаете, у меня кухня 3 метра');
    expect(dropCircumstances('у меня бывает аллергия, как понять что не будет реакции')).toBe('у меня бывает аллергия, как понять что не будет реакции');
    expect(dropCircumstances('подойдет, у меня айфон 13')).toBe('подойдет, у меня айфон 13');
    expect(dropCircumstances('экран 15.6 дюймов, сколько выйдет замена')).toBe('экран 15.6 дюймов, сколько выйдет замена');
  });

  it('leaves the asking clause answered, the buyer\'s kitchen beside it asking nothing', async () => {
    const answer = await shop.ask('сколько по срокам делаете, у меня кухня маленькая', { id: KITCHEN });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('25 рабочих дней') });
  });
});
