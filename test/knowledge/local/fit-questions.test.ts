import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const ENGINE = 9301;
const WHEELS = 9302;
const ENGINE_TITLE = 'Двигатель G4FC 1.6 Hyundai Solaris, Kia Rio контрактный';
const WHEELS_TITLE = 'Колёса R15 4x100 штамповка (Солярис)';

describe('a question whether the item fits a car the title names too', () => {
  const shop = useKnowledgeFolder({
    [`item-${ENGINE}-dvigatel.md`]:
      `---\ntitle: ${ENGINE_TITLE}\n---\n\n# Двигатель G4FC\n\nЦена 65 000 ₽.\n\n` +
      'Подходит: Hyundai Solaris 2010–2017, Kia Rio 2011–2017. На Rio 4 стоит уже G4FG — этот мотор туда не подходит.\n\n' +
      'Гарантия 14 дней на запуск.\n',
    [`item-${WHEELS}-kolesa.md`]:
      `---\ntitle: ${WHEELS_TITLE}\n---\n\n# Колёса в сборе\n\nЦена 24 000 ₽ за 4 колеса.\n\n` +
      'Резина Nordman 7, год 2021.\n\nНа какие авто: Solaris 1, Lada Vesta. На Солярис 2 с 2017 г. тоже встают.\n',
  });

  it('reads the car after "на" as the target asked about, not as the listing’s name', async () => {
    const answer = await shop.ask('на рио четвертый пойдет', { id: ENGINE, title: ENGINE_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('не подходит');
  });

  it('reads "встают" as fitting', async () => {
    const answer = await shop.ask('на солярис 2018г подойдут?', { id: WHEELS, title: WHEELS_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('тоже встают');
  });
});

describe('a fit question naming whom the thing is for', () => {
  const BIKE = 9303;
  const BIKE_TITLE = 'Велосипед Forward Barcelona 28';
  const shop = useKnowledgeFolder({
    [`item-${BIKE}-velosiped.md`]:
      `---\ntitle: ${BIKE_TITLE}\n---\n\n# Forward Barcelona\n\nЦена 21 000 ₽.\n\nРама 17 дюймов, низкая. Рекомендуемый рост — 155-178 см.\n\nВес 15 кг.\n`,
  });

  it('reads "жене" as the buyer’s kin, not as asking a women’s model', async () => {
    const answer = await shop.ask('здравствуйте, жене рост 160 подойдет?', { id: BIKE, title: BIKE_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('155-178');
  });
});

describe('a question naming whom the buyer will do a job with', () => {
  const GREENHOUSE = 9304;
  const GREENHOUSE_TITLE = 'Теплица Дачница 3х4';
  const shop = useKnowledgeFolder({
    [`item-${GREENHOUSE}-teplica.md`]:
      `---\ntitle: ${GREENHOUSE_TITLE}\n---\n\n# Дачница\n\nЦена 18 000 ₽.\n\nСобрать можно самому, вдвоем за день справляетесь. Или наша бригада соберет.\n`,
    'spetsodezhda.md': '# Спецодежда\n\nМужская куртка для работы на участке — 3 500 ₽.\n',
  });

  it('reads "с мужем" as the buyer’s kin, not as asking a men’s model', async () => {
    const answer = await shop.ask('сами собрать сможем с мужем?', { id: GREENHOUSE, title: GREENHOUSE_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('вдвоем за день');
  });
});

describe('a question when the thing was made', () => {
  const TYRES = 9305;
  const TYRES_TITLE = 'Летние шины Cordiant Comfort 2 185/65 R15 новые';
  const shop = useKnowledgeFolder({
    [`item-${TYRES}-shiny.txt`]:
      'Новая летняя резина, с наклейками, партия 2024 года (на боковине DOT 1124).\n\nЦена 5 200 за шт.\n\nГарантия производителя 5 лет от даты производства.\n',
    'o-nas.txt': 'Шинный двор: шины и диски. Работаем с 2015 года.\n',
  });

  it('reads the batch a seller dates as the issue asked about', async () => {
    const answer = await shop.ask('какого года выпуск', { id: TYRES, title: TYRES_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('2024');
  });
});

describe('a guessed origin', () => {
  const SOFA = 9306;
  const SOFA_TITLE = 'Диван угловой Осло';
  const shop = useKnowledgeFolder({
    [`item-${SOFA}-divan.txt`]:
      'Диван угловой Осло, новый.\n\nВнутри: каркас брус хвоя + фанера, пружинная змейка. Производство Россия, фабрика в Ульяновске.\n\nЦена 54 000 р.\n',
    'dostavka.md': '# Доставка\n\nПо городу 1 500 р., подъём на этаж 300 р.\n',
  });

  it('asks who made the thing, answered by the listing’s "Производство …"', async () => {
    const answer = await shop.ask('чьё производство, китай?', { id: SOFA, title: SOFA_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Ульяновске');
  });
});

describe('a guessed origin the documents never state', () => {
  const GRINDER = 9307;
  const GRINDER_TITLE = 'Болгарка Bosch GWS 750-125, новая';
  const shop = useKnowledgeFolder({
    [`item-${GRINDER}-bolgarka.txt`]: 'Болгарка Bosch GWS 750-125, новая, в заводской упаковке. Гарантия производителя 1 год.\n\nЦена 5 900 р.\n',
    'tradein.md': '# Трейд-ин\n\nБерём рабочий инструмент популярных брендов. Китайский ноунейм не принимаем.\n',
  });

  it('is not answered by a passage that names the country of other goods', async () => {
    const answer = await shop.ask('а страна производства какая у болгарки, китай?', { id: GRINDER, title: GRINDER_TITLE });
    expect(answer.status).toBe('NOT_FOUND');
  });
});

describe('a guessed material', () => {
  const COT = 9308;
  const COT_TITLE = 'Кроватка детская Соня с маятником';
  const KITCHEN = 9309;
  const KITCHEN_TITLE = 'Кухни на заказ';
  const shop = useKnowledgeFolder({
    [`item-${COT}-krovatka.txt`]:
      'Кроватка детская "Соня" с продольным маятником. НОВАЯ, в упаковке.\n\nПроизводство Россия (г. Киров), массив березы, покрытие лак на водной основе.\n\nЦена 14 900 р.\n',
    [`item-${KITCHEN}-kuhni.md`]: '# Кухни на заказ\n\nЦена за погонный метр: корпус ЛДСП — 28 000 ₽, фасады МДФ — 34 000 ₽.\n',
  });

  it('reads "не ДСП?" as asking the material, answered by the solid wood named', async () => {
    const answer = await shop.ask('из чего сделана кроватка, не дсп?', { id: COT, title: COT_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('массив березы');
  });

  it('keeps a board named without "не" as the one asked about', async () => {
    const answer = await shop.ask('скока стоит метр кухни в лдсп', { id: KITCHEN, title: KITCHEN_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('28 000');
  });
});

describe('a used thing’s looks asked in slang', () => {
  const SCOOTER = 9310;
  const SCOOTER_TITLE = 'Электросамокат Kugoo Kirin M4 Pro, б/у';
  const shop = useKnowledgeFolder({
    [`item-${SCOOTER}-samokat.txt`]:
      'Электросамокат Kugoo Kirin M4 Pro, б/у. Пробег 1 240 км.\n\nМотор 500 Вт, вес 21 кг.\n\nСостояние: по ходовой все ок, люфтов нет. На деке и на стойке царапины, на крыле небольшая трещина.\n\nЦена 27 000 руб.\n',
  });

  it('reads "по внешке" as the condition the seller describes', async () => {
    const answer = await shop.ask('какие косяки по внешке, не битый?', { id: SCOOTER, title: SCOOTER_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('царапины');
  });
});
