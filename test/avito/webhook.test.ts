/**
 * parseWebhookDelivery is the only thing between a body anyone on the internet can POST and the
 * inbox: it must read Avito's real shape exactly, refuse every other shape with a reason, and
 * never throw (the HTTP server answers by kind, an exception would be a 500 Avito retries).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhookDelivery } from '../../src/avito/webhook.js';
import type { WebhookDelivery } from '../../src/avito/webhook.js';

const ACCOUNT = 9000001;
const BUYER = 5550001;
const DELIVERY_ID = '3f1c7a52-9a1e-4c2b-8f0e-6d2b9a7c1e44';

/** A delivery as Avito sends it (`version: "v3.0.0"`), with `value` fields overridable. */
function delivery(value: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: DELIVERY_ID,
    version: 'v3.0.0',
    timestamp: 1700000000,
    payload: {
      type: 'message',
      value: {
        id: 'm1',
        chat_id: 'u2i-abc',
        user_id: ACCOUNT,
        author_id: BUYER,
        created: 1700000000,
        type: 'text',
        chat_type: 'u2i',
        content: { text: 'Есть гарантия?' },
        item_id: 4012345678,
        published_at: '2023-11-14T22:13:20Z',
        read: null,
        ...value,
      },
    },
  };
}

/** Narrows to the message kind, failing the test with the actual result otherwise. */
function asMessage(result: WebhookDelivery): Extract<WebhookDelivery, { kind: 'message' }> {
  expect(result.kind, JSON.stringify(result)).toBe('message');
  return result as Extract<WebhookDelivery, { kind: 'message' }>;
}

describe('parseWebhookDelivery: messages', () => {
  it('reads a real delivery field by field', () => {
    // The JSON round trip makes sure nothing depends on objects built in JS rather than decoded.
    const result = parseWebhookDelivery(JSON.parse(JSON.stringify(delivery())));
    expect(result).toEqual({
      kind: 'message',
      deliveryId: DELIVERY_ID,
      accountId: ACCOUNT,
      chatType: 'u2i',
      itemId: 4012345678,
      message: {
        id: 'm1',
        chatId: 'u2i-abc',
        authorId: BUYER,
        created: 1700000000,
        direction: 'in',
        type: 'text',
        text: 'Есть гарантия?',
        content: { text: 'Есть гарантия?' },
      },
    });
  });

  it("marks the seller's own message (author_id == user_id) as outgoing, so it is never answered", () => {
    const result = asMessage(parseWebhookDelivery(delivery({ author_id: ACCOUNT, content: { text: 'Да, год' } })));
    expect(result.message.direction).toBe('out');
    expect(result.message.authorId).toBe(ACCOUNT);
    expect(result.message.text).toBe('Да, год');
  });

  it('keeps a voice message as type voice with no text', () => {
    const result = asMessage(parseWebhookDelivery(delivery({ id: 'm-voice', type: 'voice', content: { voice: { voice_id: 'v-123' } } })));
    expect(result.message).toMatchObject({ id: 'm-voice', type: 'voice', text: '', direction: 'in', content: { voice: { voice_id: 'v-123' } } });
  });

  it("keeps a system message's type and flow id (Avito's bots must never be answered)", () => {
    const result = asMessage(
      parseWebhookDelivery(
        delivery({ id: 'm-sys', type: 'system', author_id: 0, content: { text: 'Покупатель оформил доставку', flow_id: 'delivery_buyer_ordered' } }),
      ),
    );
    expect(result.message).toMatchObject({ type: 'system', flowId: 'delivery_buyer_ordered', authorId: 0, direction: 'in' });
  });

  it('accepts numeric ids as strings and a numeric message id', () => {
    const result = asMessage(parseWebhookDelivery(delivery({ id: 777, user_id: String(ACCOUNT), author_id: String(ACCOUNT), item_id: '4012345678' })));
    expect(result.accountId).toBe(ACCOUNT);
    expect(result.itemId).toBe(4012345678);
    expect(result.message.id).toBe('777');
    // The seller's echo must be recognised even when both ids came as strings.
    expect(result.message.direction).toBe('out');
  });

  it('leaves out what the delivery does not say (no delivery id, chat type or item)', () => {
    const body = delivery({ chat_type: undefined, item_id: undefined });
    delete body.id;
    const result = asMessage(parseWebhookDelivery(JSON.parse(JSON.stringify(body))));
    expect(result).not.toHaveProperty('deliveryId');
    expect(result).not.toHaveProperty('chatType');
    expect(result).not.toHaveProperty('itemId');
  });

  it('accepts a message id of exactly 200 characters (the limit is inclusive)', () => {
    const id = 'x'.repeat(200);
    expect(asMessage(parseWebhookDelivery(delivery({ id }))).message.id).toBe(id);
  });
});

describe('parseWebhookDelivery: checks, other types, invalid shapes', () => {
  it("reads {} as Avito's subscription check", () => {
    expect(parseWebhookDelivery({})).toEqual({ kind: 'check' });
  });

  it('acknowledges a payload type other than message as other, keeping the type (capped at 64 chars)', () => {
    expect(parseWebhookDelivery({ id: 'd', payload: { type: 'chat_status', value: {} } })).toEqual({ kind: 'other', type: 'chat_status' });
    const long = parseWebhookDelivery({ payload: { type: 't'.repeat(1000) } });
    expect(long).toEqual({ kind: 'other', type: 't'.repeat(64) });
  });

  const noChatId = delivery();
  delete ((noChatId.payload as Record<string, unknown>).value as Record<string, unknown>).chat_id;
  const noUserId = delivery();
  delete ((noUserId.payload as Record<string, unknown>).value as Record<string, unknown>).user_id;
  const noId = delivery();
  delete ((noId.payload as Record<string, unknown>).value as Record<string, unknown>).id;

  const cases: Array<[string, unknown, RegExp]> = [
    ['payload is a string', { payload: 'message' }, /"payload" is not an object/],
    ['payload is null', { payload: null }, /"payload" is not an object/],
    ['payload is an array', { payload: [] }, /"payload" is not an object/],
    ['payload without type', { payload: { value: {} } }, /"payload\.type" is missing/],
    ['payload with an empty type', { payload: { type: '', value: {} } }, /"payload\.type" is missing/],
    ['payload with a numeric type', { payload: { type: 1, value: {} } }, /"payload\.type" is missing/],
    ['value missing', { payload: { type: 'message' } }, /"payload\.value" is not an object/],
    ['value is an array', { payload: { type: 'message', value: [] } }, /"payload\.value" is not an object/],
    ['value is a string', { payload: { type: 'message', value: 'm1' } }, /"payload\.value" is not an object/],
    ['chat_id missing', noChatId, /"payload\.value\.chat_id" is missing/],
    ['chat_id empty', delivery({ chat_id: '' }), /"payload\.value\.chat_id" is missing/],
    ['chat_id a number', delivery({ chat_id: 12345 }), /"payload\.value\.chat_id" is missing/],
    ['chat_id over 200 chars', delivery({ chat_id: 'c'.repeat(201) }), /chat_id/],
    ['user_id missing', noUserId, /"payload\.value\.user_id" is missing/],
    ['user_id zero', delivery({ user_id: 0 }), /"payload\.value\.user_id" is missing/],
    ['user_id negative', delivery({ user_id: -5 }), /"payload\.value\.user_id" is missing/],
    ['user_id fractional', delivery({ user_id: 1.5 }), /"payload\.value\.user_id" is missing/],
    ['user_id "0"', delivery({ user_id: '0' }), /"payload\.value\.user_id" is missing/],
    ['user_id not numeric', delivery({ user_id: 'seller' }), /"payload\.value\.user_id" is missing/],
    ['user_id beyond safe integers', delivery({ user_id: 2 ** 53 + 2 }), /"payload\.value\.user_id" is missing/],
    ['id missing', noId, /"payload\.value\.id" is missing/],
    ['id empty', delivery({ id: '' }), /"payload\.value\.id" is missing/],
    ['id null', delivery({ id: null }), /"payload\.value\.id" is missing/],
    ['id an object', delivery({ id: { v: 1 } }), /"payload\.value\.id" is missing/],
    ['id over 200 chars', delivery({ id: 'i'.repeat(201) }), /"payload\.value\.id" is too long/],
    ['array body', [delivery()], /not a JSON object/],
    ['null body', null, /not a JSON object/],
    ['string body', 'hello', /not a JSON object/],
    ['number body', 42, /not a JSON object/],
    ['boolean body', true, /not a JSON object/],
  ];

  it.each(cases)('refuses %s with a reason', (_name, body, reason) => {
    const result = parseWebhookDelivery(body);
    expect(result.kind).toBe('invalid');
    expect((result as { reason: string }).reason).toMatch(reason);
  });
});

const KINDS = ['check', 'message', 'other', 'invalid'];

/** The invariants every result must keep, whatever came in. */
function checkResult(result: WebhookDelivery): void {
  expect(KINDS).toContain(result.kind);
  if (result.kind === 'message') {
    expect(typeof result.message.id).toBe('string');
    expect(result.message.id).not.toBe('');
    expect(result.message.id.length).toBeLessThanOrEqual(200);
    expect(typeof result.message.chatId).toBe('string');
    expect(result.message.chatId).not.toBe('');
    expect(Number.isSafeInteger(result.accountId) && result.accountId > 0).toBe(true);
    expect(['in', 'out']).toContain(result.message.direction);
  }
  if (result.kind === 'invalid') expect(result.reason).not.toBe('');
  if (result.kind === 'other') expect(typeof result.type).toBe('string');
}

/** A field that is usually plausible, sometimes anything at all (Maps, bigints, null prototypes...). */
function sometimes<T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    { weight: 1, arbitrary: fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true }) },
  );
}

describe('parseWebhookDelivery: properties', () => {
  it('never throws on arbitrary JSON and always answers one of the four kinds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        checkResult(parseWebhookDelivery(body));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on delivery-shaped objects with arbitrary field values, and reaches every kind', () => {
    const seen = new Set<string>();
    const value = fc.record(
      {
        id: sometimes(fc.oneof(fc.string({ maxLength: 210 }), fc.integer())),
        chat_id: sometimes(fc.oneof(fc.constant('u2i-abc'), fc.string({ maxLength: 210 }))),
        user_id: sometimes(fc.oneof(fc.integer(), fc.constant(ACCOUNT), fc.constant(String(ACCOUNT)), fc.double())),
        author_id: sometimes(fc.oneof(fc.integer(), fc.constant(ACCOUNT), fc.string())),
        created: sometimes(fc.oneof(fc.integer(), fc.string())),
        type: sometimes(fc.constantFrom('text', 'voice', 'system', 'link', 'item', 'location', '__proto__', 'constructor', 'toString', '')),
        chat_type: sometimes(fc.constantFrom('u2i', 'u2u')),
        content: sometimes(fc.oneof(fc.record({ text: fc.jsonValue(), flow_id: fc.jsonValue() }, { requiredKeys: [] }), fc.dictionary(fc.string(), fc.jsonValue()))),
        item_id: sometimes(fc.oneof(fc.integer(), fc.string())),
        direction: sometimes(fc.constantFrom('in', 'out', 'sideways')),
        is_read: sometimes(fc.boolean()),
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        id: sometimes(fc.uuid()),
        version: sometimes(fc.constant('v3.0.0')),
        timestamp: fc.jsonValue(),
        payload: sometimes(fc.record({ type: sometimes(fc.constantFrom('message', 'message', 'status', '')), value: sometimes(value) }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(body, fc.jsonValue()), (input) => {
        const result = parseWebhookDelivery(input);
        seen.add(result.kind);
        checkResult(result);
      }),
      { numRuns: 1000 },
    );
    // Otherwise the property could pass by never getting past the first check.
    expect([...seen].sort()).toEqual([...KINDS].sort());
  });

  it('a valid delivery with any non-empty ids parses to exactly those ids', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (id, chatId, account) => {
          const result = asMessage(parseWebhookDelivery(delivery({ id, chat_id: chatId, user_id: account })));
          expect(result.message.id).toBe(id);
          expect(result.message.chatId).toBe(chatId);
          expect(result.accountId).toBe(account);
        },
      ),
      { numRuns: 300 },
    );
  });
});
