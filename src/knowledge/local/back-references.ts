/**
 * A question pointing back at what the message named before ("пустые поддоны заберёте обратно и скока за них вернёте"):
 * asked apart, "скока за них вернёте" has lost its subject and is answered by any passage about returning anything.
 */
import { VERB_FORM } from './search.js';
import { listTermWords, normalizeText } from './terms.js';

/** Oblique pronouns ("за них", "у него", "их"): subject ones ("он", "она") more often mean the listing itself. */
const BACK_REFERENCE = /(?<![а-яё])(?:них|ними|ним|их|ими|него|нему|нем|нём|нее|неё|ней|ею|нею)(?![а-яё])/iu;
/** Adjectives ("пустые") qualify a noun; adverbs and comparatives ("обратно", "дешевле") qualify a verb. */
const NOT_NOUN = /(?:ые|ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ых|ым|ими|ыми|ую|юю|о|е)$/u;

/** Each part that points back and names no thing of its own is asked of the things the part before it names. */
export function carryReferents(parts: readonly string[]): string[] {
  return parts.map((part, at) => {
    const previous = parts[at - 1];
    if (previous === undefined || !BACK_REFERENCE.test(part) || listNouns(part).length > 0) return part;
    const nouns = listNouns(previous);
    return nouns.length === 0 ? part : `${nouns.join(' ')} ${part}`;
  });
}

function listNouns(text: string): string[] {
  return listTermWords(text)
    .map(({ word }) => word)
    .filter((word) => /^[а-яё]+$/u.test(word) && !VERB_FORM.test(word) && !NOT_NOUN.test(normalizeText(word)) && !BACK_REFERENCE.test(word));
}
