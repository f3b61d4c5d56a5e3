/**
 * The language of everything a seller reads: Russian unless AVITO_AI_LANG says otherwise.
 *
 * It is chosen once, at the CLI edge, before anything is printed; the rest of the code only reads
 * it through the catalogues. The locale (LANG, LC_ALL) is deliberately not followed: a rented Linux
 * server says en_US.UTF-8 or C.UTF-8 whatever its owner reads, so it would turn the tool English for
 * the very sellers it is for.
 */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

let current: Lang = 'ru';

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

/** `ru`, `en`, `en_US.UTF-8`, `English`: the first two letters decide; anything else is Russian. */
export function parseLang(raw: string | undefined): Lang {
  const head = (raw ?? '').trim().slice(0, 2).toLowerCase();
  return head === 'en' ? 'en' : 'ru';
}
