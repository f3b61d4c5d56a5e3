/** `avito-ai stats`: the figures `/stats` serves, read from the store, with no server running. */
import { computeStats, type MonitorStats } from '../../core/stats.js';
import type { Config } from '../../config/config.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../command.js';
import { loadConfig, openStoreFor } from '../services.js';

export default async function stats(context: CommandContext): Promise<ExitCode> {
  const figures = await readStats(loadConfig(context));
  const out = context.io.stdout;
  if (context.options.json) {
    out.write(`${JSON.stringify(figures, null, 2)}\n`);
    return ExitCode.Ok;
  }
  const percent = (share: number | undefined): string => (share === undefined ? '—' : `${Math.round(share * 100)}%`);
  const rate = figures.answer_rate;
  const rows: Array<[string, string | number]> = [
    ['total_messages', figures.total_messages],
    ['pending_messages', figures.pending_messages],
    ['processing_messages', figures.processing_messages],
    ['completed_messages', figures.completed_messages],
    ['failed_messages', figures.failed_messages],
    ['escalated_chats', figures.escalated_chats],
    ['paused_chats', figures.paused_chats],
    ['account_pause', describeAccountPause(figures.account_pause)],
    ['active_dialogs', figures.active_dialogs],
    ['last_poll_time', figures.last_poll_time ?? '—'],
    ['last_error', figures.last_error ? `${figures.last_error} (${figures.last_error_time})` : '—'],
    ['answers FOUND / NOT_FOUND / ESCALATION', rate ? `${percent(rate.found)} / ${percent(rate.not_found)} / ${percent(rate.escalation)}` : '—'],
    ['latency median / p95', figures.latency_ms ? `${figures.latency_ms.median} ms / ${figures.latency_ms.p95} ms` : '—'],
    ['takeovers', figures.takeovers],
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
  if (!pause) return 'no (the bot answers)';
  return `since ${pause.since}, ${pause.until ? `until ${pause.until}` : 'until avito-ai resume --all'}`;
}
