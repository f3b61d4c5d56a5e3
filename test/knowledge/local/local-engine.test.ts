import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.js';
import type { KnowledgeAnswer } from '../../../src/core/ports.js';
import { createLocalEngine } from '../../../src/knowledge/engine.js';
import type { IndexBuildInfo, LocalKnowledgeEngine } from '../../../src/knowledge/engine.js';
import { listKnowledgeFiles } from '../../../src/knowledge/folder.js';
import { readKnowledgeDocuments } from '../../../src/knowledge/local/documents.js';
import { cleanDocumentText, splitSentences } from '../../../src/knowledge/local/passages.js';
import { normalizeText, splitWords } from '../../../src/knowledge/local/terms.js';

const EXAMPLES = fileURLToPath(new URL('../../../docs/examples/knowledge', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge', import.meta.url));
const COFFEE = 4012345678;
const VACUUM = 4012345679;
const BIKE = 4012345680;
const COFFEE_FILE = 'item-4012345678-kofemashina-delonghi.md';
const VACUUM_FILE = 'item-4012345679-robot-pylesos.md';
const BIKE_FILE = 'item-4012345680-velosiped.json';

function expectNotFound(answer: KnowledgeAnswer): void {
  expect(answer.status).toBe('NOT_FOUND');
  expect(answer.text).toBe('');
  expect(answer.sources).toEqual([]);
  expect(answer.engine).toBe('local');
}

describe('answering from the example knowledge base', () => {
  const engine = createLocalEngine({ dir: EXAMPLES });
  const ask = (question: string, listingId?: number) =>
    engine.answer({ question, ...(listingId === undefined ? {} : { listing: { id: listingId } }) });

  it.each([
    ['Какое давление у кофемашины?', COFFEE, COFFEE_FILE, '15 бар', 'item'],
    ['Какой объём резервуара?', COFFEE, COFFEE_FILE, '1,8 л', 'item'],
    ['Проверяете перед отправкой?', COFFEE, COFFEE_FILE, 'сниму видео', 'item'],
    ['Торг уместен?', COFFEE, COFFEE_FILE, 'Торг небольшой', 'item'],
    ['Есть гарантия?', VACUUM, VACUUM_FILE, '12 месяцев', 'item'],
    ['Моет полы? Влажная уборка есть?', VACUUM, VACUUM_FILE, 'влажная уборка', 'item'],
    ['На сколько хватает аккумулятора?', VACUUM, VACUUM_FILE, '110 минут', 'item'],
    ['Сколько скоростей?', BIKE, BIKE_FILE, 'Количество скоростей: 21', 'item'],
    ['Какой размер рамы?', BIKE, BIKE_FILE, '18"', 'item'],
    ['А доставка есть? Я в Подольске.', BIKE, BIKE_FILE, 'Авито Доставкой не отправляю', 'item'],
    ['Сколько стоит доставка?', COFFEE, 'dostavka.md', 'по тарифу перевозчика', 'cascaded'],
    ['Предоплату берёте?', VACUUM, 'oplata.md', 'Предоплату на карту не берём', 'cascaded'],
    ['Как доставляете?', undefined, 'dostavka.md', 'Авито Доставку', 'general'],
    ['Сколько стоит доставка в Казань?', undefined, 'dostavka.md', 'по тарифу перевозчика', 'general'],
    ['Сколько дней идёт посылка?', undefined, 'dostavka.md', '2–5 дней', 'general'],
    ['Можно оплатить наличными?', undefined, 'oplata.md', 'наличными', 'general'],
    ['Можно вернуть товар?', undefined, 'vozvrat.md', 'вернуть', 'general'],
    ['Во сколько вы работаете?', undefined, 'o-magazine.md', 'с 10:00 до 20:00', 'general'],
    ['Где вы находитесь?', undefined, 'o-magazine.md', 'Петроградская', 'general'],
  ] as const)('%s (listing %s) → %s', async (question, listingId, source, fact, strategy) => {
    const answer = await ask(question, listingId);
    expect(answer.status).toBe('FOUND');
    expect(answer.sources).toEqual([source]);
    expect(answer.text).toContain(fact);
    expect(answer.strategy).toBe(strategy);
    expect(answer.engine).toBe('local');
    expect(answer.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['Какая погода завтра?', undefined],
    ['Вы продаёте квартиры?', undefined],
    ['Сколько у вас сотрудников?', undefined],
    ['Сколько у вас сотрудников?', COFFEE],
    ['Доставка пиццы есть?', undefined],
    ['В рассрочку можно?', BIKE],
    ['Здравствуйте! Ещё продаётся?', COFFEE],
    ['ываоыва прлдо жщшг', undefined],
    ['qwerty zxcvb', VACUUM],
    ['', undefined],
    ['', COFFEE],
    ['   \n  ', undefined],
    ['🙂🙂🙂', undefined],
    ['👍', BIKE],
    ['?!...', undefined],
  ] as const)('%j (listing %s) → NOT_FOUND', async (question, listingId) => {
    expectNotFound(await ask(question, listingId));
  });

  // What buyers ask most, per listing: the listing's documents answer first, general ones after them.
  it.each([
    ['Торг возможен?', COFFEE, COFFEE_FILE, 'Торг небольшой'],
    ['Какое состояние?', COFFEE, COFFEE_FILE, 'Состояние хорошее'],
    ['Всё работает?', COFFEE, COFFEE_FILE, 'полностью рабочая'],
    ['Отправите в Новосибирск?', COFFEE, COFFEE_FILE, 'Отправляю Авито Доставкой'],
    ['Какие размеры?', COFFEE, COFFEE_FILE, '24 × 35 × 43 см'],
    ['Какого цвета?', COFFEE, COFFEE_FILE, 'чёрный'],
    ['Сколько лет пользовались?', COFFEE, COFFEE_FILE, 'пользовался 2 года'],
    ['Капучино делает?', COFFEE, COFFEE_FILE, 'капучино — вручную'],
    ['Что входит в комплект?', COFFEE, COFFEE_FILE, 'В комплекте:\n• капучинатор (паровая трубка);'],
    ['Можно проверить при встрече?', COFFEE, COFFEE_FILE, 'проверить на месте'],
    ['Где можно забрать?', COFFEE, 'dostavka.md', 'у метро Петроградская'],
    ['Какой адрес?', COFFEE, 'o-magazine.md', 'Петроградский район'],
    ['Можно оплатить картой?', COFFEE, 'oplata.md', 'картой'],
    ['Можно вернуть, если не подойдёт?', COFFEE, 'vozvrat.md', 'можно вернуть'],
    ['Торг возможен?', VACUUM, VACUUM_FILE, 'Цена окончательная'],
    ['Что входит в комплект?', VACUUM, VACUUM_FILE, 'Пылесос, зарядная станция'],
    ['Доставка в другой город возможна?', VACUUM, VACUUM_FILE, 'Отправлю Авито Доставкой'],
    ['Можно завтра забрать?', VACUUM, VACUUM_FILE, 'Можно забрать самовывозом'],
    ['Моет полы?', VACUUM, VACUUM_FILE, 'салфетка для мытья полов'],
    ['Чек есть?', VACUUM, VACUUM_FILE, 'Кассовый чек из магазина сохранён'],
    ['Как можно оплатить?', VACUUM, 'oplata.md', 'наличными'],
    ['Какое состояние?', BIKE, BIKE_FILE, 'один сезон катания'],
    ['Сколько весит?', BIKE, BIKE_FILE, '15,5 кг'],
    ['На какой рост?', BIKE, BIKE_FILE, '165–180 см'],
    ['Что входит в комплект?', BIKE, BIKE_FILE, 'подножка, крылья, звонок'],
    ['Доставка в Москву есть?', BIKE, BIKE_FILE, 'Авито Доставкой не отправляю'],
    ['Можно посмотреть сегодня?', BIKE, BIKE_FILE, 'можно посмотреть и прокатиться'],
    ['Как с вами связаться?', BIKE, 'o-magazine.md', 'только через чат Авито'],
    // A listing's word in another sense ("пылесос сам возвращается на станцию") yields to the returns policy.
    ['Можно вернуть?', VACUUM, 'vozvrat.md', 'его можно вернуть'],
    ['Возврат возможен?', VACUUM, 'vozvrat.md', 'возврат возможен в течение 14 дней'],
    ['Деньги вернёте?', VACUUM, 'vozvrat.md', 'Деньги возвращаются на карту'],
    ['Можно вернуть пылесос, если не понравится?', VACUUM, 'vozvrat.md', 'Если товар не подошёл'],
    ['Когда можно забрать?', VACUUM, VACUUM_FILE, 'Можно забрать самовывозом'],
    ['Когда можно забрать?', BIKE, BIKE_FILE, 'Самовывоз у метро Петроградская'],
    ['Когда можно забрать?', COFFEE, 'dostavka.md', 'по договорённости в чате'],
    ['Есть чек?', VACUUM, VACUUM_FILE, 'Кассовый чек из магазина сохранён'],
    ['Есть чек?', COFFEE, 'oplata.md', 'кассовый чек магазина, если он сохранился'],
  ] as const)('buyer: %s (listing %s) → %s', async (question, listingId, source, fact) => {
    const answer = await ask(question, listingId);
    expect(answer).toMatchObject({ status: 'FOUND', sources: [source], strategy: source.startsWith('item-') ? 'item' : 'cascaded' });
    expect(answer.text).toContain(fact);
  });

  // Traps: the documents mention a word of the question, but do not answer it.
  const everyListing = (question: string): Array<[string, number]> => [COFFEE, VACUUM, BIKE].map((id) => [question, id]);
  it.each<[string, number]>([
    ...[
      'Есть скидка пенсионерам?',
      'Можно в рассрочку?',
      'Продаёте оптом?',
      'Ещё актуально?',
      'Продаётся?',
      'В наличии?',
      'Почему продаёте?',
      // "Возврат и обмен" names exchanges, but no document says anything about them.
      'Можно обменять?',
      'Понравилась?',
    ].flatMap(
      everyListing,
    ),
    ['Какая гарантия на велосипед?', BIKE],
    ['Есть гарантия?', COFFEE],
    ['Торг возможен?', BIKE],
    ['Всё работает?', BIKE],
    ['Коробка есть?', BIKE],
    ['Обмен интересует?', BIKE],
    ['Какие размеры?', VACUUM],
    ['Какие размеры?', BIKE],
    ['Сколько весит?', COFFEE],
    ['Вы квартиры продаёте?', VACUUM],
    ['Новый или б/у?', COFFEE],
  ])('trap: %j (listing %s) → NOT_FOUND', async (question, listingId) => {
    expectNotFound(await ask(question, listingId));
  });

  it('answers every part of a multi-part question, in the buyer\'s order', async () => {
    const answer = await ask('Здравствуйте!\nКакое давление у кофемашины и что входит в комплект?', COFFEE);
    expect(answer).toMatchObject({ status: 'FOUND', sources: [COFFEE_FILE], strategy: 'item' });
    expect(answer.text).toBe(
      [
        '• Давление помпы: 15 бар',
        '',
        'В комплекте:',
        '• капучинатор (паровая трубка);',
        '• мерная ложка;',
        '• инструкция на русском языке;',
        '• оригинальная коробка.',
        '',
        'Фильтр для воды не входит в комплект.',
      ].join('\n'),
    );
    const burst = await ask('Здравствуйте!\nЕщё продаётся?\nСколько стоит?\nА доставка есть?', VACUUM);
    expect(burst).toMatchObject({ status: 'FOUND', sources: [VACUUM_FILE], strategy: 'item' });
    expect(burst.text.indexOf('17 500 ₽')).toBeLessThan(burst.text.indexOf('Отправлю Авито Доставкой'));
    expect(burst.text.indexOf('17 500 ₽')).toBeGreaterThanOrEqual(0);
  });

  it('answers a multi-part question from the listing and the general documents together', async () => {
    const answer = await ask('Сколько стоит, и можно ли забрать сегодня?', COFFEE);
    expect(answer).toMatchObject({ status: 'FOUND', sources: [COFFEE_FILE, 'dostavka.md'], strategy: 'cascaded' });
    expect(answer.text).toMatch(/^Цена — 24 990 ₽\.[\s\S]*\n\nСамовывоз в Санкт-Петербурге/);
  });

  it('does not answer a return question with the listing\'s word in another sense', async () => {
    for (const question of ['Можно вернуть?', 'Можно вернуть пылесос, если не понравится?']) {
      const answer = await ask(question, VACUUM);
      expect(answer, question).toMatchObject({ status: 'FOUND', sources: ['vozvrat.md'], strategy: 'cascaded' });
      expect(answer.text, question).not.toContain('зарядную станцию');
      // The listing's own name does not count against the general documents' coverage.
      expect(answer.text, question).toBe((await ask(question.replace(' пылесос', ''))).text);
    }
  });

  it('answers only the answerable part of a multi-part question', async () => {
    const answer = await ask('Добрый день! Какое состояние, а также есть ли торг?', VACUUM);
    expect(answer).toMatchObject({ status: 'FOUND', text: '17 500 ₽. Цена окончательная.', sources: [VACUUM_FILE] });
  });

  it('never uses a listing\'s documents for another listing or without one', async () => {
    expect((await ask('Какое давление у кофемашины?', COFFEE)).status).toBe('FOUND');
    expectNotFound(await ask('Какое давление у кофемашины?', VACUUM));
    expectNotFound(await ask('Какое давление у кофемашины?'));
    expectNotFound(await ask('Какое давление у кофемашины?', 999));
    expect((await ask('Сколько скоростей?', BIKE)).status).toBe('FOUND');
    expectNotFound(await ask('Сколько скоростей?', COFFEE));
  });

  it('answers each listing\'s own price', async () => {
    expect((await ask('Сколько стоит?', COFFEE)).text).toContain('24 990 ₽');
    expect((await ask('Сколько стоит?', VACUUM)).text).toContain('17 500 ₽');
    expect((await ask('Какая цена?', BIKE)).text).toContain('14 000 ₽');
  });

  it('marks which documents answered: the listing\'s, or general ones after them', async () => {
    expect((await ask('Какая гарантия?', VACUUM)).strategy).toBe('item');
    expect((await ask('Как доставляете?', 424242)).strategy).toBe('cascaded');
    expect((await ask('Как доставляете?')).strategy).toBe('general');
    expect((await ask('Вы продаёте квартиры?', COFFEE)).strategy).toBe('cascaded');
  });

  it('understands inflected forms, ё/е and case alike', async () => {
    const variants = ['Доставка есть?', 'А доставкой отправите?', 'Сделаете доставку?', 'ДОСТАВКИ НЕТ?'];
    for (const question of variants) {
      const answer = await ask(question);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.sources, question).toEqual(['dostavka.md']);
    }
    const withYo = await ask('Какой объём резервуара?', COFFEE);
    const withoutYo = await ask('какой обьем резервуара'.replace('ь', 'ъ').replace('обЪ', 'объ'), COFFEE);
    expect(withYo.status).toBe('FOUND');
    expect(withoutYo.text).toBe(withYo.text);
  });

  it('answers the answerable line of a multi-line inquiry', async () => {
    const answer = await ask('Здравствуйте!\nВы квартиры тоже продаёте?\nИ какая гарантия на пылесос?', VACUUM);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 месяцев');
  });

  it('quotes the matching item of a long list, not the whole specification', async () => {
    const answer = await ask('Какое давление?', COFFEE);
    expect(answer.text).toBe('• Давление помпы: 15 бар');
  });

  it('copes with a very long inquiry', async () => {
    const question = `${'Здравствуйте, подскажите пожалуйста. '.repeat(500)}Как доставляете?`;
    const answer = await ask(question);
    expect(answer.sources).toEqual(['dostavka.md']);
  });

  it('does not answer from the conversation context alone', async () => {
    const answer = await engine.answer({
      question: 'А сколько у вас сотрудников?',
      context: [{ role: 'buyer', text: 'Как доставляете?', at: 1 }, { role: 'bot', text: 'Доставляем Авито Доставкой.', at: 2 }],
    });
    expectNotFound(answer);
  });

  it('gives up with a KnowledgeError when the search is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.answer({ question: 'Как доставляете?' }, { signal: controller.signal })).rejects.toBeInstanceOf(KnowledgeError);
  });
});

describe('cascade', () => {
  const engine = createLocalEngine({ dir: join(FIXTURES, 'cascade') });

  it('answers from the listing\'s own documents first', async () => {
    const answer = await engine.answer({ question: 'Есть гарантия?', listing: { id: 100 } });
    expect(answer).toMatchObject({ status: 'FOUND', strategy: 'item', sources: ['item-100-chainik.md'] });
    expect(answer.text).toContain('6 месяцев');
  });

  it('falls back to general documents when the listing\'s do not answer', async () => {
    for (const id of [200, 300]) {
      const answer = await engine.answer({ question: 'Есть гарантия?', listing: { id } });
      expect(answer).toMatchObject({ status: 'FOUND', strategy: 'cascaded', sources: ['obshchee.md'] });
      expect(answer.text).toContain('14 дней');
    }
  });

  it('answers from general documents only without a listing', async () => {
    const answer = await engine.answer({ question: 'Есть гарантия?' });
    expect(answer).toMatchObject({ status: 'FOUND', strategy: 'general', sources: ['obshchee.md'] });
  });

  it('keeps a listing\'s facts to that listing', async () => {
    expect(await engine.answer({ question: 'Какого цвета корпус?', listing: { id: 100 } })).toMatchObject({ status: 'FOUND' });
    expectNotFound(await engine.answer({ question: 'Какого цвета корпус?', listing: { id: 200 } }));
    expectNotFound(await engine.answer({ question: 'Какого цвета корпус?' }));
    expectNotFound(await engine.answer({ question: 'Сколько режимов обжарки?', listing: { id: 100 } }));
    expect(await engine.answer({ question: 'Сколько режимов обжарки?', listing: { id: 200 } })).toMatchObject({ status: 'FOUND' });
  });
});

describe('document formats', () => {
  const engine = createLocalEngine({ dir: join(FIXTURES, 'formats') });

  it('answers from a listing named by front matter item_id', async () => {
    const answer = await engine.answer({ question: 'Какая максимальная нагрузка?', listing: { id: 777000111 } });
    expect(answer).toMatchObject({ status: 'FOUND', strategy: 'item', sources: ['kreslo.md'] });
    expect(answer.text).toContain('120 кг');
    expectNotFound(await engine.answer({ question: 'Какая максимальная нагрузка?' }));
  });

  it('answers from JSON', async () => {
    const answer = await engine.answer({ question: 'Какой цоколь?', listing: { id: 888000222 } });
    expect(answer).toMatchObject({ status: 'FOUND', sources: ['item-888000222-lampa.json'] });
    expect(answer.text).toContain('Цоколь: E14');
    const nested = await engine.answer({ question: 'Из какого материала абажур?', listing: { id: 888000222 } });
    expect(nested.text).toContain('металл');
  });

  it('answers from CSV rows', async () => {
    const cable = await engine.answer({ question: 'Сколько стоит кабель Lightning?' });
    expect(cable).toMatchObject({ status: 'FOUND', sources: ['prays.csv'] });
    expect(cable.text).toBe('Товар: Кабель Lightning 1 м; Цена: 390 ₽');
    const quoted = await engine.answer({ question: 'Силиконовый чехол есть?' });
    expect(quoted.text).toContain('Чехол для телефона, силиконовый');
  });

  it('answers from plain text and from nested folders', async () => {
    const text = await engine.answer({ question: 'Какая гарантия на аксессуары?' });
    expect(text).toMatchObject({ status: 'FOUND', sources: ['garantiya.txt'] });
    expect(text.text).toContain('30 дней');
    const nested = await engine.answer({ question: 'Поможете настроить технику?' });
    expect(nested).toMatchObject({ status: 'FOUND', sources: ['nested/deeper/uslugi.markdown'] });
    expect(nested.text).not.toMatch(/\*\*|\]\(|https?:/);
  });

  it('reports skipped files in sync and never answers from them', async () => {
    const report = await engine.sync();
    const { changes, ...counts } = report;
    expect(counts).toEqual({
      documents: 5,
      uploaded: 0,
      replaced: 0,
      unchanged: 0,
      deleted: 0,
      failed: [{ path: 'manual.pdf', reason: 'файл PDF не открывается (Invalid PDF structure)' }],
      skipped: [
        { path: 'photo.gif', reason: 'вид файла не поддерживается (.gif)' },
        { path: 'pustoy.md', reason: 'пустой файл' },
      ],
    });
    expect(changes?.filter((change) => change.action === 'unchanged')).toHaveLength(5);
    expect(changes?.filter((change) => change.action === 'skipped').map((change) => change.path)).toEqual(['photo.gif', 'pustoy.md']);
    expect(changes?.filter((change) => change.action === 'failed').map((change) => change.path)).toEqual(['manual.pdf']);
    const listed = await engine.listDocuments();
    expect(listed.map((document) => [document.displayName, document.scope, document.itemId])).toContainEqual(['item-888000222-lampa.json', 'item', 888000222]);
    expect(listed).toHaveLength(5);
    expectNotFound(await engine.answer({ question: 'Скрытый файл секрет?' }));
    expectNotFound(await engine.answer({ question: 'fake manual' }));
  });
});

describe('the index', () => {
  const dirs: string[] = [];
  async function copyFixture(name: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-knowledge-'));
    dirs.push(dir);
    await cp(join(FIXTURES, name), dir, { recursive: true });
    return dir;
  }
  function countingEngine(dir: string): { engine: LocalKnowledgeEngine; builds: IndexBuildInfo[] } {
    const builds: IndexBuildInfo[] = [];
    // Every answer looks at the folder here; how often it looks is local-index.test.ts's subject.
    return { engine: createLocalEngine({ dir, checkIntervalMs: 0, onIndexBuilt: (info) => builds.push(info) }), builds };
  }

  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('is built lazily, once, and reused while the folder is unchanged', async () => {
    const { engine, builds } = countingEngine(await copyFixture('cascade'));
    expect(builds).toHaveLength(0);
    await Promise.all([engine.answer({ question: 'Есть гарантия?' }), engine.answer({ question: 'Доставка?' })]);
    await engine.answer({ question: 'Есть гарантия?', listing: { id: 100 } });
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ documents: 3, skipped: [], failed: [] });
    expect(builds[0]?.passages).toBeGreaterThan(3);
  });

  it('is rebuilt when a file changes, is added or removed', async () => {
    const dir = await copyFixture('cascade');
    const { engine, builds } = countingEngine(dir);
    expectNotFound(await engine.answer({ question: 'Есть рассрочка?' }));

    const general = join(dir, 'obshchee.md');
    await writeFile(general, `${await readFile(general, 'utf8')}\n## Рассрочка\n\nРассрочка через Авито на 6 месяцев без переплаты.\n`);
    const answer = await engine.answer({ question: 'Есть рассрочка?' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('без переплаты');
    expect(builds).toHaveLength(2);

    await writeFile(join(dir, 'item-300-mikser.md'), '# Миксер\n\nПять скоростей, турбо-режим.');
    expect(await engine.answer({ question: 'Есть турбо-режим?', listing: { id: 300 } })).toMatchObject({ status: 'FOUND', strategy: 'item' });
    expect(builds).toHaveLength(3);

    await rm(join(dir, 'item-300-mikser.md'));
    expectNotFound(await engine.answer({ question: 'Есть турбо-режим?', listing: { id: 300 } }));
    expect(builds).toHaveLength(4);
    await engine.answer({ question: 'Есть турбо-режим?', listing: { id: 300 } });
    expect(builds).toHaveLength(4);
  });

  it('notices a change of size alone, and of modification time alone', async () => {
    const dir = await copyFixture('cascade');
    const { engine, builds } = countingEngine(dir);
    const file = join(dir, 'item-200-toster.md');
    await engine.answer({ question: 'Доставка?' });
    const { mtime } = await stat(file);

    await writeFile(file, '# Тостер Philips HD2581\n\nТостер на три ломтика.');
    await utimes(file, mtime, mtime);
    await engine.answer({ question: 'Доставка?' });
    expect(builds).toHaveLength(2);

    const later = new Date(mtime.getTime() + 60_000);
    await utimes(file, later, later);
    await engine.answer({ question: 'Доставка?' });
    expect(builds).toHaveLength(3);
  });

  it('sync rebuilds on demand and can switch folders', async () => {
    const { engine, builds } = countingEngine(await copyFixture('cascade'));
    expect(await engine.sync()).toMatchObject({ documents: 3, skipped: [], failed: [] });
    expect(await engine.sync()).toMatchObject({ documents: 3 });
    expect(builds).toHaveLength(2);
    await engine.answer({ question: 'Доставка?' });
    expect(builds).toHaveLength(2);

    expect(await engine.sync(EXAMPLES)).toMatchObject({ documents: 7 });
    expect(engine.dir).toBe(EXAMPLES);
    expect((await engine.answer({ question: 'Во сколько работаете?' })).sources).toEqual(['o-magazine.md']);
  });

  it('fails with a KnowledgeError and a hint when the folder is missing', async () => {
    const engine = createLocalEngine({ dir: join(tmpdir(), 'avito-ai-missing-knowledge-folder') });
    const error = await engine.answer({ question: 'Доставка?' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).hint).toBe('создайте её или укажите KNOWLEDGE_DIR');
    expect((error as KnowledgeError).engine).toBe('local');
    await expect(engine.sync()).rejects.toBeInstanceOf(KnowledgeError);
  });

  it('answers NOT_FOUND for everything from an empty folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-empty-'));
    dirs.push(dir);
    const engine = createLocalEngine({ dir });
    expectNotFound(await engine.answer({ question: 'Как доставляете?' }));
    expect(await engine.sync()).toMatchObject({ documents: 0, skipped: [], failed: [] });
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => createLocalEngine({ dir: EXAMPLES, threshold: 0 })).toThrow(KnowledgeError);
    expect(() => createLocalEngine({ dir: EXAMPLES, threshold: 1.5 })).toThrow(KnowledgeError);
    expect(() => createLocalEngine({ dir: EXAMPLES, threshold: Number.NaN })).toThrow(KnowledgeError);
  });

  it('measures latency with the injected clock', async () => {
    let tick = 0;
    const engine = createLocalEngine({ dir: EXAMPLES, now: () => (tick += 7) });
    expect((await engine.answer({ question: 'Как доставляете?' })).latencyMs).toBeGreaterThan(0);
    expect((await engine.answer({ question: 'Как доставляете?' })).latencyMs).toBe(7);
  });

  // How fast: bench/startup.mjs ("ask, 200 documents"); a wall-clock limit here only fails under load.
  it('indexes 200 documents and answers each listing from its own file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-large-'));
    dirs.push(dir);
    const topics = ['доставка', 'оплата', 'гарантия', 'возврат', 'самовывоз', 'комплектация', 'состояние', 'характеристики'];
    await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const sub = join(dir, `group-${index % 10}`);
        await mkdir(sub, { recursive: true });
        const sections = topics
          .map((topic, t) => `## ${topic}\n\nРаздел ${topic} для товара номер ${index}: условие ${t * index} и ещё подробности про ${topic}, сроки и цены.`)
          .join('\n\n');
        await writeFile(join(sub, `item-${1000 + index}-tovar.md`), `# Товар ${index}\n\n${sections}\n`);
      }),
    );
    const { engine, builds } = countingEngine(dir);
    await engine.sync();
    expect(builds[0]?.documents).toBe(200);

    for (let round = 0; round < 20; round += 1) {
      const answer = await engine.answer({ question: 'Какая гарантия?', listing: { id: 1000 + round } });
      expect(answer.sources).toEqual([`group-${round % 10}/item-${1000 + round}-tovar.md`]);
    }
  });
});

describe('never making anything up (property)', () => {
  let corpusText = '';
  let corpusWords = new Set<string>();
  let vocabulary: string[] = [];
  const examples = createLocalEngine({ dir: EXAMPLES });
  const cascade = createLocalEngine({ dir: join(FIXTURES, 'cascade') });
  const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

  beforeAll(async () => {
    const clean: string[] = [];
    const raw: string[] = [];
    for (const dir of [EXAMPLES, join(FIXTURES, 'cascade')]) {
      const files = await listKnowledgeFiles(dir);
      const { documents } = await readKnowledgeDocuments(files);
      clean.push(...documents.map(cleanDocumentText));
      raw.push(...(await Promise.all(files.map((file) => readFile(file.absolutePath, 'utf8')))));
    }
    corpusText = squash(clean.join('\n'));
    corpusWords = new Set(raw.flatMap((text) => splitWords(normalizeText(text))));
    vocabulary = [...new Set(raw.flatMap((text) => text.split(/[\s,.:;!?()"«»]+/)).filter((word) => word.length > 2))];
  });
  afterAll(() => {
    corpusWords.clear();
  });

  function checkAnswer(answer: KnowledgeAnswer): void {
    if (answer.status === 'NOT_FOUND') {
      expect(answer.text).toBe('');
      expect(answer.sources).toEqual([]);
      return;
    }
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text.length).toBeLessThanOrEqual(1000);
    expect(answer.sources.length).toBeGreaterThan(0);
    for (const sentence of answer.text.split('\n').flatMap(splitSentences)) expect(corpusText).toContain(squash(sentence));
    for (const word of splitWords(normalizeText(answer.text))) expect(corpusWords.has(word), word).toBe(true);
  }

  const listing = fc.option(fc.constantFrom(COFFEE, VACUUM, BIKE, 100, 200, 424242), { nil: undefined });

  it('answer never throws and quotes only document text, for arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        listing,
        async (question, id) => {
          for (const engine of [examples, cascade]) checkAnswer(await engine.answer({ question, ...(id === undefined ? {} : { listing: { id } }) }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('quotes only document text for questions made of the documents\' own words', async () => {
    const found: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(' ', '\n', ', ', '? '),
        listing,
        async (words, separator, id) => {
          for (const engine of [examples, cascade]) {
            const answer = await engine.answer({ question: words.join(separator), ...(id === undefined ? {} : { listing: { id } }) });
            checkAnswer(answer);
            if (answer.status === 'FOUND') found.push(answer.text);
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property means something only if plenty of answers were FOUND.
    expect(found.length).toBeGreaterThan(50);
  });
});
