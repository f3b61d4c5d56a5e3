import type { PrefixRule } from '../prefix-table.js';

/**
 * Fishing tackle and boats: rods and reels, lines and lures, echo sounders, winter tents, PVC boats and their outboard
 * motors, the workshop's repairs and servicing. Earlier tables already read "бенз" (tools.ts), "чехол" as "кейс"
 * (cosmetics.ts), "клапан", "мотор". Left out: "косяк" (a school of fish to an angler, a flaw to everyone else:
 * music.ts reads it as a flaw), "банка" (a boat's thwart and a jar of maggots), "нога" (a motor's shaft length).
 */
export const FISHING_RULES: readonly PrefixRule[] = [
  // An outboard's water-pump impeller: "крыльчатка" is the buyer's name, "импеллер" (often "импелер") the workshop's.
  { term: 'импеллер', prefixes: ['импеллер', 'импелер', 'крыльчатк', 'крыльчаточк'] },
  // Airing a winter tent or a room: "проветривание", "проветривать" against the listing's "вентиляция".
  { term: 'вентиляц', prefixes: ['проветр', 'вентилир'] },
  // The petrol grade: "АИ-92", "аи 95" name petrol, what "какой бенз?" asks ("бенз" is read as "бензин" by tools.ts).
  { term: 'бензин', words: ['аи'] },
  // People counted by a collective numeral ("на троих норм?", "вдвоём влезем?") ask the capacity the documents state
  // as people counted ("2-3 рыбака", "3 чел.", read so by phrase-reading.ts). The nominative ("трое суток", "двое детей")
  // counts anything and stays out.
  {
    term: 'персон',
    words: [
      'двоих', 'двоим', 'вдвоем', 'троих', 'троим', 'втроем', 'четверых', 'четверым', 'вчетвером',
      'пятерых', 'пятерым', 'впятером', 'шестерых', 'шестерым', 'вшестером',
    ],
  },
];
