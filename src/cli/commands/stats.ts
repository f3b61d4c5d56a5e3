/** `avito-ai stats`: the figures `/stats` serves, read from the store, with no server running. */
import { computeStats, type MonitorStats } from '../../core/stats.js';
import type { Config } from '../../config/config.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { openStoreFor } from '../services.js';
import { loadAccountConfig } from '../accounts/load.js';
import { commandsText } from '../../messages/commands.js';

export default async function stats(context: CommandContext): Promise<ExitCode> {
  const figures = await readStats(loadAccountConfig(context));
  const out = context.io.stdout;
  if (context.options.json) {
    out.write(`${JSON.stringify(figures, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const percent = (share: number | undefined): string => (share === undefined ? '—' : `${Math.round(share * 100)}%`);
  const rate = figures.answer_rate;
  const text = commandsText();
  const rows: Array<[string, string | number]> = [
    [text.statTotal, figures.total_messages],
    [text.statPending, figures.pending_messages],
    [text.statProcessing, figures.processing_messages],
    [text.statCompleted, figures.completed_messages],
    [text.statFailed, figures.failed_messages],
    [text.statEscalated, figures.escalated_chats],
    [text.statLeftOut, figures.left_out_chats],
    [text.statPaused, figures.paused_chats],
    [text.statAccountPause, describeAccountPause(figures.account_pause)],
    [text.statActiveDialogs, figures.active_dialogs],
    [text.statLastPoll, figures.last_poll_time ?? '—'],
    [text.statLastError, figures.last_error ? `${figures.last_error} (${figures.last_error_time})` : '—'],
    [text.statAnswers, rate ? `${percent(rate.found)} (${percent(rate.found_partly)}) / ${percent(rate.not_found)} / ${percent(rate.escalation)}` : '—'],
    [text.statLatency, figures.latency_ms ? `${text.ms(figures.latency_ms.median)} / ${text.ms(figures.latency_ms.p95)}` : '—'],
    [text.statTakeovers, figures.takeovers],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) out.write(`${name.padEnd(width)}  ${value}\n`);
  return ExitCode.Ok;
}

/** The figures of `/stats`, for `stats` and the MCP server's `stats` tool. Read-only: works while a daemon holds the store. */
export async function readStats(config: Config): Promise<MonitorStats> {
  const store = await openStoreFor(config, { readOnly: true });
  try {
    return computeStats(store, Date.now());
  } finally {
    await store.close();
  }
}

function describeAccountPause(pause: MonitorStats['account_pause']): string {
  const text = commandsText();
  if (!pause) return text.accountPauseNo;
  return text.accountPauseSince(pause.since, pause.until ? text.untilAt(pause.until) : text.untilResume);
}
