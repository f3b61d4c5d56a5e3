import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const ABOUT =
  '# О магазине\n\nДоставка, оплата и обмен расписаны в отдельных файлах. Коротко: Авито Доставка, СДЭК, Почта России; оплата картой, наличными; обмен/возврат 14 дней при сохранённых бирках.\n';
const DELIVERY = [
  '# Доставка',
  '',
  '## СДЭК',
  'До пункта выдачи или курьером до двери. Стоимость по тарифу СДЭК, в среднем от 350 до 600 ₽. Сроки (примерно):',
  '- по Санкт-Петербургу — 1–2 дня',
  '- до Москвы — 2–3 дня',
  '- до Екатеринбурга — 4–5 дней',
  '',
  '## Почта России',
  'Только по 100% предоплате. Отправляю первым классом, трек-номер присылаю в день отправки.',
  '',
].join('\n');

describe('a duration asked with "скока дней"', () => {
  const shop = useKnowledgeFolder({ 'o-magazine.md': ABOUT, 'dostavka.md': DELIVERY });

  it('is not answered by days stated of something else after a ";"', async () => {
    expect((await shop.ask('почта россии скока дней идет посылка?')).status).toBe('NOT_FOUND');
  });

  it('is not answered by the days to other cities', async () => {
    expect((await shop.ask('сдэк до новосибирска скока дней идет посылка')).status).toBe('NOT_FOUND');
  });

  it('is answered where the days to the asked city are stated', async () => {
    expect(await shop.ask('сдэк до москвы скока дней идет посылка')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('2–3 дня') });
  });
});

describe('a duration asked of a trip the message names', () => {
  const shop = useKnowledgeFolder({
    'oplata.txt': 'Оплата\n\nДля СДЭК по России работаем по предоплате 100% за товар либо наложенный платеж — тогда комиссия СДЭК за наложку (около 3-4%) за счет покупателя.\n',
    'dostavka.md': '# Доставка\n\nОтправляем по всей России.\n\n## Почта России\nТолько по 100% предоплате. Дольше, чем СДЭК, зато есть в любом посёлке.\n',
  });

  it('is not answered by a passage sharing the carrier and the country but stating no time', async () => {
    expect((await shop.ask('сдэк до барнаула скока дней идет')).status).toBe('NOT_FOUND');
    expect((await shop.ask('в казань сдэком за сколько дойдет')).status).toBe('NOT_FOUND');
  });
});

describe('a time asked of a job', () => {
  const shop = useKnowledgeFolder({
    'garantiya.md': '# Гарантия\n\n**Шиномонтаж.** На работу шиномонтажа гарантия 30 дней: если колесо начало спускать по борту — переделаем бесплатно.\n',
    'o-nas.md': '# О нас\n\nБалансировка колеса занимает 15 минут.\n',
  });

  it('is not answered by the length of a warranty on it', async () => {
    expect((await shop.ask('шиномонтаж по времени скока занимает?')).status).toBe('NOT_FOUND');
  });

  it('is not taken as stated by a count of the things the job is done on', async () => {
    expect((await shop.ask('шиномонтаж 4 колеса по времени скока занимает?')).status).toBe('NOT_FOUND');
  });

  it('is answered by a warranty\'s length where the warranty is asked', async () => {
    expect(await shop.ask('гарантия на шиномонтаж скока дней?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('30 дней') });
  });

  it('is answered by a time no period owns', async () => {
    expect(await shop.ask('балансировка колеса по времени скока занимает?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('15 минут') });
  });
});
