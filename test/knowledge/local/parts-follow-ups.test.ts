import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const WINDOWS = 7301;

describe('a part asking only how long, after a part naming things', () => {
  const shop = useKnowledgeFolder({
    'prais.csv': 'Наименование;Цена, руб\nНастройка гитары (полная);1500\nСтойка для гитары;990\n',
    'o-magazine.txt': 'Мастерская: настройка гитар, замена струн, ремонт электроники. Гитару настроим за 1-2 дня.\n',
    'dostavka.md': '# Сроки\n\nСрок доставки по России 3-7 дней.\n',
    [`item-${WINDOWS}-windows.md`]:
      '# Переустановка Windows\n\nВаши файлы: фото и документы копируем перед переустановкой и возвращаем на место.\n\nСроки: обычно в тот же день, Windows с драйверами 2–3 часа.\n',
  });

  it('asks the time of those things: not the time any passage states', async () => {
    const answer = await shop.ask('сколько стоит настроить гитару у вас и скок по времени');
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('1500');
    expect(answer.text).toContain('1-2 дня');
    expect(answer.text).not.toContain('3-7 дней');
  });

  it('asks it as typed where those things were the buyer’s case, not what the time is of', async () => {
    const answer = await shop.ask('фотки не слетят после переустановки и скока по времени займет', { id: WINDOWS });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('копируем');
    expect(answer.text).toContain('2–3 часа');
  });
});
