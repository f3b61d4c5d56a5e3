/** A send goes out only while this process still holds the chat's lease, renewed just before: a process that stalled past its lease sends nothing. */
import { MessengerError } from '../errors.js';
import type { Messenger } from '../core/ports.js';
import { redisText } from '../messages/redis.js';
import type { Leases } from './leases.js';

export function fenceSends<M extends Messenger>(messenger: M, leases: Leases): M {
  const send = messenger.sendMessage.bind(messenger);
  return new Proxy(messenger, {
    get(target, property, receiver) {
      if (property !== 'sendMessage') return Reflect.get(target, property, receiver) as unknown;
      return async (chatId: string, text: string) => {
        // Refused outright, not ambiguous: nothing left this process, so the next holder may answer.
        if (!(await leases.confirm(`chat:${chatId}`))) throw new MessengerError(redisText().fenced(chatId), 'unavailable');
        return send(chatId, text);
      };
    },
  });
}
