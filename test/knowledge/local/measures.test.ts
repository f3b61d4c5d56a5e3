import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';
import { findAnswer } from '../../../src/knowledge/local/answer.js';
import { findAskedMeasures } from '../../../src/knowledge/local/measure-check.js';
import { dropStatedMeasures, isStatedMeasure, listAmountOnlyMeasures, listMeasures, nameMeasure } from '../../../src/knowledge/local/measures.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../src/knowledge/local/search.js';
import { extractTerms, listTermSequence, listTermWords, termOf } from '../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: `doc-${id}.md`, title: '', headings: [], text, position: id, ...extra };
}

const LAPTOP = 7;
const laptop = [
  passage(0, 'Ноутбук после одного владельца, почистили и поменяли термопасту. Лёгкий (1,39 кг), крышка металлическая, заряд держит хорошо.', {
    itemId: LAPTOP,
    document: 'item-7-laptop.txt',
  }),
  passage(1, 'Экран: 14", 1920×1080, IPS, матовый', { itemId: LAPTOP, document: 'item-7-laptop.txt' }),
  passage(2, 'Гарантия от мастерской 3 месяца. Отправим СДЭК или Авито Доставкой.', { itemId: LAPTOP, document: 'item-7-laptop.txt' }),
];

const BATTERY = 8;
const battery = [
  passage(0, 'Тип: кальциевый, необслуживаемый, заряжен и готов к установке', { itemId: BATTERY, document: 'item-8-akb.json' }),
  passage(1, 'Установка: на нашем складе ставим бесплатно при покупке, 5–10 минут, коды магнитолы сохраняем', { itemId: BATTERY, document: 'item-8-akb.json' }),
  passage(2, 'Гарантия 14 дней на запуск и проверку. Возврат в течение 14 дней, если деталь не устанавливалась.', { document: 'garantiya.md' }),
];

const DISCS = 9;
const parts = [
  passage(0, 'Наименование: Диск тормозной передний Brembo (1 шт); Марка: Toyota; Цена, руб.: 4 100; Наличие: в наличии', { document: 'prais.csv' }),
  passage(1, 'Авито Доставкой отправляем только колодки, фильтры и прочую мелочь весом до 15 кг. Двигатели, коробки, диски и АКБ — только через ТК.', {
    document: 'dostavka.md',
    title: 'Доставка',
  }),
  passage(2, 'На Camry XV70 (новый кузов, с 2017 г.) не подходят, там другой диск.', { itemId: DISCS, document: 'item-9-discs.md', title: 'Тормозные колодки и диски Camry' }),
];

describe('an amount states its measure', () => {
  it('reads an amount in a unit of a measure as stating that measure, the way a buyer names it', () => {
    for (const rule of listMeasures()) expect(termOf(rule.word)).toBe(rule.term);
    expect(extractTerms('Лёгкий (1,39 кг)')).toContain(termOf('весит'));
    expect(extractTerms('ставим за 5–10 минут')).toContain(termOf('времени'));
    expect(extractTerms('Мощность 650 Вт')).toContain(termOf('мощность'));
    expect(extractTerms('флакон 100 мл')).toContain(termOf('объем'));
    expect(extractTerms('60 Ач')).toContain(termOf('емкость'));
    expect(nameMeasure('мм')).toBeUndefined();
  });

  it('reads a year before "г." as a year, not grams', () => {
    expect(extractTerms('с 2017 г. не подходят')).not.toContain('вес');
    expect(extractTerms('с 2017 г. не подходят')).toContain('год');
    expect(extractTerms('пачка 500 г')).toContain('вес');
  });

  it('counts the measure after an amount as stated where it stands, and drops it from a buyer\'s own amount', () => {
    const terms = listTermSequence('Лёгкий (1,39 кг)');
    expect(isStatedMeasure(terms, terms.indexOf('вес'))).toBe(true);
    expect(isStatedMeasure(['вес', 'какой'], 0)).toBe(false);
    expect(dropStatedMeasures(listTermWords('а 30 мл отливант можно')).map((entry) => entry.term)).not.toContain(termOf('объем'));
    expect(dropStatedMeasures(listTermWords('объем какой')).map((entry) => entry.term)).toContain(termOf('объем'));
    expect(listAmountOnlyMeasures(listTermWords('Солнцезащитный крем SPF 50+, 50 мл и 100 мл'))).toEqual([termOf('объем')]);
    expect(listAmountOnlyMeasures(listTermWords('Вес 5 кг'))).toEqual([]);
  });
});

describe('measures asked by their name or verb', () => {
  it('answers "скока весит" with the sentence stating the weight, beside another question', () => {
    const answer = findAnswer(buildPassageIndex(laptop), { question: 'скока весит и экран матовый или глянцевый', listing: { id: LAPTOP } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('1,39 кг');
    expect(answer.text).toContain('матовый');
    expect(answer.text).not.toContain('Гарантия');
  });

  it('answers "по времени долго?" with the listing\'s duration, not a general passage about days', () => {
    const answer = findAnswer(buildPassageIndex(battery), { question: 'акб поставите? по времени долго?', listing: { id: BATTERY } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('5–10 минут');
  });

  it('keeps the buyer\'s listing title amount from hiding the measure he asks ("объем какой?" on a "50 мл и 100 мл" listing)', () => {
    const cream = [
      passage(0, 'Два объёма:\n50 мл — 1 350 р.\n100 мл — 2 190 р.', { itemId: 5, document: 'item-5-spf.txt' }),
      passage(1, 'Сыворотка не водостойкая: после купания нанести заново.', { itemId: 5, document: 'item-5-spf.txt' }),
    ];
    const answer = findAnswer(buildPassageIndex(cream), { question: 'объем какой? водостойкий?', listing: { id: 5, title: 'Крем SPF 50+, 50 мл и 100 мл' } });
    expect(answer.text).toContain('100 мл');
    expect(answer.text).toContain('водостойкая');
  });
});

describe('a measure question needs a passage stating an amount of it', () => {
  it('finds which measures a question asks, leaving out those it states an amount of', () => {
    expect(findAskedMeasures('диск тормозной скока весит один').map((measure) => measure.term)).toEqual(['вес']);
    expect(findAskedMeasures('мешки по 5 кг весом есть?')).toEqual([]);
    expect(findAskedMeasures('по времени сколько займет').map((measure) => measure.term)).toEqual(['срок']);
    // "Срок" alone (a shelf life, days of delivery) is no measure question: dates and "в день оплаты" answer it.
    expect(findAskedMeasures('срок годности какой')).toEqual([]);
    // After a preposition the word names the measure without asking its amount.
    expect(findAskedMeasures('стоимость зависит от веса?')).toEqual([]);
  });

  it('refuses an amount labelled as something else the buyer did not ask about ("Контейнер для зёрен: 250 г")', () => {
    const coffee = [
      passage(0, 'Характеристики:\n• Давление помпы: 15 бар\n• Контейнер для зёрен: 250 г', { itemId: 3, document: 'item-3-coffee.md' }),
      passage(1, 'Вес: 9 кг', { itemId: 4, document: 'item-4-other.md' }),
    ];
    const index = buildPassageIndex(coffee);
    expect(findAnswer(index, { question: 'Сколько весит?', listing: { id: 3 } }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'контейнер для зерен сколько весит?', listing: { id: 3 } }).text).toContain('250 г');
  });

  it('refuses a price row naming the listing\'s part but no weight, a parcel\'s weight limit beside it, a year as grams', () => {
    const answer = findAnswer(buildPassageIndex(parts), { question: 'диск тормозной скока весит один', listing: { id: DISCS, title: 'Колодки + диски Camry Brembo' } });
    expect(answer.status).toBe('NOT_FOUND');
  });

  it('refuses a duration question answered by a passage stating no duration', () => {
    const service = [
      passage(0, 'Установка в автосервисе партнёра с заказ-нарядом, замена масла и фильтров обязательна.', {
        document: 'garantiya.md',
        headings: ['Гарантия 14 дней. За это время агрегат нужно установить.'],
      }),
    ];
    expect(findAnswer(buildPassageIndex(service), { question: 'замена у партнера по времени сколько займет?' }).status).toBe('NOT_FOUND');
  });

  it('refuses "сколько весит пара ботинок" with a price row of socks sold "3 пары": the pair counts the boots', () => {
    const shop = [
      passage(0, 'Ботинки женские зимние, натуральная кожа, на натуральном меху.', { itemId: 3, document: 'item-3-botinki.txt' }),
      passage(1, 'Артикул: Н-901; Наименование: Носки термо, 3 пары; Цвет: чёрный; Цена, ₽: 600; Наличие: в наличии', { document: 'prays.csv' }),
    ];
    const index = buildPassageIndex(shop);
    expect(findAnswer(index, { question: 'сколько весит пара ботинок', listing: { id: 3, title: 'Ботинки женские зимние, натуральная кожа' } }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'носки термо скока пар' }).text).toContain('3 пары');
  });

  it('refuses a weight question with a load the thing bears ("нагрузка до 22 кг"), and answers the load asked', () => {
    const stroller = [
      passage(0, 'Прогулочный блок ставится лицом к маме или по ходу движения, нагрузка до 22 кг.', { document: 'kolyaska.md', title: 'Коляска' }),
      passage(1, 'Гарантия 30 дней на механизмы.', { document: 'garantiya.md' }),
    ];
    const index = buildPassageIndex(stroller);
    expect(findAnswer(index, { question: 'скока весит прогулочный блок' }).status).toBe('NOT_FOUND');
    expect(findAnswer(index, { question: 'какая нагрузка на прогулочный блок' }).text).toContain('22 кг');
    expect(findAnswer(index, { question: 'прогулочный блок скока выдерживает кг' }).text).toContain('22 кг');
  });

  it('refuses a weight question with a load borne each ("до 670 кг на колесо"), whatever the line\'s label', () => {
    const TIRES = 9;
    const tires = [
      passage(0, 'Параметр — Значение\nИндексы — 94T XL (до 670 кг на колесо, до 190 км/ч)', { itemId: TIRES, document: 'item-9-shiny.md' }),
      passage(1, 'Полка металлическая, вес 4,5 кг, до 40 кг на полку.', { itemId: TIRES + 1, document: 'item-10-polka.md' }),
    ];
    const index = buildPassageIndex(tires);
    expect(findAnswer(index, { question: 'сколько весит?', listing: { id: TIRES } }).status).toBe('NOT_FOUND');
    // A weight stated beside the load still answers.
    expect(findAnswer(index, { question: 'сколько весит?', listing: { id: TIRES + 1 } }).text).toContain('4,5 кг');
  });

  it('does not take the passage\'s own subject for another question ("сколько весит худи" and "длина худи 70 см" under "# Худи")', () => {
    const hoodie = passage(0, 'Капюшон двойной, карман-кенгуру, длина худи 70 см на размере M.', { document: 'hudi.md', title: 'Худи оверсайз' });
    // Alone, no document of the shop names a weight; beside the laptop, "1,39 кг" does.
    for (const shop of [[hoodie], [hoodie, passage(1, 'Ноутбук лёгкий (1,39 кг), крышка металлическая.', { document: 'noutbuk.md', title: 'Ноутбук' })]]) {
      const index = buildPassageIndex(shop);
      expect(findAnswer(index, { question: 'сколько весит худи' }).status).toBe('NOT_FOUND');
      expect(findAnswer(index, { question: 'худи скока весит?' }).status).toBe('NOT_FOUND');
      expect(findAnswer(index, { question: 'длина худи какая' }).text).toContain('70 см');
    }
  });

  it('lets a passage answer the rest of the part and asks the measure again', () => {
    const akb = [
      passage(0, 'Пусковой ток: 540 А (EN)', { itemId: 7, document: 'item-akb.json' }),
      passage(1, 'Вес: 14,1 кг', { itemId: 7, document: 'item-akb.json' }),
    ];
    const answer = findAnswer(buildPassageIndex(akb), { question: 'ток пусковой какой и весит скока', listing: { id: 7 } });
    expect(answer.text).toContain('540 А');
    expect(answer.text).toContain('14,1 кг');
  });
});

describe('a count of things asked ("сколько ударов")', () => {
  it('is read from a plural noun after "сколько", not from a verb, a unit or an amount the buyer states', () => {
    const nouns = (question: string): string[] => findAskedMeasures(question).filter((measure) => measure.noun === true).map((measure) => measure.term);
    expect(nouns('сколько положений муфты')).toEqual(['положен']);
    expect(nouns('со скольки заказов скидка')).toEqual(['заказ']);
    expect(nouns('скока стоит')).toEqual([]);
    expect(nouns('сколько сантиметров длина')).toEqual([]);
    // "скока торт": a consonant ending is as often a nominative; "синий" is no plural.
    expect(nouns('скока торт с доставкой')).toEqual([]);
    expect(nouns('сколько синий стоит')).toEqual([]);
  });

  const DRILL = 7611;
  const DISHWASHER = 7612;
  const shop = useKnowledgeFolder({
    [`item-${DRILL}-shurik.md`]: '---\ntitle: Шуруповерт Makita\n---\n\nСостояние б/у, муфта щелкает на всех положениях. Энергия удара — 2,4 Дж.\n',
    [`item-${DISHWASHER}-posudomoyka.md`]: '---\ntitle: Посудомойка Bosch 45 см\n---\n\n• вместимость: 10 комплектов посуды\n• уровень шума: 48 дБ\n',
    'faq.md': '# Вопросы\n\nКоличество циклов зарядки: 500.\n',
  });

  it('is not answered by a passage naming the noun with no number of it', async () => {
    expect((await shop.ask('сколько положений муфты', { id: DRILL })).status).toBe('NOT_FOUND');
    expect((await shop.ask('сколько ударов даёт', { id: DRILL })).status).toBe('NOT_FOUND');
  });

  it('is answered by a number before the noun, whatever the line is labelled, or by the noun labelling a number', async () => {
    const dishes = await shop.ask('на скока комплектов посудомойка?', { id: DISHWASHER });
    expect(dishes).toMatchObject({ status: 'FOUND', text: expect.stringContaining('10 комплектов') });
    const cycles = await shop.ask('сколько циклов зарядки выдерживает');
    expect(cycles).toMatchObject({ status: 'FOUND', text: expect.stringContaining('500') });
  });
});

describe('a spec the listing title states by its abbreviation and value ("ET45 DIA 67.1")', () => {
  const WHEELS = 7613;
  const shop = useKnowledgeFolder({
    [`diski-skad.md`]: `---\nitem_id: ${WHEELS}\ntitle: Литые диски СКАД Тулон 7x17 5x114.3 ET45 DIA 67.1\n---\n\n| Параметр | Значение |\n|---|---|\n| Вылет ET | 45 мм |\n| Центр. отверстие DIA | 67,1 |\n\nКолпачок центральный с логотипом идёт в комплекте.\n`,
  });

  it('is still asked: the title names a value of it, not the listing', async () => {
    const answer = await shop.ask('здравствуйте, вылет и центральное отверстие какие', { id: WHEELS });
    expect(answer).toMatchObject({ status: 'FOUND', text: expect.stringContaining('45 мм') });
    expect(answer.text).toContain('67,1');
  });
});
