/**
 * What each scope of an answer found and which check turned each hit away: for studying why an answerable question is
 * answered from the wrong passage (bench/eval-filters.mjs). Nothing is traced unless a tracer is set.
 */
import type { PassageHit } from './search.js';

/** The checks answer.ts applies to a hit that covers the question: false where the check turned it away. */
export interface HitVerdict {
  hit: PassageHit;
  about: boolean;
  numbers: boolean;
  brands: boolean;
  check: boolean;
  /** The answer check that turned the hit away, where one did. */
  refusedBy?: string;
}

export interface ScopeTrace {
  scope: string;
  terms: readonly string[];
  threshold: number;
  verdicts: HitVerdict[];
  chosen: PassageHit[];
}

let tracer: ((trace: ScopeTrace) => void) | undefined;

/** Sets (or, with undefined, clears) the tracer: one call per scope searched, for every question answered after. */
export function setAnswerTracer(next: ((trace: ScopeTrace) => void) | undefined): void {
  tracer = next;
}

/** The tracer set, if any: answer.ts builds a trace only then. */
export function getAnswerTracer(): ((trace: ScopeTrace) => void) | undefined {
  return tracer;
}
