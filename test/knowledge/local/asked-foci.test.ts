import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('the thing a question asks is there ("комиссия есть?", "скидка будет?", "кто оплачивает")', () => {
  const shop = useKnowledgeFolder({
    'oplata.txt':
      'Оплата\n\nКак можно оплатить: наличными — на складе или водителю при получении; банковской картой — только на складе, в кассе стоит терминал.\n\nНаличными дешевле: при оплате наличными скидка 1 000 руб.\n',
    'sdek.txt': 'СДЭК\n\nПо России СДЭК: предоплата 100% на карту, либо наложенный платёж — тогда предоплата 1000 р, потом вычитаем из суммы.\n',
    'dostavka.md': '# Доставка\n\nДоставка кухни по городу и сборка уже включены в стоимость заказа, ничего доплачивать не надо.\n',
    'arenda.txt': 'Аренда\n\nУдлинитель 30 м даём бесплатно, предупредите заранее.\n\nВернуть надо чистой, иначе мойка 500 ₽.\n',
  });

  it('is not answered by a passage holding the rest of the question and not the thing', async () => {
    expect((await shop.ask('картой на складе платить комиссия есть?')).status).toBe('NOT_FOUND');
  });

  it('binds a condition typed before it to the question: a passage on the condition alone does not answer', async () => {
    expect((await shop.ask('если закажу кухню и шкаф сразу скидка будет?')).status).toBe('NOT_FOUND');
  });

  it('reads who pays as asked of the noun beside it', async () => {
    expect((await shop.ask('при наложке сдэк комиссию кто платит, я или вы?')).status).toBe('NOT_FOUND');
  });

  it('still answers where the passage names the thing', async () => {
    expect(await shop.ask('картой на складе платить можно?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('терминал') });
    expect(await shop.ask('удлинитель дадите а если грязную верну')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('30 м') });
  });

  it('leaves a comparative asked ("дешевле будет?") to the passage on it', async () => {
    expect(await shop.ask('наличкой дешевле будет?')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('1 000') });
  });

  describe('the listing\'s own name as the thing ("а худи на молнии такое есть?")', () => {
    const HOODIE = 4100000007;
    const listing = { id: HOODIE, title: 'Костюм худи + джоггеры оверсайз' };
    const store = useKnowledgeFolder({
      [`item-${HOODIE}-kostyum.md`]: '# Костюм худи + джоггеры\n\nХуди: капюшон двойной на шнурке, карман-кенгуру, манжеты на резинке.\n',
      'o-magazine.md': '# О магазине\n\nВсе вещи перед отправкой сама проверяю: молнии, швы, кнопки, чтобы не было пятен.\n',
      'faq.md': '# Вопросы\n\nПодарочные сертификаты есть? Есть, на 1000, 3000 и 5000 р.\n',
    });

    it('is not answered by a general passage that never names it', async () => {
      expect((await store.ask('а худи на молнии такое есть?', listing)).status).toBe('NOT_FOUND');
    });

    it('is answered by a general passage naming it', async () => {
      await store.write({ 'modeli.md': '# Модели\n\nМолнии на худи ставим металлические YKK, модель на молнии есть в сером.\n' });
      expect(await store.ask('а худи на молнии такое есть?', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('YKK') });
    });

    it('takes no counted amount for the thing ("на 3 тыщи")', async () => {
      expect(await store.ask('а подарочный сертификат на 3 тыщи у вас есть')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('3000') });
    });
  });

  describe('a price asked in the next sentence ("… делаете? почем метр")', () => {
    const KITCHEN = 4160000001;
    const listing = { id: KITCHEN, title: 'Кухни на заказ по вашим размерам' };
    const workshop = useKnowledgeFolder({
      [`item-${KITCHEN}-kuhni.md`]: '# Кухни на заказ\n\nЦена за погонный метр кухни: ЛДСП Egger — от 28 000 р., МДФ эмаль — от 45 000 р.\n',
      'prais.csv': 'Наименование;Ед.;Цена, руб.\nСтолешница из камня;погонный метр;18000\n',
      'item-4110000005-raspiv.md': '# Распив Lost Cherry\n\nОтливаю из оригинального флакона 100 мл. Отливант 5 мл — 1 600 ₽, 10 мл — 2 900 ₽.\n',
    });

    it('asks it of the thing the question before it asks about', async () => {
      expect((await workshop.ask('столешницу из компакт плиты hpl делаете? почем метр', listing)).status).toBe('NOT_FOUND');
      expect((await workshop.ask('флакон 100 мл целиком продадите? скока', { id: 4110000005, title: 'Распив Lost Cherry' })).status).toBe('NOT_FOUND');
    });

    it('is answered by a price naming the thing', async () => {
      expect(await workshop.ask('столешницу из камня делаете? почем метр', listing)).toMatchObject({ status: 'FOUND', text: expect.stringContaining('18000') });
    });
  });
});
