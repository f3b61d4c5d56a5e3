import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeChat, buildContext, isTariffStub, isWithinActiveHours } from '../../src/core/inquiry.js';
import { TARIFF_STUB_TEXT } from '../../src/avito/sandbox/index.js';
import type { ChatMessage } from '../../src/core/model.js';

const ME = 1;
const msg = (id: number, direction: 'in' | 'out', extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${id}`,
  chatId: 'c',
  authorId: direction === 'out' ? ME : 2,
  created: 1000 + id,
  direction,
  type: 'text',
  text: `text ${id}`,
  ...extra,
});

describe('analyzeChat', () => {
  it("takes the unprocessed buyer messages after the seller's newest message as the inquiry", () => {
    // m1 was answered by the bot's m2, so it is processed.
    const history = [msg(1, 'in'), msg(2, 'out'), msg(3, 'in'), msg(4, 'in', { type: 'voice', text: '' }), msg(5, 'in')];
    const analysis = analyzeChat(history, { chatId: 'c', botMessageIds: ['m2'] }, ME, (id) => id === 'm1');
    expect(analysis.inquiry.map((m) => m.id)).toEqual(['m3', 'm4', 'm5']);
    expect(analysis.question).toBe('text 3\ntext 5');
    expect(analysis.nonText.map((m) => m.id)).toEqual(['m4']);
    expect(analysis.sellerMessages).toEqual([]);
  });

  it('a bot reply does not close a question that arrived before it but was not part of it', () => {
    const history = [msg(1, 'in'), msg(2, 'in'), msg(3, 'out')];
    const analysis = analyzeChat(history, { chatId: 'c', botMessageIds: ['m3'] }, ME, (id) => id === 'm1');
    expect(analysis.inquiry.map((m) => m.id)).toEqual(['m2']);
  });

  it('an outgoing message the bot did not send is the seller', () => {
    const analysis = analyzeChat([msg(1, 'in'), msg(2, 'out')], { chatId: 'c', botMessageIds: [] }, ME, () => false);
    expect(analysis.sellerMessages.map((m) => m.id)).toEqual(['m2']);
    expect(analysis.inquiry).toEqual([]);
  });

  it('respects the watermark set by resume', () => {
    const analysis = analyzeChat([msg(1, 'in'), msg(2, 'in')], { chatId: 'c', botMessageIds: [], lastHandledAt: 1002 }, ME, () => false);
    expect(analysis.inquiry.map((m) => m.id)).toEqual(['m2']);
  });

  it('never pulls a same-second sibling of an answered message back in once its processed id is forgotten', () => {
    // m1 and m2 were answered together (the watermark is their second, m2 the handled one); their
    // processed ids fell out of the bounded set since. Only the new m4 is asked.
    const siblings = [msg(1, 'in', { created: 1000 }), msg(2, 'in', { created: 1000 }), msg(3, 'out', { created: 1001 }), msg(4, 'in', { created: 1005 })];
    const state = { chatId: 'c', botMessageIds: ['m3'], lastHandledAt: 1000, lastHandledMessageId: 'm2' };
    expect(analyzeChat(siblings, state, ME, () => false).inquiry.map((m) => m.id)).toEqual(['m4']);
    // Also when the handled message itself is no longer in the history window.
    expect(analyzeChat(siblings.slice(0, 1).concat(siblings.slice(2)), state, ME, () => false).inquiry.map((m) => m.id)).toEqual(['m4']);
  });

  it('a line in the handled second that came after the handled message is new', () => {
    const history = [msg(1, 'in', { created: 1000 }), msg(2, 'out', { created: 1000 }), msg(3, 'in', { created: 1000 })];
    const state = { chatId: 'c', botMessageIds: ['m2'], lastHandledAt: 1000, lastHandledMessageId: 'm1' };
    expect(analyzeChat(history, state, ME, () => false).inquiry.map((m) => m.id)).toEqual(['m3']);
  });

  it("reads a resume in Avito's clock: this machine ten minutes ahead skips nothing asked after it", () => {
    const state = { chatId: 'c', botMessageIds: [], resumedAt: 1_700_000_600_000 };
    const asked = msg(1, 'in', { created: 1_700_000_005 });
    expect(analyzeChat([asked], state, ME, () => false, -600_000).inquiry).toEqual([asked]);
    expect(analyzeChat([asked], state, ME, () => false, 0).inquiry).toEqual([]);
  });
});

describe('buildContext', () => {
  it('property: the last N messages, in order, with roles', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (sides, limit) => {
        const history = sides.map((isIn, i) => msg(i, isIn ? 'in' : 'out'));
        const context = buildContext(history, { chatId: 'c', botMessageIds: history.filter((_, i) => i % 2 === 0).map((m) => m.id) }, ME, limit);
        expect(context).toHaveLength(Math.min(limit, history.length));
        const expected = history.slice(-limit);
        context.forEach((entry, i) => {
          expect(entry.text).toBe(expected[i]!.text);
          expect(entry.role).toBe(expected[i]!.direction === 'in' ? 'buyer' : Number(expected[i]!.id.slice(1)) % 2 === 0 ? 'bot' : 'seller');
        });
        for (let i = 1; i < context.length; i++) expect(context[i]!.at).toBeGreaterThan(context[i - 1]!.at);
      }),
    );
  });

  it('leaves out system messages', () => {
    const context = buildContext([msg(1, 'in', { type: 'system', authorId: 0 }), msg(2, 'in')], undefined, ME, 10);
    expect(context.map((c) => c.text)).toEqual(['text 2']);
  });
});

describe('isWithinActiveHours', () => {
  const at = (h: number, m = 0) => Date.UTC(2026, 0, 1, h, m);
  it.each([
    [{ start: 540, end: 1260 }, at(9), true],
    [{ start: 540, end: 1260 }, at(20, 59), true],
    [{ start: 540, end: 1260 }, at(21), false],
    [{ start: 540, end: 1260 }, at(3), false],
    [{ start: 1320, end: 480 }, at(23), true],
    [{ start: 1320, end: 480 }, at(7, 59), true],
    [{ start: 1320, end: 480 }, at(12), false],
  ])('%j at %d → %s', (hours, now, expected) => {
    expect(isWithinActiveHours(now, hours, 'UTC')).toBe(expected);
  });

  it('reads the time in the configured zone', () => {
    // 07:00 UTC is 10:00 in Moscow.
    expect(isWithinActiveHours(at(7), { start: 540, end: 1260 }, 'Europe/Moscow')).toBe(true);
    expect(isWithinActiveHours(at(7), { start: 540, end: 1260 }, 'UTC')).toBe(false);
  });
});

describe('isTariffStub', () => {
  it('recognises the stub Avito shows without the Messenger API tariff, and nothing else', () => {
    const as = (text: string) => msg(1, 'in', { text });
    expect(isTariffStub(as(TARIFF_STUB_TEXT))).toBe(true);
    expect(isTariffStub(as('Перейдите на ПОДПИСКУ с API мессенджера'))).toBe(true);
    expect(isTariffStub(as('Есть ли подписка на доставку?'))).toBe(false);
    expect(isTariffStub(as('Здравствуйте, а api мессенджера у вас есть?'))).toBe(false);
  });
});
