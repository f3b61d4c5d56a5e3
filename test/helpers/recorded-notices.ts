/** The Telegram notifier as the seller runs it, its messages kept in order instead of sent: what the seller would read. */
import { createTelegramNotifier } from '../../src/telegram/notifier.js';

export function recordNotices(mode: 'all' | 'escalations' = 'all') {
  const texts: string[] = [];
  const notifier = createTelegramNotifier({
    send: async (_owner, message) => void texts.push(message.text),
    owners: [111],
    mode,
    humanPauseHours: 12,
    logger: { info: () => undefined, warn: () => undefined },
    sleep: async () => undefined,
  });
  /** Every notice sent so far, once the notifier's queue is drained. */
  const told = async (): Promise<string[]> => {
    await notifier.flush(1000);
    return texts;
  };
  return { notifier, told };
}
