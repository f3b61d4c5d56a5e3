import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe("of one document's passages on what is asked, the one stating its value", () => {
  const shop = useKnowledgeFolder({
    'garantiya.md':
      '# Гарантия и возврат\n\nГарантия — по чеку.\n\nСроки считаем со дня покупки, чек или переписку на Авито сохраните, без них обращение не примем. Каркасы теплиц и парников из оцинкованной трубы с полимерным покрытием — 5 лет, навесы, беседки и перголы из профильной трубы — 3 года, поликарбонат, уплотнители, замки, петли, ручки и прочая фурнитура — 1 год. Дефекты от снега, урагана, падения деревьев и неправильной сборки своими силами сюда не входят.\n\nВозврат в течение 14 дней.\n',
    'dostavka.md': '# Доставка\n\nПо городу привезём за 1 день, стоимость 900 ₽.\n',
  });

  it('answers a warranty asked with the passage stating how long it holds, not only the short one naming it', async () => {
    const answer = await shop.ask('гарантия какая?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('3 года');
  });
});
