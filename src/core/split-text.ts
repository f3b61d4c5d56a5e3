/** Avito Messenger refuses longer text messages. */
export const AVITO_TEXT_LIMIT = 1000;

// Break ranks: blank line > line break > sentence end > plain space; a no-break space (prices like "100 ₽") is the last resort before cutting a word.
const RANK_PARAGRAPH = 4;
const RANK_LINE = 3;
const RANK_SENTENCE = 2;
const RANK_SPACE = 1;
const RANK_NO_BREAK_SPACE = 0;

const NO_BREAK_SPACES = /^[\u00a0\u2007\u202f\ufeff]+$/;
const SENTENCE_END = /[.!?…][)\]»"'”’]*$/;

interface Gap {
  start: number;
  end: number;
  rank: number;
}

/** `limit` counts UTF-16 code units, which never undercount Avito's characters; a word is cut only when it alone exceeds it. */
export function splitText(text: string, limit: number = AVITO_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`splitText: limit must be a positive integer, got ${limit}`);
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.length <= limit) return [trimmed];

  const gaps = findGaps(trimmed);
  const parts: string[] = [];
  let start = 0;
  let gapIndex = 0;
  while (trimmed.length - start > limit) {
    while (gapIndex < gaps.length && gaps[gapIndex]!.start <= start) gapIndex++;
    const best = pickGap(gaps, gapIndex, start + limit);
    if (best) {
      parts.push(trimmed.slice(start, best.start));
      start = best.end;
    } else {
      const cut = cutInsideWord(trimmed, start, limit);
      parts.push(trimmed.slice(start, cut));
      start = cut;
    }
  }
  parts.push(trimmed.slice(start));
  return parts;
}

function findGaps(text: string): Gap[] {
  const gaps: Gap[] = [];
  for (const match of text.matchAll(/\s+/g)) {
    const start = match.index;
    const run = match[0];
    gaps.push({ start, end: start + run.length, rank: rankGap(run, text.slice(Math.max(0, start - 8), start)) });
  }
  return gaps;
}

function rankGap(run: string, before: string): number {
  const newlines = run.split('\n').length - 1;
  if (newlines >= 2) return RANK_PARAGRAPH;
  if (newlines === 1) return RANK_LINE;
  if (NO_BREAK_SPACES.test(run)) return RANK_NO_BREAK_SPACE;
  if (SENTENCE_END.test(before)) return RANK_SENTENCE;
  return RANK_SPACE;
}

function pickGap(gaps: readonly Gap[], from: number, maxEnd: number): Gap | undefined {
  let best: Gap | undefined;
  for (let i = from; i < gaps.length; i++) {
    const gap = gaps[i]!;
    if (gap.start > maxEnd) break;
    if (!best || gap.rank >= best.rank) best = gap;
  }
  return best;
}

/** Where to cut a word longer than the limit, without splitting a surrogate pair when avoidable. */
function cutInsideWord(text: string, start: number, limit: number): number {
  const cut = start + limit;
  const code = text.charCodeAt(cut - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  return splitsPair && cut - 1 > start ? cut - 1 : cut;
}
