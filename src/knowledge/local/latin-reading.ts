/**
 * Whether a Cyrillic word can be a Latin name said aloud, read letter by letter. Sound keys (term-resolver.ts) fold every
 * vowel into one and "ш", "ж", "з", "ц", "ч" into one hiss, and drop "х": they find candidates, and on their own read
 * "хозяин" as Ocean, "кого" as Kugoo, "физ" as Visa. Here each Russian letter must be one of the Latin spellings said that
 * way ("ш" as sh, sch or ch; "ай" as i, y or ai; "о" as o or a, never u), and a Russian case ending stands only where
 * the name takes one ("Весту" for Vesta, "самсунга" for Samsung, but "пол" is not Polo).
 */

/** Latin spellings of Russian letters, and of pairs said as one sound ("ай" in "найк", "дж" in "спортейдж"). */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  дж: ['j', 'g', 'dj', 'dg'],
  кс: ['x'],
  тч: ['tch'],
  // German names: "St", "Sp" said "шт", "шп" (Stihl, Spax).
  шт: ['st'],
  шп: ['sp'],
  ай: ['i', 'y', 'ai', 'ay', 'ie', 'ye'],
  ей: ['a', 'ay', 'ai', 'ey', 'ei'],
  эй: ['a', 'ay', 'ai', 'ey', 'ei'],
  ой: ['oi', 'oy'],
  ау: ['ou', 'ow', 'au', 'aw'],
  оу: ['o', 'ow', 'ou', 'oa', 'oe'],
  а: ['a', 'u'],
  б: ['b'],
  в: ['v', 'w', 'wh'],
  г: ['g', 'gh', 'h'],
  д: ['d'],
  е: ['e', 'ye', 'ie', 'yu', 'yo'],
  ж: ['zh', 'j', 'g', 'ge'],
  з: ['z', 's'],
  и: ['i', 'y', 'ee', 'ea', 'ie', 'ey', 'ih'],
  й: ['i', 'y', 'j'],
  к: ['k', 'c', 'ck', 'q', 'qu', 'ch', 'kh'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o', 'a', 'au', 'aw', 'oa', 'ou', 'eo'],
  п: ['p'],
  р: ['r', 'rh'],
  с: ['s', 'c', 'sc', 'ce'],
  т: ['t', 'th'],
  у: ['u', 'oo', 'ou', 'ue'],
  ф: ['f', 'ph', 'v'],
  х: ['h', 'kh', 'ch', 'x'],
  ц: ['c', 'ts', 'tz', 'z', 'cz'],
  ч: ['ch', 'tch', 'c', 'cz'],
  ш: ['sh', 'sch', 'ch'],
  щ: ['sch', 'shch', 'sh'],
  ъ: [''],
  ы: ['i', 'y'],
  ь: ['', 'j', 'y', 'i'],
  э: ['e', 'a', 'ai', 'ae'],
  ю: ['u', 'yu', 'you', 'iu', 'eu', 'ew', 'ue'],
  я: ['ya', 'ia', 'a', 'ja'],
};
const CONSONANTS = /[бвгджзклмнпрстфхцчшщ]/u;

/** Case endings a Latin name takes in Russian: "самсунга", "на киберпанке", "Весту", "октавию", "эирподсы". */
const CASE_ENDINGS: readonly string[] = ['ами', 'ями', 'ом', 'ем', 'ой', 'ою', 'ей', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ию', 'ия', 'ии', 'ие', 'а', 'я', 'у', 'ю', 'е', 'и', 'ы'];
/**
 * What a name's spelling may hold past the word's stem: a silent "e" ("Nike" / "найк"), and, where a case ending stands,
 * the "a" it replaces ("Vesta" / "весту", "Octavia" / "октавию"). "o", "i", "y" and "u" names are not declined: "пола" is
 * not Polo.
 */
const PLAIN_TAIL = '(?:e)?';
const DECLINED_TAIL = '(?:e|a|ia|ya)?';

export interface LatinReading {
  /** The word may be the name's start ("кронос" for Kronospan); else the whole name. */
  clipped: boolean;
}

/** `word`: normalized Cyrillic (lower case, ё as е); `latin`: an indexed Latin term. Digits are left out on both sides. */
export function readsAsLatin(word: string, latin: string, reading: LatinReading): boolean {
  const letters = word.replace(/\d+/g, '');
  const name = latin.replace(/\d+/g, '').replace(/igh/g, 'i');
  if (letters === '' || name === '') return false;
  if (reading.clipped) {
    // The start of a name is not declined, but may be the first part of a compound: "электро" for Electric.
    const stems = letters.endsWith('о') ? [letters, letters.slice(0, -1)] : [letters];
    return stems.some((stem) => new RegExp(`^${spellPattern(stem, true)}`).test(name));
  }
  if (new RegExp(`^${spellPattern(letters, true)}${PLAIN_TAIL}$`).test(name)) return true;
  return CASE_ENDINGS.some((ending) => {
    if (letters.length - ending.length < 2 || !letters.endsWith(ending)) return false;
    // A declined name keeps its doubled last letter: "Dell" is "Делла", and "деле" is "in action".
    return new RegExp(`^${spellPattern(letters.slice(0, -ending.length), false)}${DECLINED_TAIL}$`).test(name);
  });
}

/**
 * A regular expression of every Latin spelling of the Cyrillic letters. `lastDoubled`: whether the last letter may stand
 * for a doubled one ("термофин" for Termofinn).
 */
function spellPattern(letters: string, lastDoubled: boolean): string {
  let pattern = '';
  for (let at = 0; at < letters.length; ) {
    const pair = letters.slice(at, at + 2);
    const letter = letters[at] ?? '';
    const doubled = lastDoubled || at < letters.length - 1;
    const single = spellLetter(letter, letters[at - 1], doubled);
    const paired = SPELLINGS[pair];
    if (pair.length === 2 && paired !== undefined) {
      // The pair as one sound, or letter by letter ("кс" as x or ks, "ей" as a or ei).
      const second = spellLetter(pair[1] ?? '', letter, lastDoubled || at + 1 < letters.length - 1);
      pattern += `(?:${paired.join('|')}|${single}${second})`;
      at += 2;
    } else {
      pattern += single;
      at += 1;
    }
  }
  return pattern;
}

// A doubled letter may be written once ("пасат" for Passat), and a consonant twice ("ниссан", "эпл" for Apple).
function spellLetter(letter: string, before: string | undefined, doubled: boolean): string {
  const spellings = SPELLINGS[letter];
  if (spellings === undefined) return letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const options = `(?:${spellings.join('|')})`;
  const singles = spellings.filter((spelling) => spelling.length === 1);
  const spelt = doubled && CONSONANTS.test(letter) && singles.length > 0 ? `${options}(?:${singles.join('|')})?` : options;
  return letter === before ? `(?:${spelt})?` : spelt;
}
