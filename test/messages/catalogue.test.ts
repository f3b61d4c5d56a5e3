import { afterEach, describe, expect, it } from 'vitest';
import { defineMessages, defineMessagesIn, parseLang, setLang } from '../../src/messages/index.js';

const text = defineMessages({
  ru: { hello: 'Привет', notSet: (name: string) => `${name} не задан` },
  en: { hello: 'Hello', notSet: (name: string) => `${name} is not set` },
});

describe('message catalogue', () => {
  afterEach(() => setLang('ru'));

  it('gives Russian by default and English once the language is set, at the time of the call', () => {
    expect(text().hello).toBe('Привет');
    expect(text().notSet('AVITO_CLIENT_ID')).toBe('AVITO_CLIENT_ID не задан');
    setLang('en');
    expect(text().notSet('AVITO_CLIENT_ID')).toBe('AVITO_CLIENT_ID is not set');
  });

  it('hands out a named language regardless of the current one', () => {
    const both = defineMessagesIn({ ru: { a: 'а' }, en: { a: 'a' } });
    expect(both('en').a).toBe('a');
    expect(both('ru').a).toBe('а');
  });

  it('reads AVITO_AI_LANG by its first two letters and falls back to Russian', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('en_US.UTF-8')).toBe('en');
    expect(parseLang('EN')).toBe('en');
    expect(parseLang('ru')).toBe('ru');
    expect(parseLang('de')).toBe('ru');
    expect(parseLang(undefined)).toBe('ru');
  });
});
