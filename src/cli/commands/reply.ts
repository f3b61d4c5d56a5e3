/** `avito-ai reply <chatId>`: run the responder on one chat now, or send the seller's own text. */
import { requireAvitoCredentials } from '../../config/config.js';
import { UsageError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import { printOutcome } from '../outcome.js';
import type { CommandContext } from '../program.js';
import {
  createEngineFor,
  createLogNotifier,
  createLoggerFor,
  createMessengerFor,
  createResponderFor,
  loadConfig,
  openStoreFor,
} from '../services.js';

export default async function reply(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  if (!chatId) throw new UsageError('reply needs a chat id, e.g. avito-ai reply u2i-abc123');
  const text = context.options.text === undefined ? undefined : String(context.options.text);
  if (text !== undefined && text.trim() === '') throw new UsageError('--text is empty: give the message to send');
  const dryRun = Boolean(context.options.dryRun);

  const config = loadConfig(context);
  requireAvitoCredentials(config);
  const logger = createLoggerFor(config, context);
  const store = await openStoreFor(config, { readOnly: dryRun });
  try {
    const messenger = await createMessengerFor(config, store, logger);
    if (text !== undefined) {
      if (dryRun) {
        context.io.stdout.write(`${chatId} would send as the seller and pause the bot:\n  → ${text}\n`);
        return ExitCode.Ok;
      }
      const sent = await messenger.sendText(chatId, text);
      const until = Date.now() + config.responder.humanPauseHours * 3_600_000;
      // The seller's own words: recorded as seen (not as the bot's), and the bot steps back.
      await store.appendMessages(chatId, sent);
      await store.markProcessed(sent.map((m) => m.id));
      await store.updateChat(chatId, (s) => {
        s.pausedUntil = Math.max(s.pausedUntil ?? 0, until);
        s.pauseReason = 'manual';
        s.lastActivityAt = Date.now();
      });
      context.io.stdout.write(`${chatId} sent as the seller (${sent.length} message${sent.length > 1 ? 's' : ''}); the bot is paused there for ${config.responder.humanPauseHours} h\n`);
      return ExitCode.Ok;
    }
    const engine = await createEngineFor(config);
    const responder = createResponderFor(config, { messenger, store, engine, notifier: createLogNotifier(logger) });
    const outcome = await responder.handleChat(chatId, { dryRun });
    printOutcome(context.io.stdout, outcome);
    return outcome.action === 'failed' || outcome.action === 'deferred' ? ExitCode.Failure : ExitCode.Ok;
  } finally {
    await store.close();
  }
}
