/**
 * A question pointing back at what the message named before ("пустые поддоны заберёте обратно и скока за них вернёте"):
 * asked apart, "скока за них вернёте" has lost its subject and is answered by any passage about returning anything.
 */
import { holdsQuestionWord } from './clause-questions.js';
import { VERB_FORM } from './search.js';
import { HOW_MUCH_WORD, listTermWords, normalizeText, termOf } from './terms.js';
import { PRICE_TERM } from './vocabulary.js';
import { PREPOSITIONAL_PRONOUNS } from './word-forms.js';

/** Oblique pronouns ("за них", "у него", "их"): subject ones ("он", "она") more often mean the listing itself. */
const BACK_REFERENCE = new RegExp(`(?<![а-яё])(?:${[...PREPOSITIONAL_PRONOUNS, 'их', 'ими', 'нём', 'неё', 'нею'].join('|')})(?![а-яё])`, 'iu');
/**
 * "а если не понравится тогда что", "если сломается, что делать?": a case and a bare "what then" ask what follows in that
 * case of what the message spoke of before ("курьер подождет пока я посмотрю?"), not of any passage naming the case.
 */
const OUTCOME = /^(?:(?:а|и|ну)\s+)?если\s[^?]*?(?:,?\s*(?:то\s+|тогда\s+)?(?:что|чо|че|чё)(?:\s+(?:тогда|делать|будет|дальше))?|,?\s*тогда\s+(?:что|чо|че|чё))[\s?!.]*$/iu;
/** Adjectives ("пустые") qualify a noun; adverbs and comparatives ("обратно", "дешевле") qualify a verb. */
const NOT_NOUN = /(?:ые|ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ых|ым|ими|ыми|ую|юю|о|е)$/u;

/** "скока?" alone: how much, of a thing named before, is what it costs ("скока весит", "на скока" ask other things). */
const BARE_HOW_MUCH = new RegExp(String.raw`^(?:а\s+|и\s+)?${HOW_MUCH_WORD}[\s?!.]*$`, 'iu');
/** Words of a price, which ask about a thing and never name one. */
const PRICE_TERMS: ReadonlySet<string> = new Set([PRICE_TERM, 'доплат']);

/** "и на батарею", "а для дивана", "и духовку тоже": a thing named alone, asked what the part before asked. */
const SAME_QUESTION = /^(?:(?:и|а)\s+)?(?:(?:на|для|у|с|со|в|во|к|по|под)\s+(?!(?:меня|мне|нас|вас|тебя|себя|него|нее|неё|них|нем|нём|ней)(?![а-яё]))[а-яё]+|[а-яё]+(?:\s+[а-яё]+)?\s+(?:тоже|также))[\s?!.]*$/iu;

/**
 * A part naming a thing and asking nothing ("гарантия сколько и на батарею", "холодильник внутри помоете? и духовку
 * тоже") asks the question of the part before it of that thing: asked alone, it is answered by any passage naming it.
 */
export function carryQuestions(parts: readonly string[]): string[] {
  return parts.map((part, at) => {
    const previous = parts[at - 1];
    const asks = previous !== undefined && (holdsQuestionWord(previous) || previous.trim().endsWith('?'));
    if (previous === undefined || !asks || holdsQuestionWord(part) || !SAME_QUESTION.test(part.trim())) return part;
    if (listTermWords(part).some(({ word }) => VERB_FORM.test(word))) return part;
    return `${previous.replace(/[?!.\s]+$/u, '')} ${part.replace(/^(?:и|а)\s+/iu, '')}`;
  });
}

/**
 * Each part that points back and names no thing of its own is asked of the things the part before it names. So is a bare
 * follow-up on the price ("…духовку тоже? скока", "двери перевешиваются? скока стоит это сделать"): asked apart, it is
 * answered by the listing's own price, or by nothing. A bare "скока" after a thing asks what it costs.
 */
export function carryReferents(parts: readonly string[]): string[] {
  return parts.map((part, at) => {
    const previous = parts[at - 1];
    if (previous === undefined) return part;
    const [lead = ''] = part.split(',');
    const pointsBack = (BACK_REFERENCE.test(part) && listNouns(part).length === 0) || OUTCOME.test(part.trim());
    const bare = BARE_HOW_MUCH.test(lead.trim());
    const asksPrice = (bare || listTermWords(lead).some(({ word }) => isPriceWord(word))) && listNouns(lead).every(isPriceWord);
    if (!pointsBack && !asksPrice) return part;
    const nouns = listNouns(previous).filter((noun) => !isPriceWord(noun));
    if (nouns.length === 0) return part;
    const price = bare ? ' почем' : '';
    return `${nouns.join(' ')} ${part}${price}`;
  });
}

function isPriceWord(word: string): boolean {
  return PRICE_TERMS.has(termOf(word) ?? '');
}

function listNouns(text: string): string[] {
  return listTermWords(text)
    .map(({ word }) => word)
    .filter((word) => /^[а-яё]+$/u.test(word) && !VERB_FORM.test(word) && !NOT_NOUN.test(normalizeText(word)) && !BACK_REFERENCE.test(word));
}
