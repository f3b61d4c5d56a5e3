import { describe, expect, it } from 'vitest';
import type { KnowledgeDocument } from '../../../src/knowledge/local/documents.js';
import { MAX_PASSAGE_LENGTH, cleanDocumentText, cleanInline, splitPassages, splitSentences } from '../../../src/knowledge/local/passages.js';

function markdown(text: string, extra: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return { path: 'doc.md', format: 'markdown', markup: 'markdown', text, ...extra };
}

function plain(text: string): KnowledgeDocument {
  return { path: 'doc.txt', format: 'text', markup: 'plain', text };
}

describe('splitPassages (Markdown)', () => {
  it('takes the first top-level heading as the title and keeps headings as context of the passages below them', () => {
    const passages = splitPassages(
      markdown('# Доставка\n\n## Сроки\n\nОбычно 2–5 дней.\n\nВ регионы дольше.\n\n### Москва\n\nНа следующий день.\n\n## Самовывоз\n\nУ метро.'),
    );
    expect(passages.map((passage) => [passage.title, passage.headings, passage.text])).toEqual([
      ['Доставка', ['Сроки'], 'Обычно 2–5 дней.'],
      ['Доставка', ['Сроки'], 'В регионы дольше.'],
      ['Доставка', ['Сроки', 'Москва'], 'На следующий день.'],
      ['Доставка', ['Самовывоз'], 'У метро.'],
    ]);
    expect(passages.map((passage) => passage.position)).toEqual([0, 1, 2, 3]);
    expect(passages.every((passage) => passage.document === 'doc.md')).toBe(true);
  });

  it('keeps a list together with the line that introduces it, even across blank lines', () => {
    const passages = splitPassages(markdown('## Комплектация\n\nВ комплекте:\n\n- капучинатор;\n- мерная ложка;\n\n- инструкция.\n\nФильтр не входит.'));
    expect(passages.map((passage) => passage.text)).toEqual([
      'В комплекте:\n• капучинатор;\n• мерная ложка;\n• инструкция.',
      'Фильтр не входит.',
    ]);
  });

  it('joins soft-wrapped paragraph lines and list item continuations', () => {
    const passages = splitPassages(markdown('Первая строка\nвторая строка.\n\n1. Пункт\n   продолжение\n2. Второй'));
    expect(passages.map((passage) => passage.text)).toEqual(['Первая строка вторая строка.', '1. Пункт продолжение\n2. Второй']);
  });

  it('removes Markdown markup and keeps only the text', () => {
    const [passage] = splitPassages(
      markdown(
        '> **Важно:** оплата _только_ через [Авито Доставку](https://avito.ru/d) или `наличными`, ![фото](a.png) <br> ~~предоплата~~ \\*не\\* нужна.',
      ),
    );
    expect(passage?.text).toBe('Важно: оплата только через Авито Доставку или наличными, фото предоплата *не* нужна.');
  });

  it('keeps underscores and asterisks that are not emphasis', () => {
    expect(cleanInline('файл my_file_name и 2*3*4')).toBe('файл my_file_name и 2*3*4');
  });

  it('reads setext headings, drops rules and reference definitions, reads tables as rows', () => {
    const passages = splitPassages(
      markdown('Цены\n====\n\n| Товар | Цена |\n|---|---:|\n| Чехол | 490 ₽ |\n\n---\n\n[1]: https://example.com\n\nКонец.'),
    );
    expect(passages.map((passage) => [passage.title, passage.text])).toEqual([
      ['Цены', 'Товар — Цена\nЧехол — 490 ₽'],
      ['Цены', 'Конец.'],
    ]);
  });

  it('does not read headings or lists inside code fences', () => {
    const passages = splitPassages(markdown('```\n# не заголовок\n- не пункт\n```'));
    expect(passages.map((passage) => [passage.headings, passage.text])).toEqual([[[], '# не заголовок\n- не пункт']]);
  });

  it('uses the front matter title and does not repeat it as a heading', () => {
    const passages = splitPassages(markdown('# Кресло\n\nТекст.', { title: 'Кресло', itemId: 7 }));
    expect(passages).toEqual([{ id: 0, document: 'doc.md', itemId: 7, title: 'Кресло', headings: [], text: 'Текст.', position: 0 }]);
  });

  it(`splits paragraphs longer than ${MAX_PASSAGE_LENGTH} characters at sentence ends`, () => {
    const sentence = 'Это предложение про доставку и оплату заказа через Авито. ';
    const text = sentence.repeat(40).trim();
    const passages = splitPassages(markdown(`## Длинный раздел\n\n${text}`));
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
      expect(passage.text.endsWith('Авито.')).toBe(true);
      expect(passage.headings).toEqual(['Длинный раздел']);
    }
    expect(passages.map((passage) => passage.text).join(' ')).toBe(text);
  });

  it('splits a single endless sentence between words', () => {
    const text = 'слово '.repeat(400).trim();
    const passages = splitPassages(markdown(text));
    expect(passages.every((passage) => passage.text.length <= MAX_PASSAGE_LENGTH)).toBe(true);
    expect(passages.map((passage) => passage.text).join(' ')).toBe(text);
  });
});

describe('splitPassages (plain text)', () => {
  it('splits by paragraphs and keeps line breaks inside them', () => {
    const passages = splitPassages(plain('Гарантия 30 дней.\nНе на механику.\n\n\nОбмен — 7 дней.'));
    expect(passages.map((passage) => passage.text)).toEqual(['Гарантия 30 дней.\nНе на механику.', 'Обмен — 7 дней.']);
  });

  it('does not read Markdown in plain text', () => {
    expect(splitPassages(plain('# не заголовок *звёздочки*'))[0]?.text).toBe('# не заголовок *звёздочки*');
  });
  it('reads a line of capitals standing alone as the heading of the lines after it, up to the next one', () => {
    const passages = splitPassages(plain('ДОСТАВКА\n\nПригороды (Зеленодольск) - 1 000 р.\n\nОПЛАТА\n\nНаличными или переводом.'));
    expect(passages.map((passage) => [passage.headings, passage.text])).toEqual([
      [['ДОСТАВКА'], 'Пригороды (Зеленодольск) - 1 000 р.'],
      [['ОПЛАТА'], 'Наличными или переводом.'],
    ]);
  });

  it('keeps capitals inside a paragraph, a shout and a short word as text', () => {
    const passages = splitPassages(plain('ВАЖНО!\n\nОПЛАТА\nНаличными.\n\nИП\n\nЦена 500 р.'));
    expect(passages.map((passage) => passage.headings)).toEqual([[], [], [], []]);
  });
});

describe('cleanDocumentText', () => {
  it('contains every passage of the document', () => {
    const document = markdown('# Т\n\n## Раздел\n\n**Жирный** текст.\n\n- один\n- два\n\nЕщё [ссылка](x).');
    const clean = cleanDocumentText(document);
    expect(clean).toBe('Т\n\nРаздел\n\nЖирный текст.\n\n• один\n• два\n\nЕщё ссылка.');
    for (const passage of splitPassages(document)) expect(clean).toContain(passage.text);
  });
});

describe('splitSentences', () => {
  it('splits after sentence ends followed by a capital or a digit, not inside abbreviations or numbers', () => {
    expect(splitSentences('Цена 1.5 тыс. руб. за шт. Торг? Да! 2 года.')).toEqual(['Цена 1.5 тыс. руб. за шт.', 'Торг?', 'Да!', '2 года.']);
  });
});
