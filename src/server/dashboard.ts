/**
 * The monitor page (`GET /dashboard`, `/dashboard.js`) as plain strings: no front-end build, framework or asset files to find at run time; `tsc` carries them into `dist/`.
 * The page holds no data; its one script (no inline code, so a strict CSP holds) polls the JSON routes and builds the DOM from text nodes only: the texts are buyers' messages.
 * The script has no template literals or backslashes, so this template holds it verbatim.
 */

export const DASHBOARD_HTML = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>avito-ai — монитор</title>
<style>
:root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --fg: #1d2129; --muted: #6b7280; --line: #e3e5e8;
  --accent: #0a66d8; --green: #1f9d55; --amber: #c27c0e; --red: #d93025; --grey: #8a9099; --bar: #e9ebee; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #111418; --card: #1b1f25; --fg: #e6e8eb; --muted: #9aa1ab; --line: #2c323a;
    --accent: #5aa2ff; --green: #3fbf74; --amber: #e0a23a; --red: #ff6b5e; --grey: #7c838d; --bar: #2a3038; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 4px 12px; padding: 12px 16px; }
h1 { margin: 0; font-size: 20px; }
h2 { margin: 0 0 10px; font-size: 16px; }
h3 { margin: 12px 0 6px; font-size: 14px; color: var(--muted); font-weight: 600; }
a { color: var(--accent); }
#updated, .muted { color: var(--muted); font-size: 13px; }
.banner { margin: 0 16px 12px; padding: 10px 14px; border-radius: 8px; background: var(--red); color: #fff; font-weight: 600; }
main { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; padding: 0 16px 24px; max-width: 1200px; margin: 0 auto; }
@media (min-width: 700px) { main { grid-template-columns: repeat(2, minmax(0, 1fr)); } .wide { grid-column: 1 / -1; } }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px; min-width: 0; }
#counters { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 8px; }
.counter { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
.counter b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.counter span { color: var(--muted); font-size: 13px; }
dl#info { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 4px 12px; margin: 12px 0 0; font-size: 14px; }
dl#info dt { color: var(--muted); }
dl#info dd { margin: 0; }
.rate { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 8px; margin-bottom: 8px; font-size: 14px; }
.rate .bar { grid-column: 1 / -1; height: 10px; border-radius: 5px; background: var(--bar); overflow: hidden; }
.rate .fill { display: block; height: 100%; }
.fill.found { background: var(--green); } .fill.not_found { background: var(--amber); } .fill.escalation { background: var(--red); }
ul.list { list-style: none; margin: 0; padding: 0; }
ul.list li { padding: 6px 0; border-bottom: 1px solid var(--line); font-size: 14px; }
ul.list li:last-child { border-bottom: 0; }
.dialog { border-top: 1px solid var(--line); padding: 10px 0; }
.dialog:first-child { border-top: 0; padding-top: 0; }
.meta { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; font-size: 13px; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; font-weight: 600; background: var(--grey); }
.badge.FOUND { background: var(--green); } .badge.NOT_FOUND { background: var(--amber); } .badge.ESCALATION { background: var(--red); }
.dialog p { margin: 4px 0; white-space: pre-wrap; }
.dialog .q::before { content: "Вопрос: "; color: var(--muted); }
.dialog .a::before { content: "Ответ: "; color: var(--muted); }
.dialog .src { font-size: 13px; color: var(--muted); }
</style>
<script src="/dashboard.js" defer></script>
</head>
<body>
<header><h1>avito-ai · монитор</h1><span id="updated">Загрузка…</span></header>
<div id="error" class="banner" role="alert" hidden></div>
<main>
<section class="card wide" aria-labelledby="h-counters">
<h2 id="h-counters">Сводка</h2>
<div id="counters">
<div class="counter"><b data-counter="total_messages">—</b><span>Всего вопросов</span></div>
<div class="counter"><b data-counter="pending_messages">—</b><span>В очереди</span></div>
<div class="counter"><b data-counter="processing_messages">—</b><span>В работе</span></div>
<div class="counter"><b data-counter="completed_messages">—</b><span>Отвечено</span></div>
<div class="counter"><b data-counter="failed_messages">—</b><span>Ошибки</span></div>
<div class="counter"><b data-counter="escalated_chats">—</b><span>Эскалации</span></div>
<div class="counter"><b data-counter="paused_chats">—</b><span>На паузе</span></div>
<div class="counter"><b data-counter="active_dialogs">—</b><span>Активные диалоги</span></div>
</div>
<dl id="info"></dl>
</section>
<section class="card"><h2>Доля ответов</h2><div id="answer-rate" class="muted">нет данных</div></section>
<section class="card"><h2>Время ответа</h2><div id="latency" class="muted">нет данных</div></section>
<section class="card"><h2>Очередь</h2><ul id="queue" class="list"></ul></section>
<section class="card"><h2>Чаты</h2><div id="chats"></div></section>
<section class="card wide"><h2>Последние диалоги</h2><div id="dialogs"></div></section>
</main>
</body>
</html>
`;

export const DASHBOARD_SCRIPT = `'use strict';
(function () {
  var token = new URLSearchParams(location.search).get('token');
  var loaded = false;
  var STATUS = { FOUND: 'найдено', NOT_FOUND: 'нет в документах', ESCALATION: 'передано человеку', NON_TEXT: 'не текст', ENGINE_FAILED: 'сбой движка', SMALL_TALK: 'без вопроса' };
  var REASON = { takeover: 'вы ответили сами', manual: 'пауза вручную' };

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function num(v) { return typeof v === 'number' && isFinite(v) ? v : 0; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function hms(d) { return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()); }
  function when(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    var now = new Date();
    var t = pad(d.getHours()) + ':' + pad(d.getMinutes());
    if (d.toDateString() === now.toDateString()) return t;
    return pad(d.getDate()) + '.' + pad(d.getMonth() + 1) + (d.getFullYear() === now.getFullYear() ? '' : '.' + d.getFullYear()) + ' ' + t;
  }
  function ms(v) { return v >= 1000 ? (v / 1000).toFixed(1).replace('.', ',') + ' с' : Math.round(v) + ' мс'; }
  function plural(n, one, few, many) {
    var m10 = n % 10, m100 = n % 100;
    if (m10 === 1 && m100 !== 11) return one;
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
    return many;
  }
  function uptime(s) {
    if (typeof s !== 'number') return '—';
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) return d + ' д ' + h + ' ч';
    if (h > 0) return h + ' ч ' + m + ' мин';
    return m > 0 ? m + ' мин' : Math.floor(s) + ' с';
  }
  function chatLink(chatId, url) {
    var text = String(chatId);
    if (typeof url !== 'string' || !/^https?:/i.test(url)) return el('span', 'chat', text);
    var a = el('a', 'chat', text);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noreferrer noopener';
    return a;
  }

  function renderStats(s) {
    var nodes = byId('counters').querySelectorAll('[data-counter]');
    for (var i = 0; i < nodes.length; i++) {
      var v = s[nodes[i].dataset.counter];
      nodes[i].textContent = typeof v === 'number' ? String(v) : '—';
    }
    var info = byId('info');
    info.replaceChildren();
    function row(label, value) { add(info, el('dt', '', label)); add(info, el('dd', '', value)); }
    row('Последний проход', s.last_poll_time ? when(s.last_poll_time) : 'ещё не было');
    row('Последняя ошибка', s.last_error ? s.last_error + ' (' + when(s.last_error_time) + ')' : 'нет');
    row('Работает', uptime(s.uptime_seconds));
    row('Вы ответили сами', String(num(s.takeovers)));
    if (s.webhook) {
      var w = s.webhook;
      row('Вебхуки', 'получено ' + num(w.received) + ' / дубли ' + num(w.duplicates) + ' / пропущено ' + num(w.ignored) + ' / отклонено ' + num(w.rejected));
    }

    var rate = byId('answer-rate');
    rate.replaceChildren();
    rate.className = s.answer_rate ? '' : 'muted';
    if (!s.answer_rate) rate.textContent = 'нет данных';
    else {
      var answers = s.answers || {};
      [['found', 'Найдено в документах'], ['not_found', 'Нет в документах'], ['escalation', 'Передано человеку']].forEach(function (r) {
        var share = Math.max(0, Math.min(1, num(s.answer_rate[r[0]])));
        var pct = Math.round(share * 100);
        var line = add(rate, el('div', 'rate'));
        line.dataset.rate = r[0];
        add(line, el('span', '', r[1]));
        add(line, el('b', '', pct + '%' + (typeof answers[r[0]] === 'number' ? ' (' + answers[r[0]] + ')' : '')));
        var fill = add(add(line, el('span', 'bar')), el('span', 'fill ' + r[0]));
        fill.style.width = (share * 100).toFixed(1) + '%';
      });
    }

    var lat = byId('latency');
    lat.className = s.latency_ms ? '' : 'muted';
    lat.textContent = s.latency_ms ? 'Медиана ' + ms(num(s.latency_ms.median)) + ' · p95 ' + ms(num(s.latency_ms.p95)) : 'нет данных';
  }

  function renderQueue(q) {
    var list = byId('queue');
    list.replaceChildren();
    function item(cls, chatId, text) {
      var li = add(list, el('li', cls));
      add(li, el('b', '', String(chatId)));
      add(li, document.createTextNode(' — ' + text));
    }
    var now = Date.now();
    (q.waiting || []).forEach(function (w) {
      var n = num(w.messages);
      var secs = Math.round((new Date(w.due_at).getTime() - now) / 1000);
      var text = n + ' ' + plural(n, 'сообщение', 'сообщения', 'сообщений') + ', ' + (secs > 0 ? 'ответ через ' + secs + ' с' : 'отвечу сейчас');
      if (num(w.retries) > 0) text += ', повтор №' + w.retries;
      item('waiting', w.chat_id, text);
    });
    (q.running || []).forEach(function (id) { item('running', id, 'отвечаю сейчас'); });
    (q.open_chats || []).forEach(function (id) { item('open', id, 'ждёт: тихие часы, сбой или пауза'); });
    (q.unconfirmed_replies || []).forEach(function (u) {
      item('unconfirmed', u.chat_id, 'ответ не подтверждён с ' + when(u.since) + ': «' + (u.question || '') + '»');
    });
    if (!list.firstChild) add(list, el('li', 'muted', 'Очередь пуста'));
  }

  function renderDialogs(d) {
    var box = byId('dialogs');
    box.replaceChildren();
    var dialogs = (d && d.dialogs) || [];
    if (!dialogs.length) { add(box, el('p', 'muted', 'Пока нет диалогов')); return; }
    dialogs.forEach(function (g) {
      var card = add(box, el('article', 'dialog'));
      var meta = add(card, el('div', 'meta'));
      add(meta, el('time', '', when(g.at))).dateTime = g.at || '';
      add(meta, chatLink(g.chat_id, g.chat_url));
      add(meta, el('span', 'badge ' + (STATUS[g.status] ? g.status : 'other'), STATUS[g.status] || String(g.status)));
      add(meta, el('span', '', ms(num(g.latency_ms))));
      if (g.engine || g.strategy) add(meta, el('span', '', [g.engine, g.strategy].filter(Boolean).join(' · ')));
      add(card, el('p', 'q', g.question || ''));
      add(card, el('p', 'a', g.answer || '—'));
      add(card, el('p', 'src', 'Источники: ' + (g.sources && g.sources.length ? g.sources.join(', ') : '—')));
    });
  }

  function renderChats(c) {
    var box = byId('chats');
    box.replaceChildren();
    function section(title, rows, describe) {
      add(box, el('h3', '', title));
      var list = add(box, el('ul', 'list'));
      if (!rows || !rows.length) { add(list, el('li', 'muted', 'никого')); return; }
      rows.forEach(function (r) {
        var li = add(list, el('li'));
        add(li, chatLink(r.chat_id, r.chat_url));
        if (r.item_title) add(li, document.createTextNode(' · ' + r.item_title));
        add(li, el('div', 'muted', describe(r)));
      });
    }
    section('Ждут вас (эскалация)', c.escalated, function (r) { return 'с ' + when(r.escalated_at) + ', активность ' + when(r.last_activity); });
    section('На паузе', c.paused, function (r) { return 'до ' + when(r.paused_until) + ' · ' + (REASON[r.reason] || String(r.reason)); });
  }

  function showError(text) {
    var banner = byId('error');
    banner.textContent = text || '';
    banner.hidden = !text;
  }

  function get(path) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return fetch(path, { headers: headers, cache: 'no-store' }).then(function (r) {
      if (r.status === 401) { var e = new Error('401'); e.unauthorized = true; throw e; }
      if (!r.ok) throw new Error('HTTP ' + r.status + ' на ' + path);
      return r.json();
    });
  }

  async function refresh() {
    var data;
    try {
      data = await Promise.all([get('/stats'), get('/queue'), get('/dialogs?limit=20'), get('/chats')]);
    } catch (e) {
      showError(e && e.unauthorized ? 'Нужен токен: откройте /dashboard?token=… (MONITOR_TOKEN)'
        : 'Нет связи с avito-ai serve: ' + (e && e.message ? e.message : String(e)));
      return;
    }
    try {
      renderStats(data[0] || {});
      renderQueue(data[1] || {});
      renderDialogs(data[2] || {});
      renderChats(data[3] || {});
    } catch (e) {
      showError('Ошибка отображения: ' + (e && e.message ? e.message : String(e)));
      return;
    }
    showError(null);
    byId('updated').textContent = 'Обновлено ' + hms(new Date());
    if (!loaded) { loaded = true; document.body.dataset.loaded = '1'; }
  }

  function loop() { refresh().finally(function () { setTimeout(loop, 5000); }); }
  loop();
})();
`;
