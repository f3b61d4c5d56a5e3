/** A buyer asking for a person: phrases match on Snowball stems, in order, with a small gap, so inflections match and the list stays plain phrases. */
import { stemmer } from '@orama/stemmers/russian';

/** Irregular verbs change their stem ("позвать" → "позва", "позовите" → "позов"), so both forms are listed. */
export const DEFAULT_ESCALATION_PHRASES: readonly string[] = [
  'позовите менеджера',
  'позвать менеджера',
  'позовите оператора',
  'позвать оператора',
  'позовите продавца',
  'позвать продавца',
  'позовите человека',
  'позвать человека',
  'вызовите менеджера',
  'вызвать менеджера',
  'вызовите оператора',
  'вызвать оператора',
  'вызовите продавца',
  'вызвать продавца',
  'живой человек',
  'живым человеком',
  'соедините с продавцом',
  'соедините с менеджером',
  'соедините с оператором',
  'соедините с человеком',
  'свяжите с менеджером',
  'свяжите с продавцом',
  'связаться с менеджером',
  'связаться с продавцом',
  'поговорить с менеджером',
  'поговорить с человеком',
  'поговорить с продавцом',
  'нужен менеджер',
  'нужен оператор',
  'нужен человек',
  'хочу менеджера',
  'хочу оператора',
];

/** Words that never carry the request ("с", "мне"): skipped on both sides. */
const FILLER = new Set(['с', 'со', 'мне', 'меня', 'нам', 'пожалуйста', 'а', 'и', 'ну', 'же', 'уже', 'можно', 'может']);

const MAX_GAP = 2;

export function tokenizeStems(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !FILLER.has(word))
    .map((word) => stemmer(word));
}

export interface EscalationMatcher {
  match(text: string): string | undefined;
}

export function createEscalationMatcher(phrases: readonly string[]): EscalationMatcher {
  const compiled = phrases
    .map((phrase) => ({ phrase, stems: tokenizeStems(phrase) }))
    .filter((entry) => entry.stems.length > 0);
  return {
    match(text) {
      const words = tokenizeStems(text);
      return compiled.find((entry) => containsInOrder(words, entry.stems))?.phrase;
    },
  };
}

function containsInOrder(words: readonly string[], stems: readonly string[]): boolean {
  for (let start = 0; start < words.length; start++) {
    if (words[start] !== stems[0]) continue;
    let position = start;
    let matched = 1;
    while (matched < stems.length) {
      const limit = Math.min(words.length, position + 2 + MAX_GAP);
      let found = -1;
      for (let i = position + 1; i < limit; i++) {
        if (words[i] === stems[matched]) {
          found = i;
          break;
        }
      }
      if (found < 0) break;
      position = found;
      matched++;
    }
    if (matched === stems.length) return true;
  }
  return false;
}
