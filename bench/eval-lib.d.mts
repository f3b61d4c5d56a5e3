// Types for eval-lib.mjs, so the suite's ratchet test can run the same scoring.
export interface Tally {
  found: [number, number];
  traps: [number, number];
  madeUp: number;
  escalation: [number, number];
  falseEscalation: number;
  silent: [number, number];
  wrong: number;
}

export interface EvalFailure {
  shop: string;
  split: string;
  id: string;
  expect: string;
  verdict: string;
  text: string;
  status: string;
  reply: string;
  sources: string[];
}

export interface EvalReport {
  shops: Record<string, Record<string, Tally>>;
  totals: Record<string, Tally>;
  failures: EvalFailure[];
}

export const SPLITS: string[];
export function listShops(shopsDir: string): string[];
export function emptyTally(): Tally;
export function runEval(shopsDir: string, deps: { composeReply: unknown; createLocalEngine: unknown; escalation: unknown; settings: { fallbackText: string } }, options?: { shops?: string[]; splits?: string[]; onAnswer?: (entry: { split: string; expect: string }, result: { status: string; answer?: { leftOut?: string[] } }, verdict: string) => void }): Promise<EvalReport>;
export function fold(text: string): string;
export function readCases(shopsDir: string, shop: string): Array<Record<string, unknown>>;
export function readListings(shopsDir: string, shop: string): Map<number, { id: number; title?: string }>;
export function buildInput(entry: Record<string, unknown>, listings: Map<number, { id: number; title?: string }>, fallbackText: string): { question: string; listing?: { id: number; title?: string }; context?: unknown[] };
export interface EscalationSetHalf {
  requests: [number, number];
  questions: [number, number];
  misses: Array<Record<string, unknown>>;
}
export function runEscalationSet(
  file: string,
  knowledgeDir: string,
  deps: { composeReply: unknown; createLocalEngine: unknown; escalation: unknown; settings: { fallbackText: string } },
): Promise<Record<string, EscalationSetHalf>>;
