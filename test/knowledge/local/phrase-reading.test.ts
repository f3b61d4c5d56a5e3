import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/local/local-engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/local/local-engine.js';

const DOCUMENTS: Record<string, string> = {
  'oplata.txt': 'Оплата\n\nПереводом по СБП на расчётный счёт ИП. На личные карты не переводите, такие платежи не принимаем.\n\nСкидки: от 3 товаров в одном заказе — 10% на весь заказ.',
  'smesi.md': '# Сухие смеси\n\nСрок годности у смесей — 12 месяцев с даты выпуска.\n\nСклад крытый, мешки храним на поддонах.',
  'o-nas.md': '# О нас\n\nАдрес: ул. Титова, 31, вход с торца.\n\nПарковка бесплатная прямо у входа.',
  'item-7-chistka.md': '# Чистка ноутбука и замена термопасты\n\nТермопаста у нас Arctic MX-4, не дешёвая КПТ-8.\n\nУстановка Windows — 1 200 ₽.',
};

describe('a word its neighbour gives another meaning', () => {
  let dir: string;
  let engine: LocalKnowledgeEngine;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-phrases-'));
    for (const [name, text] of Object.entries(DOCUMENTS)) await writeFile(join(dir, name), text);
    engine = createLocalEngine({ dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const ask = (question: string) => engine.answer({ question });

  it('reads money sent to a card as a transfer, not a discount', async () => {
    const answer = await ask('на личную карту сбер скинуть можно');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('На личные карты не переводите');
  });

  it('keeps "скинете" beside no card a discount', async () => {
    const answer = await ask('скинете немного?');
    expect(answer.text).not.toContain('переводите');
  });

  it('reads "сколько хранится" as a shelf life', async () => {
    const answer = await ask('скока хранятся смеси');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 месяцев');
  });

  it('reads "какую … ставите" as asking which one, not about installing', async () => {
    const answer = await engine.answer({ question: 'термуху какую ставите дешманскую или норм', listing: { id: 7, title: 'Чистка ноутбука и замена термопасты' } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Arctic MX-4');
  });

  it('reads things counted as pieces ("3 штуки" / "от 3 товаров")', async () => {
    const answer = await ask('если 3 штуки возьму скидка будет');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('10%');
  });

  it('reads leaving a car as parking', async () => {
    const answer = await ask('машину есть где бросить?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Парковка бесплатная');
  });
});
