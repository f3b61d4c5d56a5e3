/**
 * The monitor of a serve answering many accounts: `?account=<name>` answers for one; without it, the process as a whole
 * (`/health` lists every account, the other routes give each account's figures by name).
 */
import type { Config } from '../../config/config.js';
import type { Health, Monitor, MonitorServerOptions } from '../../server/monitor-server.js';
import { accountsText } from '../../messages/accounts.js';

interface AccountMonitor {
  config: Config;
  monitor?: Monitor;
  /** Set when the account stopped for good. */
  fatal?: unknown;
}

/** One account: its own monitor, as before ACCOUNTS_DIR. Several: an overview, and each by name. */
export async function combineAccountMonitors(accounts: readonly AccountMonitor[]): Promise<{ monitor: Monitor; accounts?: MonitorServerOptions['accounts'] }> {
  const named = accounts.filter((account): account is AccountMonitor & { monitor: Monitor } => account.monitor !== undefined);
  const names = named.map((account) => account.config.account ?? '');
  const byName = new Map(named.map((account) => [account.config.account ?? '', account]));
  if (accounts.length === 1 && named[0]) {
    // One account: its own monitor, as before ACCOUNTS_DIR; the page still names it when it has a name.
    const only = named[0];
    return { monitor: only.monitor, ...(only.config.account === undefined ? {} : { accounts: { names, select: (name: string) => byName.get(name)?.monitor } }) };
  }
  const each = async <T>(read: (monitor: Monitor) => T | Promise<T>): Promise<Record<string, T>> =>
    Object.fromEntries(await Promise.all(named.map(async (account) => [account.config.account ?? '', await read(account.monitor)] as const)));
  const monitor: Monitor = {
    health: () => combineHealth(named.map((account) => ({ name: account.config.account ?? '', monitor: account.monitor, stopped: account.fatal !== undefined }))),
    stats: async () => ({ accounts: await each((m) => m.stats()) }),
    queue: async () => ({ accounts: await each((m) => m.queue()) }),
    dialogs: async (limit, offset) => ({ accounts: await each((m) => m.dialogs(limit, offset)) }),
    chats: async () => ({ accounts: await each((m) => m.chats()) }),
    metrics: async () => labelMetrics(await each((m) => m.metrics())),
  };
  return { monitor, accounts: { names, select: (name) => byName.get(name)?.monitor } };
}

/** Ok while every account is; each failing check and problem names its account. A stopped account fails. */
async function combineHealth(accounts: ReadonlyArray<{ name: string; monitor: Monitor; stopped: boolean }>): Promise<Health> {
  const combined: Health & { accounts: NonNullable<Health['accounts']> } = { ok: true, checks: {}, problems: [], accounts: {} };
  for (const { name, monitor, stopped } of accounts) {
    const health = await monitor.health();
    const ok = health.ok && !stopped;
    combined.accounts[name] = { ok, ...(stopped ? { reason: 'stopped' } : health.reason ? { reason: health.reason } : {}) };
    combined.ok &&= ok;
    for (const [system, check] of Object.entries(health.checks)) combined.checks[`${name}/${system}`] = check;
    if (stopped) combined.checks[`${name}/account`] = { ok: false, error: 'stopped' };
    for (const problem of health.problems ?? []) combined.problems!.push({ ...problem, title: accountsText().accountProblem(name, problem.title) });
  }
  return combined;
}

/** Every account's Prometheus lines with an `account` label, each metric's lines together under its HELP and TYPE (the format wants a family in one piece). */
function labelMetrics(byAccount: Record<string, string>): string {
  const families = new Map<string, { head: string[]; samples: string[] }>();
  for (const [name, text] of Object.entries(byAccount)) {
    let family = '';
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const comment = /^# (?:HELP|TYPE) (\S+)/.exec(line);
      if (comment) family = comment[1]!;
      const entry = families.get(family) ?? { head: [], samples: [] };
      families.set(family, entry);
      if (line.startsWith('#')) {
        if (!entry.head.includes(line)) entry.head.push(line);
        continue;
      }
      const label = `account="${name}"`;
      entry.samples.push(line.replace(/^([a-zA-Z_:][\w:]*)(\{)?/, (_, metric: string, brace?: string) => (brace ? `${metric}{${label},` : `${metric}{${label}}`)));
    }
  }
  return `${[...families.values()].flatMap((entry) => [...entry.head, ...entry.samples]).join('\n')}\n`;
}
