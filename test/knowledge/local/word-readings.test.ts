import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a noun the stemmer reads as an adjective', () => {
  const shop = useKnowledgeFolder({
    'dostavka.md': '# Доставка\n\nВодитель ждёт на объекте 30 минут бесплатно, дальше 500 ₽ за каждый час простоя.\n\nРазгрузка вручную — 10 ₽ за мешок.',
  });

  it('meets the documents in another case ("простой" / "час простоя")', async () => {
    const answer = await shop.ask('а простой почем?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('500 ₽ за каждый час простоя');
  });

  it('is left alone where the documents hold no such noun', async () => {
    const answer = await shop.ask('какой простой способ разгрузки');
    expect(answer.text).not.toContain('простоя');
  });
});

describe('a degree the buyer asks', () => {
  const shop = useKnowledgeFolder({ 'raspiv.md': '# Распив Lost Cherry\n\nСтойкость: на коже 6–8 часов, шлейф средний.\n\nОтливаю в атомайзеры 5 и 10 мл.' });

  it('is answered by the degree the documents state ("сильный" / "средний")', async () => {
    const answer = await shop.ask('шлейф сильный?');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('шлейф средний');
  });
});

describe('a nationality asked ("финские?", "немецкие?")', () => {
  const TIRES = 7701;
  const shop = useKnowledgeFolder({
    [`item-${TIRES}-nokian.md`]: '---\ntitle: Nokian Hakkapeliitta 9\n---\n\n| Параметр | Значение |\n|---|---|\n| Сезон | зима |\n| Страна | Россия (завод Всеволожск) |\n',
  });

  it('asks where the thing is made: the listing\'s country answers', async () => {
    for (const question of ['они финские?', 'немецкие?']) {
      const answer = await shop.ask(question, { id: TIRES });
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain('Всеволожск');
    }
  });
});
