/** `/metrics`: the monitor's figures in the Prometheus text format (version 0.0.4). */
import type { MonitorStats } from '../core/stats.js';

export interface ProcessFigures {
  rssBytes: number;
  heapUsedBytes: number;
  startTimeSeconds: number;
}

type Sample = [labels: Record<string, string>, value: number];

/** Renders the figures; names follow Prometheus conventions (`_total` for counters, base units). */
export function formatMetrics(stats: MonitorStats, process: ProcessFigures): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: number | Sample[]): void => {
    lines.push(`# HELP avito_ai_${name} ${help}`, `# TYPE avito_ai_${name} ${type}`);
    const list: Sample[] = typeof samples === 'number' ? [[{}, samples]] : samples;
    for (const [labels, value] of list) lines.push(`avito_ai_${name}${formatLabels(labels)} ${Number.isFinite(value) ? value : 0}`);
  };
  metric('messages_total', 'counter', 'Buyer messages read as questions.', stats.total_messages);
  metric('replies_total', 'counter', 'Replies sent to buyers.', stats.completed_messages);
  metric('answers_total', 'counter', 'Questions decided, by outcome.', [
    [{ status: 'FOUND' }, stats.answers.found],
    [{ status: 'NOT_FOUND' }, stats.answers.not_found],
    [{ status: 'ESCALATION' }, stats.answers.escalation],
    [{ status: 'NON_TEXT' }, stats.answers.non_text],
  ]);
  metric('partly_answered_total', 'counter', 'FOUND answers that left some of the buyer\'s questions to the seller.', stats.answers.partly_answered);
  metric('failures_total', 'counter', 'Engine failures, failed sends, and passes or chats that failed on an error.', stats.failed_messages);
  metric('takeovers_total', 'counter', 'Chats where the seller answered by hand and the bot paused.', stats.takeovers);
  metric('pending_messages', 'gauge', 'Questions waiting to be answered.', stats.pending_messages);
  metric('processing_messages', 'gauge', 'Chats being answered now and replies not yet confirmed sent.', stats.processing_messages);
  metric('escalated_chats', 'gauge', 'Chats waiting for the seller after a buyer asked for a person.', stats.escalated_chats);
  metric('left_out_chats', 'gauge', 'Chats whose newest answer left questions to the seller, who has not written since.', stats.left_out_chats);
  metric('paused_chats', 'gauge', 'Chats where the bot is paused.', stats.paused_chats);
  metric('active_dialogs', 'gauge', 'Chats with a message in the last 24 hours.', stats.active_dialogs);
  if (stats.latency_ms) {
    metric('answer_latency_seconds', 'gauge', 'Time from reading a chat to the reply over the newest dialogs, by quantile.', [
      [{ quantile: '0.5' }, stats.latency_ms.median / 1000],
      [{ quantile: '0.95' }, stats.latency_ms.p95 / 1000],
    ]);
  }
  if (stats.last_poll_time) metric('last_poll_timestamp_seconds', 'gauge', 'When the last pass over the chats ended.', Date.parse(stats.last_poll_time) / 1000);
  if (stats.webhook) {
    metric('webhook_deliveries_total', 'counter', 'Webhook deliveries, by what became of them.', [
      [{ result: 'received' }, stats.webhook.received],
      [{ result: 'duplicate' }, stats.webhook.duplicates],
      [{ result: 'ignored' }, stats.webhook.ignored],
      [{ result: 'rejected' }, stats.webhook.rejected],
    ]);
  }
  metric('process_resident_memory_bytes', 'gauge', 'Resident set size.', process.rssBytes);
  metric('process_heap_used_bytes', 'gauge', 'V8 heap in use.', process.heapUsedBytes);
  metric('process_start_time_seconds', 'gauge', 'When the process started, in unix seconds.', process.startTimeSeconds);
  return `${lines.join('\n')}\n`;
}

function formatLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}
