/**
 * The matcher: each sentence read by every family of requests in turn, then by the seller's phrases.
 */
import { findAskedAnywhere, findAskedPerson, findAskedToJoin, findFetchedPronoun, findOwnJudgement, findSummonedNominative } from './asked-person.js';
import { findBareRequest } from './bare-request.js';
import { findAskedContact, findCall, findNumberLeft, findTalkProposed, findVoiceNote } from './call-and-contact.js';
import { findMovedTalk } from './moved-talk.js';
import { PERSON, readReferent, type Referent, SENIOR } from './person-words.js';
import { findRefusedBot } from './refused-bot.js';
import { FETCH } from './request-words.js';
import { containsPhrase, stemWords } from './seller-phrases.js';
import { readSentences, type Word } from './sentences.js';
import { findAnswerWanted, findContactHoped, findTalkWishedInPast, findCounselWanted, findNameWished, findNeededPerson, findPersonAlone, findPersonToReply } from './wanted-person.js';

/** None by default: the detector covers the usual requests; a seller adds their own words. */
export const DEFAULT_ESCALATION_PHRASES: readonly string[] = [];

export interface EscalationMatcher {
  /** The words that asked for a person, or undefined. */
  match(text: string): string | undefined;
}

export function createEscalationMatcher(phrases: readonly string[]): EscalationMatcher {
  const extras = phrases.map((phrase) => ({ phrase, stems: stemWords(phrase) })).filter((entry) => entry.stems.length > 0);
  return {
    match(text) {
      const sentences = readSentences(text);
      // "Хозяйка тут? Позовите её": a pronoun stands for a person named in another sentence.
      const named = sentences.some((sentence) => sentence.some((word) => PERSON.test(word.text) || SENIOR.test(word.text)));
      const referent = readReferent(sentences, named);
      for (const [at, sentence] of sentences.entries()) {
        const found = findRequest(sentence, referent) ?? extras.find((extra) => containsPhrase(sentence, extra.stems))?.phrase;
        // "хватит автоответов? шучу, сколько стоит": a request taken back as a joke in a later sentence asks nothing.
        if (found !== undefined && !sentences.slice(at + 1).some((later) => later.some((word) => JOKE.test(word.text)))) return found;
      }
      return undefined;
    },
  };
}

/** A request taken back: "шучу", "шутка". */
const JOKE = /^(?:шучу|шутка|шутю|прикалываюсь)$/u;

/** Names a person the bot could call (a FALLBACK_TEXT that offers a manager does). */
export function namesPerson(text: string): boolean {
  return readSentences(text).some((sentence) => sentence.some((word) => PERSON.test(word.text)));
}

/** "соедините", "зовите": a verb fetching a person, beside a yes to the bot's offer. */
export function isFetchWord(word: string): boolean {
  return FETCH.test(word);
}

/** The families in a fixed order: the first that reads a request names its words. */
function findRequest(words: readonly Word[], referent: Referent): string | undefined {
  return (
    findPersonAlone(words, referent) ??
    findAskedPerson(words) ??
    findFetchedPronoun(words, referent) ??
    findAskedToJoin(words) ??
    findSummonedNominative(words) ??
    findPersonToReply(words) ??
    findNeededPerson(words) ??
    findAnswerWanted(words) ??
    findTalkWishedInPast(words) ??
    findContactHoped(words) ??
    findCall(words) ??
    findVoiceNote(words) ??
    findTalkProposed(words) ??
    findCounselWanted(words) ??
    findNameWished(words) ??
    findAskedContact(words, referent) ??
    findNumberLeft(words) ??
    findRefusedBot(words) ??
    findMovedTalk(words) ??
    findBareRequest(words) ??
    findAskedAnywhere(words) ??
    findOwnJudgement(words)
  );
}
