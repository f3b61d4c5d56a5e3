/**
 * The monitor page (`GET /dashboard`) and the page a browser gets without the token, as strings rendered per request in the seller's language: no front-end
 * build, framework or asset files to find at run time. The page holds no data; its one script (dashboard-script.ts) polls the JSON routes and reads its
 * labels from a JSON block, which a strict CSP lets through as data.
 * Order is the seller's: what is broken, who waits for a person, today's figures, then the dialogs; the rest below.
 */
import { dashboardText, type DashboardLabels } from '../messages/dashboard.js';
import { accountsText } from '../messages/accounts.js';

/** The labels that are plain text (the one function, the token page's example link, is called on the server). */
type TextKey = Exclude<keyof DashboardLabels, 'tokenExample'>;

const STYLE = `
:root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --fg: #1d2129; --muted: #5f6670; --line: #e3e5e8;
  --accent: #0a66d8; --green: #1b8a4b; --amber: #b26d00; --red: #c92a1e; --grey: #6f757e; --soft-red: #fdecea; --soft-amber: #fff4e0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111418; --card: #1b1f25; --fg: #e6e8eb; --muted: #a1a8b2; --line: #2c323a;
    --accent: #5aa2ff; --green: #3fbf74; --amber: #e0a23a; --red: #ff6b5e; --grey: #8a919b; --soft-red: #3a1f1d; --soft-amber: #3a2e17; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 12px; padding: 12px 16px; max-width: 1200px; margin: 0 auto; }
h1 { margin: 0; font-size: 20px; }
h2 { margin: 0 0 10px; font-size: 17px; display: flex; align-items: center; gap: 8px; }
a { color: var(--accent); }
.muted { color: var(--muted); font-size: 13px; }
#accounts a.current { font-weight: 700; color: var(--fg); text-decoration: none; }
.head-right { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
#updated { color: var(--muted); font-size: 13px; }
.pill { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 13px; font-weight: 600; color: #fff; background: var(--grey); }
.pill.ok { background: var(--green); } .pill.bad { background: var(--red); }
.banner { max-width: 1168px; margin: 0 auto 12px; padding: 12px 16px; border-radius: 10px; background: var(--red); color: #fff; }
.banners { padding: 0 16px; }
.banner.warn { background: var(--soft-amber); color: var(--fg); border: 1px solid var(--amber); }
.banner strong { display: block; font-size: 16px; margin-bottom: 4px; }
.banner ul { margin: 6px 0 0; padding-left: 20px; }
.banner li { margin: 6px 0; }
.banner li b { display: block; }
.banner .detail { display: block; font-size: 12px; opacity: .85; margin-top: 2px; }
main { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; padding: 0 16px 24px; max-width: 1200px; margin: 0 auto; }
@media (min-width: 760px) { main { grid-template-columns: repeat(2, minmax(0, 1fr)); } .wide { grid-column: 1 / -1; } }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px; min-width: 0; }
.card.attention { border: 2px solid var(--red); background: var(--soft-red); }
.count { display: inline-block; min-width: 24px; padding: 0 8px; border-radius: 12px; background: var(--red); color: #fff; font-size: 14px; text-align: center; }
.count.zero { background: var(--grey); }
#today { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 8px; }
@media (max-width: 480px) { #today { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
.figure b { display: block; font-size: 26px; font-variant-numeric: tabular-nums; }
.figure span { color: var(--muted); font-size: 13px; }
.figure.alarm { border-color: var(--red); } .figure.alarm b { color: var(--red); }
ul.list { list-style: none; margin: 0; padding: 0; }
ul.list li { padding: 8px 0; border-bottom: 1px solid var(--line); font-size: 14px; }
ul.list li:last-child { border-bottom: 0; }
.who { font-size: 15px; }
.who .item { color: var(--muted); }
.ask { margin: 4px 0; white-space: pre-wrap; }
dl#info { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 0; font-size: 14px; }
@media (max-width: 480px) { dl#info { grid-template-columns: minmax(0, 1fr); } dl#info dd { margin-bottom: 6px; } }
dl#info dt { color: var(--muted); }
dl#info dd { margin: 0; }
.dialog { border-top: 1px solid var(--line); padding: 10px 0; }
.dialog:first-child { border-top: 0; padding-top: 0; }
.meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; font-size: 13px; color: var(--muted); }
.meta .who { font-size: 14px; color: var(--fg); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; background: var(--grey); }
.badge.FOUND { background: var(--green); } .badge.NOT_FOUND { background: var(--amber); } .badge.ESCALATION, .badge.ENGINE_FAILED { background: var(--red); }
.dialog p { margin: 4px 0; white-space: pre-wrap; }
.dialog .label { color: var(--muted); }
.dialog .src { font-size: 13px; color: var(--muted); }
.dialog .left-out, .waiting-chat .left-out { padding: 4px 8px; border-radius: 6px; background: var(--soft-amber); border-left: 3px solid var(--amber); }
`;

/** The page in the language in force, its labels handed to the script; with many accounts, a switch between them (the script adds the token to its links). */
export function renderDashboardHtml(accounts?: readonly string[]): string {
  const text = dashboardText();
  const t = (key: TextKey): string => escapeHtml(text[key]);
  const figure = (key: string, label: TextKey): string => `<div class="figure" data-today="${key}"><b>—</b><span>${t(label)}</span></div>`;
  return `<!doctype html>
<html lang="${t('lang')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('pageTitle')}</title>
<style>${STYLE}</style>
<script id="labels" type="application/json">${toScriptJson(text)}</script>
<script src="/dashboard.js" defer></script>
</head>
<body>
<header><h1>${t('heading')}</h1>${renderAccountSwitch(accounts)}<div class="head-right"><span id="status" class="pill">${t('loading')}</span><span id="updated"></span></div></header>
<div class="banners">
<div id="outage" class="banner" role="alert" hidden><strong>${t('outageTitle')}</strong><ul id="problems"></ul></div>
<div id="error" class="banner" role="alert" hidden></div>
<div id="account-pause" class="banner warn" hidden></div>
</div>
<main>
<section id="waiting-card" class="card wide" aria-labelledby="h-waiting"><h2 id="h-waiting">${t('waitingTitle')} <span id="waiting-count" class="count zero">0</span></h2><ul id="waiting" class="list"></ul></section>
<section class="card wide" aria-labelledby="h-today"><h2 id="h-today">${t('todayTitle')}</h2><div id="today">
${figure('answered', 'todayAnswered')}
${figure('found', 'todayFound')}
${figure('partly_answered', 'todayPartly')}
${figure('not_found', 'todayNotFound')}
${figure('escalations', 'todayEscalations')}
${figure('errors', 'todayErrors')}
</div></section>
<section class="card wide" aria-labelledby="h-dialogs"><h2 id="h-dialogs">${t('dialogsTitle')}</h2><div id="dialogs"></div></section>
<section class="card" aria-labelledby="h-paused"><h2 id="h-paused">${t('pausedTitle')}</h2><ul id="paused" class="list"></ul></section>
<section class="card" aria-labelledby="h-queue"><h2 id="h-queue">${t('queueTitle')}</h2><ul id="queue" class="list"></ul></section>
<section class="card wide" aria-labelledby="h-info"><h2 id="h-info">${t('overallTitle')}</h2><dl id="info"></dl></section>
</main>
</body>
</html>
`;
}

/** What a browser gets without the right token: how to open the monitor (at `base`, the address it used), in the seller's language. */
export function renderTokenPage(wrongToken: boolean, base = 'http://127.0.0.1:8081'): string {
  const text = dashboardText();
  const t = (key: TextKey): string => escapeHtml(text[key]);
  return `<!doctype html>
<html lang="${t('lang')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('tokenPageTitle')}</title>
<style>${STYLE} main { display: block; max-width: 640px; padding-top: 24px; } h1 { margin-bottom: 12px; } code { font-size: 14px; }</style>
</head>
<body>
<main><section class="card" id="token-help">
<h1>${t(wrongToken ? 'tokenWrong' : 'tokenMissing')}</h1>
<p>${t('tokenHowTo')}</p>
<p><code>${escapeHtml(text.tokenExample(base))}</code></p>
<p>${t('tokenWhere')}</p>
<p class="muted">${t('tokenApi')}</p>
</section></main>
</body>
</html>
`;
}

function renderAccountSwitch(accounts: readonly string[] | undefined): string {
  if (!accounts || accounts.length === 0) return '';
  const links = accounts.map((name) => `<a data-account="${escapeHtml(name)}" href="?account=${encodeURIComponent(name)}">${escapeHtml(name)}</a>`).join(' ');
  return `<nav id="accounts" class="head-right"><span class="muted">${escapeHtml(accountsText().switcher)}</span> ${links}</nav>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside `<script>`: no `<` may end the block early. */
function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
