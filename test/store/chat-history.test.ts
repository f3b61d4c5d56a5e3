import { describe, expect, it } from 'vitest';
import { ChatHistory } from '../../src/store/chat-history.js';
import { makeMessage } from './helpers.js';

const ids = (history: ChatHistory): string[] => history.list().map((message) => message.id);

describe('ChatHistory', () => {
  it('keeps time order, ties in insertion order, and skips known ids', () => {
    const history = new ChatHistory(10);
    for (const [id, created] of [['c', 3], ['a', 1], ['b1', 2], ['b2', 2], ['a', 1]] as const) history.add(makeMessage(id, created));
    expect(ids(history)).toEqual(['a', 'b1', 'b2', 'c']);
    expect(history.list(2).map((message) => message.id)).toEqual(['b2', 'c']);
  });

  it('evicts the oldest when full and refuses what is no newer than the oldest kept', () => {
    const history = new ChatHistory(2);
    expect(history.add(makeMessage('a', 1))).toBe(true);
    expect(history.add(makeMessage('b', 2))).toBe(true);
    expect(history.add(makeMessage('c', 3))).toBe(true);
    expect(ids(history)).toEqual(['b', 'c']);
    expect(history.add(makeMessage('a', 1))).toBe(false);
    expect(history.add(makeMessage('same-as-oldest', 2))).toBe(false);
    expect(history.add(makeMessage('between', 2.5))).toBe(true);
    expect(ids(history)).toEqual(['between', 'c']);
  });

  it('forgets a message on remove, so it can be added again', () => {
    const history = new ChatHistory(3);
    history.add(makeMessage('a', 1));
    expect(history.remove('a')).toBe(true);
    expect(history.remove('a')).toBe(false);
    expect(history.size).toBe(0);
    expect(history.add(makeMessage('a', 1))).toBe(true);
  });
});
