/**
 * A model or size code ("S23", "R16", "М500", "XV50") is typed in whichever alphabet the buyer's keyboard is on: "с23",
 * "р16", "m500", "хв50". Letters that look or sound alike fold to one Latin letter on both sides, so every spelling of a
 * code is one term. Two codes that differ only in such a letter (a "P16" beside an "R16") would read as one; a shop
 * rarely sells both.
 */

const SERIES_CODE = /^([a-zа-я]{1,3})(\d{2,4})$/u;

const FOLD: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'b', v: 'b', г: 'g', д: 'd', е: 'e', э: 'e', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', q: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'r', p: 'r', р: 'r', с: 's', c: 's', ц: 's', т: 't', у: 'u', y: 'u', ф: 'f', х: 'x', h: 'x',
};

/** The folded code, or undefined when the word is no code (letters then digits). */
export function foldSeriesCode(word: string): string | undefined {
  const code = SERIES_CODE.exec(word);
  if (code === null) return undefined;
  const letters = [...(code[1] ?? '')].map((letter) => FOLD[letter] ?? letter).join('');
  return /^[a-z]+$/.test(letters) ? letters + (code[2] ?? '') : undefined;
}
