/** Our query as a tool's arguments, a tool's result as passages or as an answer, and what of an answer may reach a buyer. */
import { describe, expect, it } from 'vitest';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { judgeToolAnswer } from '../../../src/knowledge/mcp/answer-check.js';
import { fillArguments, findUnknownPlaceholder } from '../../../src/knowledge/mcp/arguments.js';
import { readAnswer, readPassages } from '../../../src/knowledge/mcp/results.js';

const TEMPLATE = { query: '{question}', item_id: '{listing_id}', title: '{listing_title}', history: '{context}', note: 'Объявление {listing_id}: {question}', tags: ['{listing_id}', 'rag'], limit: 5 };

describe('fillArguments', () => {
  it('fills typed values, drops absent ones, and writes text into longer strings', () => {
    const query = {
      question: 'А доставка?',
      listing: { id: 4012345679, title: 'Робот-пылесос' },
      context: [
        { role: 'buyer' as const, text: 'Здравствуйте!\nЕсть гарантия?', at: 1 },
        { role: 'bot' as const, text: 'Гарантия 12 месяцев.', at: 2 },
        { role: 'buyer' as const, text: 'А доставка?', at: 3 },
      ],
    };
    expect(fillArguments(TEMPLATE, query, 20)).toEqual({
      query: 'А доставка?',
      item_id: 4012345679,
      title: 'Робот-пылесос',
      history: 'Покупатель: Здравствуйте! Есть гарантия?\nБот: Гарантия 12 месяцев.',
      note: 'Объявление 4012345679: А доставка?',
      tags: [4012345679, 'rag'],
      limit: 5,
    });
    expect(fillArguments(TEMPLATE, { question: 'Доставка?' }, 20)).toEqual({ query: 'Доставка?', note: 'Объявление : Доставка?', tags: ['rag'], limit: 5 });
  });

  it('finds a placeholder it would not fill', () => {
    expect(findUnknownPlaceholder(TEMPLATE)).toBeUndefined();
    expect(findUnknownPlaceholder({ a: { b: ['{item}'] } })).toBe('item');
  });
});

const text = (value: string) => ({ type: 'text' as const, text: value });

describe('readPassages', () => {
  it('reads structuredContent, JSON text, embedded resources and plain text', () => {
    const structured: CallToolResult = { content: [], structuredContent: { results: [{ page_content: 'Гарантия 12 месяцев.', metadata: { source: 'garantiya.md', item_id: '42' }, score: 0.9 }] } };
    expect(readPassages(structured, 'search')).toEqual([{ source: 'garantiya.md', text: 'Гарантия 12 месяцев.', score: 0.9, itemId: 42 }]);
    const json: CallToolResult = { content: [text(JSON.stringify([{ content: 'Доставка 1–2 дня.', title: 'Доставка', section: 'Сроки' }]))] };
    expect(readPassages(json, 'search')).toEqual([{ source: 'Доставка', text: 'Доставка 1–2 дня.', heading: 'Сроки' }]);
    const mixed: CallToolResult = {
      content: [text('Оплата картой.'), { type: 'resource', resource: { uri: 'file:///kb/oplata%20v2.md', text: 'Оплата при получении.' } }, text('  ')],
    };
    expect(readPassages(mixed, 'search')).toEqual([
      { source: 'search#1', text: 'Оплата картой.' },
      { source: '/kb/oplata v2.md', text: 'Оплата при получении.' },
    ]);
  });
});

describe('readAnswer', () => {
  it('takes the first text as the answer and the rest as its sources', () => {
    const result: CallToolResult = {
      content: [text('Гарантия 12 месяцев.'), text('Гарантия 12 месяцев от продавца.'), { type: 'resource_link', uri: 'https://kb/garantiya', name: 'garantiya' }],
    };
    expect(readAnswer(result, 'ask')).toEqual({
      text: 'Гарантия 12 месяцев.',
      sources: [{ source: 'ask#1', text: 'Гарантия 12 месяцев от продавца.' }],
      sourceNames: ['ask#1', 'https://kb/garantiya'],
    });
  });

  it('reads an {answer, sources} object, structured or as JSON text', () => {
    const body = { answer: 'Доставка 2–5 дней.', sources: [{ text: 'Сроки доставки 2–5 дней.', source: 'dostavka.md' }] };
    const expected = { text: 'Доставка 2–5 дней.', sources: [{ source: 'dostavka.md', text: 'Сроки доставки 2–5 дней.' }], sourceNames: ['dostavka.md'] };
    expect(readAnswer({ content: [], structuredContent: body }, 'ask')).toEqual(expected);
    expect(readAnswer({ content: [text(JSON.stringify(body))] }, 'ask')).toEqual(expected);
  });
});

describe('judgeToolAnswer', () => {
  const sources = [{ source: 'dostavka.md', text: 'Отправляем в течение 1–2 рабочих дней. Курьер по Москве — 500 ₽.' }];
  it('lets through an answer whose numbers its sources state', () => {
    expect(judgeToolAnswer({ text: 'Курьер по Москве стоит 500 ₽, отправим за 1–2 дня.', sources, sourceNames: [] }, 'НЕТ_ОТВЕТА')).toEqual({ status: 'FOUND', text: 'Курьер по Москве стоит 500 ₽, отправим за 1–2 дня.' });
  });

  it.each([
    ['', 'сервер вернул пустой ответ'],
    ['нет_ответа', 'сервер сообщил, что ответа нет'],
    ['К сожалению, в документах нет информации об этом.', 'ответ сервера говорит, что в документах этого нет'],
    ['Курьер по Москве стоит 990 ₽.', 'в ответе сервера есть числа, которых нет в его источниках: 990'],
  ])('refuses %j', (answer, reason) => {
    expect(judgeToolAnswer({ text: answer, sources, sourceNames: [] }, 'НЕТ_ОТВЕТА')).toEqual({ status: 'NOT_FOUND', reason });
  });

  it('holds any number against nothing when the server names no source, and cuts a long answer at a sentence', () => {
    expect(judgeToolAnswer({ text: 'Гарантия 12 месяцев.', sources: [], sourceNames: [] }, '')).toMatchObject({ status: 'NOT_FOUND' });
    expect(judgeToolAnswer({ text: 'Гарантия есть.', sources: [], sourceNames: [] }, '')).toEqual({ status: 'FOUND', text: 'Гарантия есть.' });
    const long = `${'Доставляем по всей России. '.repeat(40)}Самовывоз.`;
    const fitted = judgeToolAnswer({ text: long, sources: [], sourceNames: [] }, '');
    expect(fitted.status).toBe('FOUND');
    expect(fitted.status === 'FOUND' && fitted.text.length).toBeLessThanOrEqual(999);
    expect(fitted.status === 'FOUND' && fitted.text.endsWith('России.')).toBe(true);
  });
});
