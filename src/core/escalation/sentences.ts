/**
 * Reading a message: normalized, split into sentences, each word marked with its clause (the reach of a negation).
 */
import { MESSENGER } from './contact-words.js';
import { POLITE_ASK } from './function-words.js';
import { readBelarusianWords, readEnglishPhrases, readKazakhWords, readLayoutWords, readTyped, readUkrainianWords, splitGlued } from '../typed-words.js';

/** A word of a sentence; `clause` changes at commas, dashes and "а"/"но", the reach of a negation. */
export interface Word {
  text: string;
  clause: number;
}

/** Words read as another: "пускай хозяйка перезвонит" is "пусть…". */
const SAME_AS: ReadonlyMap<string, string> = new Map([['пускай', 'пусть']]);

const SENTENCE_END = /[.!?\n;…]+/u;
const CLAUSE_BREAK = /[,:—–()«»"]|\s-\s/u;
const CLAUSE_WORDS = new Set(['а', 'но', 'или', 'зато', 'однако']);

// Explicit letters, not Unicode properties: text is lower case with ё as е, and property classes cost a start-up compile.
export const WORD = /[а-яa-z0-9]+(?:-[а-яa-z0-9]+)*/gu;

/** Lower case, ё as е: how every rule here spells words. */
export function normalizeText(text: string): string {
  // "позовите кого нибудь": typed on a phone the hyphen is often left out.
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(?<![а-яa-z])(кто|кого|кому|кем|как(?:ой|ого|ую|ая|ие|им))\s+(нибудь|либо|то)(?![а-яa-z])/gu, '$1-$2')
    // "пишите в тг @ivan_petrov": a messenger's handle is the buyer's nick there.
    .replace(/(?<![a-z0-9_.])@[a-z0-9_.]+/gu, ' ник ');
}

/** The message's sentences, each a list of its words. */
export function readSentences(text: string): Word[][] {
  return readBelarusianWords(readKazakhWords(readUkrainianWords(readLayoutWords(readEnglishPhrases(normalizeText(text))))))
    .split(SENTENCE_END)
    .map(readClauses)
    .filter((sentence) => sentence.length > 0);
}

function readClauses(sentence: string): Word[] {
  const words: Word[] = [];
  let clause = 0;
  for (const part of sentence.split(CLAUSE_BREAK)) {
    clause++;
    for (const [typed] of part.matchAll(WORD)) {
      const text = SAME_AS.get(typed) ?? readTyped(typed);
      if (CLAUSE_WORDS.has(text)) clause++;
      for (const glued of (text === typed ? splitGlued(text) : undefined) ?? [text]) pushWord(words, { text: readInfinitive(words, glued, clause), clause });
    }
  }
  // A polite "не" ("не могли бы…", see POLITE_ASK) refuses nothing: read without it.
  return words.filter((word, at) => !(word.text === 'не' && POLITE_ASK.test(words[at + 1]?.text ?? '')));
}

/** Words an infinitive follows: "можно", "хочу", "могу", "мне бы". */
const BEFORE_INFINITIVE: ReadonlySet<string> = new Set(['можно', 'нужно', 'надо', 'хочу', 'хотим', 'хотел', 'хотела', 'хотелось', 'могу', 'можем', 'можете', 'сможете', 'могли', 'бы']);

/**
 * "можно созвонится?", "хочу связатся с вами": after a word an infinitive follows, "-тся" is the infinitive's "-ться"
 * typed without the soft sign, as buyers often type it ("курьер созвонится?" stays a third person: nothing before it asks).
 */
function readInfinitive(words: readonly Word[], text: string, clause: number): string {
  if (!text.endsWith('тся') || text.endsWith('ться')) return text;
  return words.some((word) => word.clause === clause && BEFORE_INFINITIVE.has(word.text)) ? `${text.slice(0, -3)}ться` : text;
}

/**
 * "в вотс ап можно?", "в теле грам", "вай бер": a messenger's name typed in two parts is read as one word. Both parts are
 * two letters or more, so "в к" stays a preposition.
 */
function pushWord(words: Word[], word: Word): void {
  const last = words[words.length - 1];
  const joined = `${last?.text ?? ''}${word.text}`;
  if (last !== undefined && last.clause === word.clause && last.text.length > 1 && word.text.length > 1 && MESSENGER.test(joined)) last.text = joined;
  else words.push(word);
}

export function groupClauses(words: readonly Word[]): Word[][] {
  const clauses = new Map<number, Word[]>();
  for (const word of words) {
    const clause = clauses.get(word.clause);
    if (clause) clause.push(word);
    else clauses.set(word.clause, [word]);
  }
  return [...clauses.values()];
}

export function spell(words: readonly Word[], from: number, to: number): string {
  return words
    .slice(Math.min(from, to), Math.max(from, to) + 1)
    .map((word) => word.text)
    .join(' ');
}
