/**
 * Shapes of Russian words the question readings share, so that one reading's notion of an adjective or a preposition is
 * every reading's.
 */

/** Endings of adjectives and participles in any case: "обычное", "двухстворчатое", "жидкого". */
export const ADJECTIVE_FORM = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ым|им|ых|их|ом|ем)$/u;

/** "покрытие", "отверстие": nouns ending like adjectives. */
export const NOUN_IN_IE = /(?:ни|ти)е$/u;

/** An adjective or participle by its ending ("жидкий", "новое"), not a noun in "-ние"/"-тие" ("покрытие"). */
export function isAdjectiveForm(word: string): boolean {
  return ADJECTIVE_FORM.test(word) && !NOUN_IN_IE.test(word);
}

/**
 * "на ней", "у него", "к ним": the forms of "он", "она", "они" said only after a preposition, which point back to a thing
 * named before them in the message.
 */
export const PREPOSITIONAL_PRONOUNS: readonly string[] = ['них', 'ними', 'ним', 'него', 'нему', 'нем', 'нее', 'ней', 'ею'];

/** Prepositions: the noun after one is an adjunct ("подсветку под верхние шкафы", "у меня солярис"), not the thing asked. */
export const PREPOSITION = /^(?:под|над|на|в|во|с|со|из|без|для|к|ко|по|от|до|у|о|об|при|за|про|через)$/u;
