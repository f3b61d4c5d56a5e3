/**
 * "что в комплекте?", "что в комплект входит", "какие диски в наборе идут": the buyer asks what the kit holds. The
 * listing's passage listing its kit ("Что в наборе:", "## Что в комплекте", "комплектация: …") answers, quoted whole,
 * though it shares no word with him: its items name the things, his question names the kit ("идут" even reads as a time).
 */
import type { Passage } from './passages.js';

/** The kit, named where it holds things: "в комплекте", "в набор", "в коробке". */
const KIT = /(?<![а-яё])в\s+(?:комплект|набор|коробк)[а-яё]*(?![а-яё])/u;
/**
 * What is in it is asked: "что", "какие диски". Without it the buyer asks whether one thing is there ("кабель в
 * комплекте?"); with "какой" he asks a value of one thing in it ("какой толщины поликарбонат в комплекте").
 */
const WHAT = /(?<![а-яё])(?:что|чего|какие|каких)(?![а-яё])/u;
/** The kit's contents named as such ("комплектация какая?"): any question word asks them. */
const CONTENTS = /(?<![а-яё])(?:комплектаци|комплектност)[а-яё]*(?![а-яё])/u;
const WHICH = /(?<![а-яё])(?:что|чего|как[а-яё]{2,3})(?![а-яё])/u;
/** A label or heading over the kit's list: "Что в наборе", "В комплекте", "Комплектация", "Состав комплекта". */
const KIT_LABEL =
  /^(?:что\s+)?(?:входит\s+)?(?:в\s+(?:комплект|комплекте|наборе|набор|коробке)|комплект|комплектаци[яи]|комплектность|комплект\s+поставки|состав\s+(?:комплекта|набора))(?:\s+входит)?$/u;

/** Whether a part of the message asks what the kit holds (see the module's comment). */
export function asksKitContents(text: string): boolean {
  const lower = text.toLowerCase().replaceAll('ё', 'е');
  return (KIT.test(lower) && WHAT.test(lower)) || (CONTENTS.test(lower) && WHICH.test(lower));
}

/** Whether the passage is the list of a kit: its heading, or its first line's label, names the kit. */
export function listsKit(passage: Passage): boolean {
  const [first = ''] = passage.text.split('\n');
  const labels = [passage.headings.at(-1) ?? '', first.split(':')[0] ?? ''];
  return labels.some((label) => KIT_LABEL.test(label.toLowerCase().replaceAll('ё', 'е').replace(/^#+\s*/u, '').trim()));
}
