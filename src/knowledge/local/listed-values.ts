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

/** Values listed one by one ("46, 48, 50", "46/48"): a range ("44–54") gives the span for all, not which there are. */
const LISTED = /\d+(?:\s*[,/]\s*\d+)+/gu;
/** A line, a sentence, or a table row's cell ("Размеры: 44-54; Цвет: чёрный"): the values must stand with the thing's name. */
const STATEMENTS = /[\n;]|(?<=[.!?])\s+/u;

/** The passage lists two or more values for a thing asked, beside its name, none of them the number asked: it says which there are. */
export function listsOtherValues(passage: Passage, asked: AskedValue, termsOf: TermsOf): boolean {
  return passage.text.split(STATEMENTS).some((statement) => {
    if (!asked.things.some((thing) => termsOf(statement).includes(thing))) return false;
    const lists = (statement.match(LISTED) ?? []).map((list) => list.split(/\s*[,/]\s*/u));
    return lists.some((values) => values.every((value) => value.length === asked.number.length) && !values.includes(asked.number));
  });
}
