import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('"скока ехать будет": how long the way takes', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': [
      '# Доставка',
      '**По России** отправляем транспортными компаниями:\n- СДЭК\n- Деловые Линии\n- ПЭК\n- Байкал Сервис',
      'Отправка в течение 1–2 рабочих дней после оплаты. Стоимость доставки оплачивает покупатель при получении, по тарифу ТК.',
      'Примерные сроки в пути (ТК):\n- Москва, Белгород, Курск, Липецк — 1–3 дня\n- Ростов-на-Дону, Краснодар — 3–4 дня\n- Санкт-Петербург, Нижний Новгород — 4–5 дней\n- Екатеринбург, Казань, Самара — 5–7 дней',
    ].join('\n\n'),
  });

  it('is answered by the times on the way, not only the carriers', async () => {
    expect(await shop.ask('в питер деловыми линиями отправите? скока ехать будет')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('4–5 дней') });
  });

  it('is no time where the price of the way is asked', () => {
    expect(extractTerms('скока ехать будет')).toEqual(extractTerms('скока по времени'));
    expect(extractTerms('сколько стоит везти')).not.toContain('срок');
  });
});
