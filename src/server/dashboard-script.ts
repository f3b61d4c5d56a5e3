/**
 * The monitor page's one script (`GET /dashboard.js`): polls the JSON routes every 5 s and builds the DOM from text nodes only (the texts are buyers'
 * messages). It holds no text of its own: the labels come from the page's JSON block, in the seller's language.
 * The script has no template literals or backslashes, so this template holds it verbatim.
 */
export const DASHBOARD_SCRIPT = `'use strict';
(function () {
  var params = new URLSearchParams(location.search);
  var token = params.get('token');
  // Many accounts: the page shows the one chosen in its switch (the first by default), and each link keeps the token.
  var switches = Array.prototype.slice.call(document.querySelectorAll('a[data-account]'));
  var account = params.get('account') || (switches[0] ? switches[0].getAttribute('data-account') : null);
  switches.forEach(function (link) {
    var name = link.getAttribute('data-account');
    link.href = '?' + (token ? 'token=' + encodeURIComponent(token) + '&' : '') + 'account=' + encodeURIComponent(name);
    if (name === account) link.className = 'current';
  });
  function forAccount(path) { return account ? path + (path.indexOf('?') < 0 ? '?' : '&') + 'account=' + encodeURIComponent(account) : path; }
  var L = JSON.parse(document.getElementById('labels').textContent || '{}');
  var loaded = false;
  var STATUS = { FOUND: L.statusFound, NOT_FOUND: L.statusNotFound, ESCALATION: L.statusEscalation, NON_TEXT: L.statusNonText, ENGINE_FAILED: L.statusEngineFailed, SMALL_TALK: L.statusSmallTalk };
  var REASON = { takeover: L.reasonTakeover, manual: L.reasonManual };

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function textNode(text) { return document.createTextNode(text); }
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
  function ms(v) { return v >= 1000 ? (v / 1000).toFixed(1).replace('.', L.lang === 'ru' ? ',' : '.') + ' ' + L.seconds : Math.round(v) + ' ' + L.milliseconds; }
  function plural(n) {
    var m10 = n % 10, m100 = n % 100;
    if (m10 === 1 && m100 !== 11) return L.messageOne;
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return L.messageFew;
    return L.messageMany;
  }
  function uptime(s) {
    if (typeof s !== 'number') return '—';
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) return d + ' ' + L.days + ' ' + h + ' ' + L.hours;
    if (h > 0) return h + ' ' + L.hours + ' ' + m + ' ' + L.minutes;
    return m > 0 ? m + ' ' + L.minutes : Math.floor(s) + ' ' + L.seconds;
  }
  function link(text, url) {
    if (typeof url !== 'string' || !/^https?:/i.test(url)) return el('span', '', text);
    var a = el('a', '', text);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noreferrer noopener';
    return a;
  }
  // The buyer and the listing where Avito gave them; the chat id only when it gave neither.
  function who(parent, r, url) {
    var box = add(parent, el('span', 'who'));
    var name = add(box, url ? link(r.buyer_name || L.buyerUnknown, url) : el('b', '', r.buyer_name || L.buyerUnknown));
    name.classList.add('buyer');
    if (r.item_title) { add(box, textNode(' · ')); add(box, el('span', 'item', r.item_title)); }
    else if (!r.buyer_name && r.chat_id) { add(box, textNode(' · ')); add(box, el('span', 'item', r.chat_id)); }
    return box;
  }
  function emptyItem(list, text) { add(list, el('li', 'muted empty', text)); }

  function renderHealth(h) {
    var problems = (h && h.problems) || [];
    var list = byId('problems');
    list.replaceChildren();
    problems.forEach(function (p) {
      var li = add(list, el('li'));
      li.dataset.system = p.system;
      add(li, el('b', '', p.title));
      add(li, el('span', '', p.action));
      if (p.detail) add(li, el('span', 'detail', L.problemDetail + ': ' + p.detail + (p.at ? ' (' + L.problemSince + ' ' + when(p.at) + ')' : '')));
    });
    byId('outage').hidden = problems.length === 0;
    var status = byId('status');
    var broken = problems.length > 0 || (h && h.ok === false && !(h.checks && h.checks.avito && h.checks.avito.starting));
    status.textContent = broken ? L.somethingBroken : L.allWorking;
    status.className = 'pill ' + (broken ? 'bad' : 'ok');
  }

  function renderWaiting(c) {
    var list = byId('waiting');
    list.replaceChildren();
    // Escalated first, then chats whose answer left a question to the seller.
    var rows = ((c && c.escalated) || []).concat((c && c.left_out) || []);
    var count = byId('waiting-count');
    count.textContent = String(rows.length);
    count.className = 'count' + (rows.length ? '' : ' zero');
    byId('waiting-card').className = 'card wide' + (rows.length ? ' attention' : '');
    if (!rows.length) return emptyItem(list, L.waitingNone);
    rows.forEach(function (r) {
      var li = add(list, el('li', 'waiting-chat'));
      li.dataset.chat = r.chat_id;
      who(add(li, el('div')), r);
      if (r.last_question) add(li, el('p', 'ask', '«' + r.last_question + '»'));
      if (r.left_out) add(li, el('p', 'left-out', L.leftOut + ': «' + r.left_out.join('», «') + '»'));
      var meta = add(li, el('div', 'muted'));
      add(meta, textNode((r.left_out ? (r.bot_answered === false ? L.waitingUnanswered : L.waitingPartly) + ' ' + when(r.answered_at) : L.waitingSince + ' ' + when(r.escalated_at)) + ' · '));
      add(meta, link(L.openChat, r.chat_url));
    });
  }

  function renderToday(s) {
    var today = (s && s.today) || {};
    var nodes = byId('today').querySelectorAll('[data-today]');
    for (var i = 0; i < nodes.length; i++) {
      var key = nodes[i].dataset.today;
      var v = today[key];
      nodes[i].querySelector('b').textContent = typeof v === 'number' ? String(v) : '—';
      nodes[i].className = 'figure' + (key === 'errors' && num(v) > 0 ? ' alarm' : '');
    }
  }

  function renderDialogs(d) {
    var box = byId('dialogs');
    box.replaceChildren();
    var dialogs = (d && d.dialogs) || [];
    if (!dialogs.length) { add(box, el('p', 'muted empty', L.dialogsNone)); return; }
    dialogs.forEach(function (g) {
      var card = add(box, el('article', 'dialog'));
      var meta = add(card, el('div', 'meta'));
      add(meta, el('time', '', when(g.at))).dateTime = g.at || '';
      who(meta, g, g.chat_url);
      add(meta, el('span', 'badge ' + (STATUS[g.status] ? g.status : 'other'), STATUS[g.status] || String(g.status)));
      if (num(g.latency_ms) > 0) add(meta, el('span', '', ms(num(g.latency_ms))));
      var q = add(card, el('p', 'q'));
      add(q, el('span', 'label', L.question + ': '));
      add(q, textNode(g.question || '—'));
      var a = add(card, el('p', 'a'));
      add(a, el('span', 'label', L.answer + ': '));
      add(a, textNode(g.answer || '—'));
      // The buyer's questions the answer left to a person: the seller answers them in the chat, which is left unread.
      if (g.left_out && g.left_out.length) add(card, el('p', 'left-out', L.leftOut + ': «' + g.left_out.join('», «') + '»'));
      if (g.sources && g.sources.length) add(card, el('p', 'src', L.sources + ': ' + g.sources.join(', ')));
    });
  }

  function renderPaused(c) {
    var list = byId('paused');
    list.replaceChildren();
    var rows = (c && c.paused) || [];
    if (!rows.length) return emptyItem(list, L.pausedNone);
    rows.forEach(function (r) {
      var li = add(list, el('li'));
      who(add(li, el('div')), r);
      var meta = add(li, el('div', 'muted'));
      add(meta, textNode(L.pausedUntil + ' ' + when(r.paused_until) + ' · ' + (REASON[r.reason] || String(r.reason)) + ' · '));
      add(meta, link(L.openChat, r.chat_url));
    });
  }

  function renderQueue(q) {
    var list = byId('queue');
    list.replaceChildren();
    var names = q.chat_names || {};
    function item(chatId, text) {
      var li = add(list, el('li'));
      var n = names[chatId] || {};
      who(add(li, el('div')), { chat_id: chatId, buyer_name: n.buyer_name, item_title: n.item_title });
      add(li, el('div', 'muted', text));
    }
    var now = Date.now();
    (q.waiting || []).forEach(function (w) {
      var n = num(w.messages);
      var secs = Math.round((new Date(w.due_at).getTime() - now) / 1000);
      var text = n + ' ' + plural(n) + ', ' + (secs > 0 ? L.queueAnswerIn + ' ' + secs + ' ' + L.seconds : L.queueAnswerNow);
      if (num(w.retries) > 0) text += ', ' + L.queueRetry + w.retries;
      item(w.chat_id, text);
    });
    (q.running || []).forEach(function (id) { item(id, L.queueRunning); });
    (q.open_chats || []).forEach(function (id) { item(id, L.queueOpen); });
    (q.unconfirmed_replies || []).forEach(function (u) { item(u.chat_id, L.queueUnconfirmed + ' ' + when(u.since) + ': «' + (u.question || '') + '»'); });
    if (!list.firstChild) emptyItem(list, L.queueNone);
  }

  function renderInfo(s) {
    var info = byId('info');
    info.replaceChildren();
    function row(label, value) { add(info, el('dt', '', label)); add(info, el('dd', '', value)); }
    row(L.lastPass, s.last_poll_time ? when(s.last_poll_time) : L.lastPassNever);
    row(L.uptime, uptime(s.uptime_seconds));
    row(L.allTimeQuestions, String(num(s.total_messages)));
    row(L.allTimeReplies, String(num(s.completed_messages)));
    if (s.answer_rate) row(L.foundShare, Math.round(num(s.answer_rate.found) * 100) + '%');
    if (s.latency_ms) row(L.responseTime, L.responseTimeUsually + ' ' + ms(num(s.latency_ms.median)) + ', ' + L.responseTimeAlmostAll + ' ' + ms(num(s.latency_ms.p95)));
    row(L.takeovers, String(num(s.takeovers)));
    if (s.webhook) {
      var w = s.webhook;
      row(L.webhooks, L.webhooksReceived + ' ' + num(w.received) + ', ' + L.webhooksDuplicates + ' ' + num(w.duplicates) + ', ' + L.webhooksRejected + ' ' + num(w.rejected));
    }
    row(L.lastError, s.last_error ? s.last_error + ' (' + when(s.last_error_time) + ')' : L.none);
    var pause = byId('account-pause');
    pause.hidden = !s.account_pause;
    if (s.account_pause) pause.textContent = L.accountPaused + ' ' + (s.account_pause.until ? L.accountPausedUntil + ' ' + when(s.account_pause.until) : L.accountPausedForever);
  }

  function showError(text) {
    var banner = byId('error');
    banner.textContent = text || '';
    banner.hidden = !text;
  }

  // /health answers 503 with its report while something is broken: that is data, not a failure of the page.
  function get(path, okStatuses) {
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(forAccount(path), { headers: headers, cache: 'no-store' }).then(function (r) {
      if (r.status === 401) { var e = new Error('401'); e.unauthorized = true; throw e; }
      if (!r.ok && (okStatuses || []).indexOf(r.status) < 0) throw new Error('HTTP ' + r.status + ' ' + path);
      return r.json();
    });
  }

  async function refresh() {
    var data;
    try {
      data = await Promise.all([get('/health', [503]), get('/chats'), get('/stats'), get('/dialogs?limit=20'), get('/queue')]);
    } catch (e) {
      showError(e && e.unauthorized ? L.unauthorized : L.offline);
      var status = byId('status');
      status.textContent = L.somethingBroken;
      status.className = 'pill bad';
      return;
    }
    try {
      renderHealth(data[0] || {});
      renderWaiting(data[1] || {});
      renderToday(data[2] || {});
      renderDialogs(data[3] || {});
      renderPaused(data[1] || {});
      renderQueue(data[4] || {});
      renderInfo(data[2] || {});
    } catch (e) {
      showError(L.renderFailed + ' ' + (e && e.message ? e.message : String(e)));
      return;
    }
    showError(null);
    byId('updated').textContent = L.updated + ' ' + hms(new Date());
    if (!loaded) { loaded = true; document.body.dataset.loaded = '1'; }
  }

  function loop() { refresh().finally(function () { setTimeout(loop, 5000); }); }
  loop();
})();
`;
