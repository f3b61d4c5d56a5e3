/** `avito-ai reply <chatId>`: run the responder on one chat now, or send the seller's own text. */
import { requireAvitoCredentials, type Config } from '../../config/config.js';
import { MessengerError, StoreError, UsageError, describeError } from '../../errors.js';
import { describeQueued, runControlRequest } from '../control.js';
import { ExitCode } from '../exit-codes.js';
import type { OutputStream } from '../io.js';
import type { Logger } from '../logger.js';
import { printOutcome } from '../outcome.js';
import type { CommandContext } from '../command.js';
import {
  createEngineFor,
  createLoggerFor,
  createMessengerFor,
  createResponderFor,
  openStoreFor,
  shareChats,
} from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';
import { openSellerNotices } from '../notices.js';
import { sendAsSeller } from '../../core/seller-reply.js';
import { commandsText } from '../../messages/commands.js';

export default async function reply(context: CommandContext): Promise<ExitCode> {
  const chatId = String(context.args[0] ?? '').trim();
  try {
    return await replyTo(context, chatId);
  } catch (error) {
    // A chat id Avito does not know is a mistake in the command line, not an outage.
    if (error instanceof MessengerError && error.failure === 'not-found') {
      throw new UsageError(commandsText().avitoNoChat(chatId), { hint: commandsText().avitoNoChatHint });
    }
    throw error;
  }
}

async function replyTo(context: CommandContext, chatId: string): Promise<ExitCode> {
  if (!chatId) throw new UsageError(commandsText().replyNeedsChat);
  const text = context.options.text === undefined ? undefined : String(context.options.text);
  if (text !== undefined && text.trim() === '') throw new UsageError(commandsText().textEmpty);
  const dryRun = Boolean(context.options.dryRun);

  const config = loadAccountConfig(context);
  requireAvitoCredentials(config);
  const logger = createLoggerFor(config, context);
  const out = context.io.stdout;

  if (text !== undefined) return sendAsSellerNow(config, logger, out, chatId, text, dryRun);

  const notices = await openSellerNotices(config, logger, { telegram: !dryRun });
  let store;
  try {
    store = await openStoreFor(config, { readOnly: dryRun });
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'locked') {
      throw new StoreError(commandsText().alreadyAnswers(chatId), error.path, 'locked', {
        hint: commandsText().alreadyAnswersHint(config.avito.pollIntervalSeconds, chatId),
      });
    }
    throw error;
  }
  try {
    const shared = await shareChats(store, await createMessengerFor(config, store, logger));
    const engine = await createEngineFor(config, { store, logger });
    const responder = createResponderFor(config, { ...shared, store, engine, notifier: notices.notifier });
    const outcome = await responder.handleChat(chatId, { dryRun });
    printOutcome(out, outcome);
    return outcome.action === 'failed' || outcome.action === 'deferred' ? ExitCode.Failure : ExitCode.Ok;
  } finally {
    await notices.close();
    await store.close();
  }
}

/** `--text`: works while the daemon runs, since the store is only read here (for the cached account id) and the pause reaches the daemon like `avito-ai pause` does. */
async function sendAsSellerNow(config: Config, logger: Logger, out: OutputStream, chatId: string, text: string, dryRun: boolean): Promise<ExitCode> {
  if (dryRun) {
    out.write(`${commandsText().wouldSendAsSeller(chatId, text)}\n`);
    return ExitCode.Ok;
  }
  const sent = await sendTextAsSeller(config, logger, chatId, text);
  const what = commandsText().sentAsSeller(chatId, sent.parts);
  if ('pauseFailed' in sent) {
    // Sent: reported as sent, so the seller does not send it again; the pause is theirs to set.
    out.write(`${commandsText().pauseNotRecorded(what, describeError(sent.pauseFailed), chatId)}\n`);
    return ExitCode.Failure;
  }
  const paused = sent.pause.applied === 'now' ? commandsText().pausedForHours(config.responder.humanPauseHours) : commandsText().pauseQueuedShort(describeQueued(config));
  out.write(`${what}; ${paused}\n`);
  return ExitCode.Ok;
}

/** Sends the seller's text and pauses the bot there, through the control path while a daemon holds the store: for `reply --text` and the MCP server's `reply_as_seller`. */
export async function sendTextAsSeller(config: Config, logger: Logger, chatId: string, text: string) {
  const reader = await openStoreFor(config, { readOnly: true });
  let messenger;
  try {
    messenger = await createMessengerFor(config, reader, logger);
  } finally {
    await reader.close();
  }
  const seller = { messenger, clock: { now: () => Date.now() }, humanPauseHours: config.responder.humanPauseHours, applyPause: (request: Parameters<typeof runControlRequest>[1]) => runControlRequest(config, request) };
  return sendAsSeller(seller, chatId, text);
}
