import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('the hours asked with "до скольки", "во сколько"', () => {
  const shop = useKnowledgeFolder({
    'prays.csv': 'Услуга;Ед.;Цена, руб\nРабота в воскресенье;%;+15%\nМытьё окон;окно;400\n',
    'garantiya.md': '# Гарантия\n\nПринимайте работу при бригадире. Если заметили недочет — напишите нам в течение 24 часов с фото.\n',
    'o-nas.md': [
      '# О нас',
      'Клининговая служба «Чистый Лист». Убираем с 2019 года, сейчас в команде 9 человек. Все сотрудники оформлены, приезжают в форме и со своими бахилами.',
      'Оформлены как ИП, даем чек, по желанию заключаем договор (физлица и юрлица).',
      '**Принимаем заявки:** ежедневно с 8:00 до 21:00 (сообщения на Авито, звонки).\n**Выезды бригад:** пн–сб с 8:00 до 20:00. Воскресенье — только по договоренности, +15% к стоимости.\n31 декабря, 1 и 2 января не работаем.',
      'Офиса для посетителей у нас нет, склад с инвентарем на окраине.',
      'Работаем по всему городу и пригородам — выезд бесплатный. За город — смотрите файл про выезд.',
    ].join('\n\n'),
  });

  it('are answered by the clock times the shop works to, not by a passage on work that states none', async () => {
    expect(await shop.ask('до скольки работаете?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('до 20:00') });
    expect(await shop.ask('во скока открываетесь')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('8:00') });
  });

  it('asked alone after a day the documents never name, leave that day unanswered', async () => {
    expect((await shop.ask('8 марта работаете? во сколько')).status).toBe('NOT_FOUND');
  });
});

describe('a clock time read as the hour', () => {
  it('is what "до скольки", "часы работы" ask, and no count of years, no sum', () => {
    const hour = extractTerms('пн–пт 9:00–20:00').find((term) => !/^\p{N}/u.test(term) && !['понедельник', 'пятница', 'вторник', 'среда', 'четверг', 'будни'].includes(term));
    expect(hour).toBeDefined();
    expect(extractTerms('до скольки в субботу открыты')).toContain(hour);
    expect(extractTerms('часы работы')).toContain(hour);
    expect(extractTerms('до скольки лет хватит')).not.toContain(hour);
    expect(extractTerms('во сколько обойдется')).not.toContain(hour);
    // A mix's "1:50" is a ratio; "в течение 24 часов" a length of time.
    expect(extractTerms('разводить 1:50')).not.toContain(hour);
    expect(extractTerms('в течение 24 часов')).not.toContain(hour);
  });
});
