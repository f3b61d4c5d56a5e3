import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const BIKE = 7701;
const BATTERY = 7702;
const CITY_BIKE = 7703;

describe('"рама алюминий?": an attribute the listing labels, and a value its documents never use', () => {
  const shop = useKnowledgeFolder({
    [`item-${BIKE}-velosiped.md`]: [
      '---',
      'title: Велосипед Forward Barcelona 28',
      '---',
      '',
      'Рама: стальная, размер 19".',
      '',
      'Тормоза: механические дисковые.',
      '',
      'Колеса 28", покрышки городские.',
      '',
      'Цена 24 900 ₽. Небольшой торг при самовывозе.',
    ].join('\n'),
    [`item-${BATTERY}-akb.md`]: '---\ntitle: Аккумулятор Varta 60 Ач\n---\n\n- Подходит: Лада Гранта, Kia Rio, Hyundai Solaris\n- Ток: 540 А\n',
    [`item-${CITY_BIKE}-gorodskoy.md`]: '---\ntitle: Городской велосипед\n---\n\nЧто по велику:\n- рама стальная, низкая, размер 17"\n- 7 скоростей\n',
    'dostavka.md': '# Доставка\n\nОтправляем СДЭК по всей России, 2–4 дня.\n',
  });

  it('is answered by the labelled line, which says what the value is', async () => {
    const frame = await shop.ask('рама алюминий?', { id: BIKE });
    expect(frame.status).toBe('FOUND');
    expect(frame.text).toContain('стальная');
    const brakes = await shop.ask('тормоза гидравлика?', { id: BIKE });
    expect(brakes.status).toBe('FOUND');
    expect(brakes.text).toContain('механические');
  });

  it('is answered by a list\'s line that opens with the attribute ("- рама стальная")', async () => {
    const frame = await shop.ask('рама алюминий?', { id: CITY_BIKE });
    expect(frame.status).toBe('FOUND');
    expect(frame.text).toContain('рама стальная');
  });

  it('is no such question where the listing uses the value elsewhere, or where it asks what the thing fits', async () => {
    expect((await shop.ask('на весту подойдет?', { id: BATTERY })).status).toBe('NOT_FOUND');
    // "городские" is the tyres' value, stated on another line: the brakes' line does not answer for it.
    expect((await shop.ask('тормоза городские?', { id: BIKE })).status).toBe('NOT_FOUND');
  });

  it('is no such question where it asks whether a thing is there: the line lists what is, not what is not', async () => {
    expect((await shop.ask('тормоза гидравлика?', { id: BIKE })).status).toBe('FOUND');
    expect((await shop.ask('гидравлика в тормозах есть?', { id: BIKE })).status).toBe('NOT_FOUND');
    expect((await shop.ask('крылья в комплекте идут?', { id: BIKE })).status).toBe('NOT_FOUND');
  });
});
