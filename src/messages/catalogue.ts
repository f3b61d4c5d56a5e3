/**
 * One way to keep what a seller reads in two languages: each area of the code defines its messages
 * once, Russian first, and the English set must have exactly the same keys and arguments (the
 * compiler checks it). Code asks for a message by name and never holds the text of either language.
 *
 *   const text = defineMessages({
 *     ru: { notSet: (name: string) => `${name} не задан` },
 *     en: { notSet: (name: string) => `${name} is not set` },
 *   });
 *   throw new ConfigError(text().notSet('AVITO_CLIENT_ID'));
 */
import { currentLang, type Lang } from './lang.js';

type Message = string | ((...args: never[]) => string);

export type Messages<T extends Record<string, Message>> = { readonly [K in keyof T]: T[K] };

/** Returns a getter: the messages of the language in force when it is called (not when defined). */
export function defineMessages<T extends Record<string, Message>>(sets: { ru: T; en: Messages<T> }): () => Messages<T> {
  return () => sets[currentLang()];
}

/** Both sets, for the rare text that must be shown in a language other than the current one. */
export function defineMessagesIn<T extends Record<string, Message>>(sets: { ru: T; en: Messages<T> }): (lang: Lang) => Messages<T> {
  return (lang) => sets[lang];
}
