/**
 * The talk moved elsewhere: to a messenger or private messages.
 */
import { CONTACT, CONTACT_FRAME, GIVE, isPhoneOrPronoun, MESSENGER, MOVE_TALK, PRIVATE, TALK_FRAME, YOUR } from './contact-words.js';
import { FILLER, GREETING, NEGATION, PREPOSITION } from './function-words.js';
import { NEED, TALK, WANT } from './request-words.js';
import { groupClauses, type Word } from './sentences.js';

/**
 * A messenger to go on in: "давайте в телеге продолжим", "кинь телегу свою", "есть вайбер?", "можно в ватсап?": the sentence
 * is the messenger and the words of such a request, nothing else ("телефон поддерживает whatsapp?" asks about the phone).
 */
export function findMovedTalk(words: readonly Word[]): string | undefined {
  // The sentence, or one clause of it ("давай в телеграм, здесь сообщения не доходят").
  for (const clause of [words, ...groupClauses(words)]) {
    const texts = clause.map((word) => word.text);
    if (!texts.some((text) => MESSENGER.test(text) || PRIVATE.test(text)) || texts.some((text) => NEGATION.has(text))) continue;
    const frame = (text: string): boolean =>
      MESSENGER.test(text) || PRIVATE.test(text) || MOVE_TALK.test(text) || TALK.test(text) || GIVE.test(text) || CONTACT.test(text) || CONTACT_FRAME.has(text) ||
      isPhoneOrPronoun(text) || FILLER.has(text) || GREETING.has(text) || PREPOSITION.has(text) || NEED.test(text) || WANT.test(text) || YOUR.test(text) ||
      TALK_FRAME.has(text);
    if (texts.every(frame)) return texts.join(' ');
  }
  return undefined;
}
