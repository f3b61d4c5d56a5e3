import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const TANK = 7611;
const TANK_TITLE = 'Аквариум 100 л с тумбой';

describe('a value of the kind asked, said of the thing asked (asked-kinds.ts)', () => {
  const shop = useKnowledgeFolder({
    [`item-${TANK}-akvarium.md`]: [
      `---\ntitle: ${TANK_TITLE}\n---\n`,
      '# Аквариум 100 л + тумба\n',
      '| Параметр | Значение |',
      '|---|---|',
      '| Стекло | 5 мм, силикон чёрный |',
      '| Крышка | пластик, LED-светильник 10 Вт |',
      '| Тумба | ЛДСП 16 мм, 81 х 31 х 70 см, дверца + полка внутри |',
      '| Цвет тумбы | венге |',
      '| Вес аквариума (пустой) | ок. 17 кг |',
      '',
    ].join('\n'),
    'faq.md':
      '# Частые вопросы\n\nШьёте чехлы на заказ? Да, через ателье-партнёра. Ткань плотная, срок 10-14 дней, цена от 2 000 р. за 2 м.\n\nМойка ковров: забираем сами, стоимость от 300 р. за м2.\n',
  });

  it('falls back where the weight stated is of another thing than the part asked', async () => {
    // "Вес аквариума — 17 кг" says nothing of what the cabinet alone weighs.
    expect((await shop.ask('а тумба сама скока весит', { id: TANK, title: TANK_TITLE })).status).toBe('NOT_FOUND');
  });

  it('answers the weight of the listing\'s own item from its own passage', async () => {
    const answer = await shop.ask('аквариум скока весит?', { id: TANK, title: TANK_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('17 кг');
  });

  it('answers a colour from a line labelled with the colour of the thing asked', async () => {
    // "венге" is no colour word, but the line's label "Цвет тумбы" says what it is.
    const answer = await shop.ask('тумба какого цвета бывает', { id: TANK, title: TANK_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('венге');
  });

  it('reads colours offered after a colour question as asked of the same thing', async () => {
    // "черная или серая" guesses the lid's colour: the silicone's black says nothing of it.
    expect((await shop.ask('крышка у него какого цвета? черная или серая', { id: TANK, title: TANK_TITLE })).status).toBe('NOT_FOUND');
  });

  it('reads a noun after "после" as a condition, not the thing a time is asked of', async () => {
    // "за 2 дня" is how long an unopened product takes to exchange, not how long a toner keeps once opened.
    const set = { id: 7612, title: 'Набор пенка, тонер и крем' };
    await shop.write({
      'item-7612-nabor.md': `---\ntitle: ${set.title}\n---\n\nВ наборе пенка 150 мл, тонер 150 мл и крем 50 мл. Цена 2 900 руб.\n`,
      'obmen.md': '# Обмен\n\n- пришёл не тот товар, а он не вскрыт — заменю за 2 дня после получения.\n',
    });
    expect((await shop.ask('а тонер после вскрытия скок годен?', set)).status).toBe('NOT_FOUND');
    await shop.write({ 'toner.md': '# Уход\n\nТонер после вскрытия годен 12 месяцев, храните в прохладном месте.\n' });
    const answer = await shop.ask('а тонер после вскрытия скок годен?', set);
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 месяцев');
  });

  it('falls back where the time stated is of another service', async () => {
    // "срок 10-14 дней" is how long a made-to-order cover takes, not how long washing a carpet does.
    expect((await shop.ask('сколько по времени займет мойка ковра 2 м', undefined)).status).toBe('NOT_FOUND');
  });
});
