/**
 * A buyer asking for a person, read as grammar rather than listed as phrases: a person word (менеджер,
 * продавец, хозяйка, живой человек…) asked for by an imperative (позовите, дайте, соедините с, передайте),
 * a wish (хочу, прошу), a need in a clause that says nothing else (нужен менеджер, можно живого человека?),
 * a wish to talk with one (поговорить с продавцом), or standing alone in a sentence ("Менеджер!!!"); asked
 * when they will be on line, or whom to turn to (к кому обратиться?); or a call asked for (позвоните, наберите,
 * можно звонок?). A negated request ("менеджера не надо") and a question about a person ("продавец сам
 * отправляет?") are not requests. The seller's ESCALATION_PHRASES match besides, on Snowball stems, under the
 * same negation rule. The readings live in ./escalation/, one family of requests a module.
 */
export { createEscalationMatcher, DEFAULT_ESCALATION_PHRASES, isFetchWord, namesPerson, type EscalationMatcher } from './escalation/matcher.js';
export { isChannelWord } from './escalation/contact-words.js';
export { isRefusal } from './escalation/negation.js';
export { isPersonWord } from './escalation/person-words.js';
export { normalizeText } from './escalation/sentences.js';
