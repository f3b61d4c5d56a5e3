/**
 * "графит в 52 размере есть?": the listing's line "графит — 46, 48, 50" answers it, by the values it lists for the thing
 * asked about (no 52): "Размеры: 44–54", which holds 52 for all the colours together, does not say it alone.
 */
import type { Passage } from './passages.js';

type TermsOf = (text: string) => string[];

/** A measured number asked ("52" of "в 52 размере") and the other things the question names ("граф"). */
export interface AskedValue {
  number: string;
  things: readonly string[];
}

const NUMBER = /\d+/gu;
/** A line, or a table row's cell ("Размеры: 44-54; Цвет: чёрный"): the values must stand with the thing's name. */
const STATEMENTS = /[\n;]/u;

/** The values a statement of the passage lists for one of the things asked: numbers as long as the asked one, beside its name. */
function listValues(passage: Passage, asked: AskedValue, termsOf: TermsOf): string[] | undefined {
  for (const statement of passage.text.split(STATEMENTS)) {
    if (!asked.things.some((thing) => termsOf(statement).includes(thing))) continue;
    const values = (statement.match(NUMBER) ?? []).filter((value) => value.length === asked.number.length);
    if (values.length > 0) return values;
  }
  return undefined;
}

/** The passage lists two or more values for a thing asked, not the number asked: it says which there are. */
export function listsOtherValues(passage: Passage, asked: AskedValue, termsOf: TermsOf): boolean {
  const values = listValues(passage, asked, termsOf);
  return values !== undefined && values.length >= 2 && !values.includes(asked.number);
}
