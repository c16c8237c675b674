// The sandbox inbox: a stand-in for the phone. Everything shown comes from the inspection API,
// already redacted (keys as last 4), and is written with textContent only: no data becomes markup.
"use strict";

(() => {
  const MAX_REQUESTS = 50;
  const PAGE = 50; // notifications per page: the latest on load, older ones on demand
  const MAX_CARDS = 500; // live arrivals push the oldest cards out (still one "Older" away)
  // Least time between two reloads of the key list for its "Last used" column: a reload per request, in every open
  // tab, would compete with the API it watches.
  const KEYS_EVERY = 10000;
  // A burst sends only its latest cards and a "gap" event: the page reads its latest page again once the burst has
  // been quiet this long, and at the latest after BURST_MOST (500 tabs reloading at every gap would be a flood too).
  const BURST_QUIET = 1000;
  const BURST_MOST = 5000;
  const PRIORITY = { "-2": "lowest", "-1": "low", "0": "normal", "1": "high", "2": "emergency" };
  const inbox = document.getElementById("inbox");
  const empty = document.getElementById("empty");
  const count = document.getElementById("count");
  const connection = document.getElementById("connection");
  const requestRows = document.querySelector("#requests tbody");
  const keyRows = document.querySelector("#keys tbody");
  const older = document.getElementById("older");
  const tapAs = document.getElementById("tap-as");
  let team = { members: [], group: null }; // from /sandbox/team: keys as last 4 only
  const shown = new Map(); // notification id -> JSON last rendered, to skip repeats
  let keysLoadedAt = 0;
  let keysDue = null; // the timer of the next throttled key reload
  let keysStale = false; // a reload came due while the tab was hidden
  let burstDue = null; // the timer of the snapshot after a burst
  let burstSince = 0; // when the first gap of the current burst came
  let burstStale = false; // a burst ended while the tab was hidden

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : "";
  }

  // Who a card went to, by the team's names where the last 4 match.
  function recipientName(n) {
    const key = n.sendToKey ?? "";
    if (n.type === "group" && team.group && key === team.group) return `team group ${key}`;
    const member = team.members.find((m) => n.type === "user" && m.key === key);
    return member ? `member ${member.number} ${key}` : `${n.type} ${key}`;
  }

  async function loadTeam() {
    try {
      const result = await fetch("/sandbox/team");
      if (!result.ok) return;
      team = await result.json();
    } catch {
      return;
    }
    for (const m of team.members) {
      const option = el("option", null, `member ${m.number} (${m.key}, ${m.deviceId})`);
      option.value = String(m.number);
      tapAs.append(option);
    }
    tapAs.closest("label").hidden = team.members.length === 0;
  }

  function refreshCount() {
    const n = inbox.children.length;
    empty.hidden = n > 0;
    count.textContent = n > 0 ? `(${n})` : "";
  }

  function renderAnswer(n) {
    const answer = el("div", "answer");
    if (n.acked) {
      const status = el("p", "acked");
      status.dataset.testid = "ack-status";
      const what = n.response === null || n.response === undefined ? "Acknowledged" : `Answered “${n.response}”`;
      status.append(el("span", null, `✓ ${what} on ${n.ackedByDeviceId} at ${time(n.ackedAt)}`));
      if (n.comment) {
        status.append(el("br"), el("span", "comment", n.comment));
        status.lastChild.dataset.testid = "ack-comment";
      }
      answer.append(status);
      return answer;
    }

    const error = el("p", "error");
    error.dataset.testid = "ack-error";
    error.hidden = true;
    const buttons = el("div", "buttons");
    const freetext = n.responseTemplate === "freetext";
    let reply = null;
    let comment = null;

    async function send(response, button) {
      for (const b of answer.querySelectorAll("button")) b.disabled = true;
      error.hidden = true;
      const body = { response };
      if (comment && comment.value.trim() !== "") body.comment = comment.value;
      // One browser plays several phones: the answer is that member's, from their device.
      if (tapAs.value !== "") body.as = Number(tapAs.value);
      try {
        const result = await fetch(`/sandbox/alerts/${encodeURIComponent(n.alertId)}/ack`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        const json = await result.json();
        if (!result.ok) throw new Error(json.message || `HTTP ${result.status}`);
        upsert(json.notification);
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
        for (const b of answer.querySelectorAll("button")) b.disabled = false;
        if (button) button.focus();
      }
    }

    if (freetext) {
      reply = el("input");
      reply.type = "text";
      reply.placeholder = "Type a reply";
      reply.dataset.testid = "reply";
      reply.setAttribute("aria-label", "Reply");
      const sendButton = el("button", null, "Send reply");
      sendButton.type = "button";
      sendButton.dataset.testid = "send-reply";
      sendButton.addEventListener("click", () => send(reply.value, sendButton));
      reply.addEventListener("keydown", (e) => { if (e.key === "Enter") send(reply.value, sendButton); });
      answer.append(reply);
      buttons.append(sendButton);
    } else {
      comment = el("input");
      comment.type = "text";
      comment.placeholder = "Comment (optional)";
      comment.maxLength = 1024;
      comment.dataset.testid = "comment";
      comment.setAttribute("aria-label", "Comment");
      answer.append(comment);
      (n.responseLabels || []).forEach((label, i) => {
        const button = el("button", i === 0 ? null : "secondary", label);
        button.type = "button";
        button.dataset.testid = "ack-button";
        button.dataset.label = label;
        // A plain acknowledgement stores no response; the label is only the button's text.
        const response = n.responseTemplate === "ack" || !n.responseTemplate ? null : label;
        button.addEventListener("click", () => send(response, button));
        buttons.append(button);
      });
    }

    answer.append(buttons, error);
    return answer;
  }

  function renderCard(n) {
    const card = el("article", `card p${n.priority ?? 0}`);
    card.dataset.testid = "notification";
    card.dataset.id = n.id;
    if (n.alertId) card.dataset.alertId = n.alertId;
    card.dataset.acked = String(Boolean(n.acked));

    const head = el("div", "head");
    const priority = n.priority ?? 0;
    head.append(
      el("span", `badge p${priority}`, n.alertId ? "emergency · needs an answer" : PRIORITY[priority] ?? priority),
      el("span", null, time(n.receivedAt)));
    card.append(head);
    if (n.title) card.append(el("p", "title", n.title));
    const message = el("p", "message", n.message);
    message.dataset.testid = "message";
    card.append(message);

    const recipient = el("p", "recipient", `To: ${recipientName(n)}`);
    recipient.dataset.testid = "recipient";
    card.append(recipient);

    const meta = [`${n.id}`, `${n.source}`, `to ${n.type} ${n.sendToKey ?? ""}`];
    if (n.idempotencyKey) meta.push(`key ${n.idempotencyKey}`);
    if (n.responseTemplate) meta.push(`template ${n.responseTemplate}`);
    const metaLine = el("div", "meta", meta.join(" · "));
    if (n.url) {
      const link = el("a", null, n.urlTitle || n.url);
      // Only web links become clickable; anything else stays text.
      if (/^https?:\/\//i.test(n.url)) { link.href = n.url; link.rel = "noreferrer noopener"; link.target = "_blank"; }
      metaLine.append(" · ", link);
    }
    card.append(metaLine);
    if (n.alertId) card.append(renderAnswer(n));
    return card;
  }

  // n_12 -> 12: ids count up, so they order the cards.
  function number(id) {
    return Number(String(id).slice(2));
  }

  // Shows n: replaces its card when shown; else a new one goes on top, an older page's at the bottom, and an
  // update (an ack) of a card not shown is left for when its page is loaded.
  function upsert(n, where = "top") {
    const json = JSON.stringify(n);
    if (shown.get(n.id) === json) return;
    const existing = inbox.querySelector(`article[data-id="${CSS.escape(n.id)}"]`);
    if (!existing && where === "existing") return;
    shown.set(n.id, json);
    const card = renderCard(n);
    if (existing) existing.replaceWith(card);
    else if (where === "bottom") inbox.append(card);
    else inbox.prepend(card);
    while (inbox.children.length > MAX_CARDS) {
      shown.delete(inbox.lastChild.dataset.id);
      inbox.lastChild.remove();
      older.hidden = false;
    }
    refreshCount();
  }

  function clearAll() {
    inbox.replaceChildren();
    requestRows.replaceChildren();
    shown.clear();
    older.hidden = true;
    refreshCount();
  }

  async function loadOlder() {
    const last = inbox.lastElementChild;
    const query = last ? `&before=${encodeURIComponent(last.dataset.id)}` : "";
    older.disabled = true;
    try {
      const page = await fetch(`/sandbox/notifications?limit=${PAGE}${query}`).then((r) => r.json());
      page.reverse().forEach((n) => upsert(n, "bottom"));
      older.hidden = page.length < PAGE;
    } finally {
      older.disabled = false;
    }
  }

  function addRequest(r) {
    const row = el("tr");
    row.dataset.sequence = r.sequence;
    const status = el("td", r.statusCode >= 400 || r.statusCode === 0 ? "status-bad" : "status-ok", r.statusCode);
    row.append(el("td", null, r.sequence), el("td", null, time(r.receivedAt)), el("td", "request", `${r.method} ${r.path}`),
      status, el("td", null, r.fault ?? ""), el("td", null, r.apiKeyLastFour ?? r.apiKeyFingerprint ?? ""));
    requestRows.prepend(row);
    while (requestRows.children.length > MAX_REQUESTS) requestRows.lastChild.remove();
  }

  async function loadKeys() {
    keysLoadedAt = Date.now();
    const keys = await fetch("/sandbox/keys").then((r) => r.json());
    keyRows.replaceChildren(...keys.map((k) => {
      const row = el("tr");
      row.dataset.testid = "key";
      row.dataset.id = k.id;
      row.append(el("td", null, k.id), el("td", null, k.label), el("td", null, k.scope), el("td", null, k.lastFour),
        el("td", null, k.lastUsedAt ? time(k.lastUsedAt) : "never"), el("td", k.active ? "status-ok" : "status-bad", k.active ? "active" : "revoked"));
      return row;
    }));
  }

  function reloadKeys() {
    if (document.hidden) { keysStale = true; return; }
    keysStale = false;
    loadKeys().catch(() => {});
  }

  // A create, rotate or revoke shows at once; a key's last use with the next reload, at most every KEYS_EVERY.
  function keysAfter(r) {
    if (r.path.startsWith("/api/v1/api-keys") && r.method !== "GET") { reloadKeys(); return; }
    if (!r.apiKeyLastFour || keysDue !== null) return;
    keysDue = setTimeout(() => { keysDue = null; reloadKeys(); }, Math.max(0, keysLoadedAt + KEYS_EVERY - Date.now()));
  }

  function noteRequest(r) {
    addRequest(r);
    keysAfter(r);
  }

  // The latest page only, never the whole history; cards that arrived live after it was read stay.
  async function loadSnapshot() {
    const [notifications, requests] = await Promise.all([
      fetch(`/sandbox/notifications?limit=${PAGE}`).then((r) => r.json()),
      fetch(`/sandbox/requests?limit=${MAX_REQUESTS}`).then((r) => r.json()),
    ]);
    const ids = new Set(notifications.map((n) => n.id));
    const newest = notifications.length ? number(notifications[notifications.length - 1].id) : 0;
    for (const card of [...inbox.children]) {
      if (!ids.has(card.dataset.id) && number(card.dataset.id) <= newest) { shown.delete(card.dataset.id); card.remove(); }
    }
    notifications.forEach((n) => upsert(n));
    older.hidden = notifications.length < PAGE;
    requestRows.replaceChildren();
    requests.forEach(addRequest);
    refreshCount();
    await loadKeys();
  }

  function setConnection(state, text) {
    connection.dataset.state = state;
    connection.textContent = text;
  }

  function snapshot() {
    loadSnapshot().then(() => setConnection("live", "live"), () => setConnection("reconnecting", "reconnecting…"));
  }

  // Cards a burst left out are read again once it is over; a hidden tab waits until it is shown.
  function afterBurst() {
    const now = Date.now();
    if (!burstDue) burstSince = now;
    clearTimeout(burstDue);
    burstDue = setTimeout(() => {
      burstDue = null;
      if (document.hidden) { burstStale = true; return; }
      snapshot();
    }, Math.min(BURST_QUIET, Math.max(0, burstSince + BURST_MOST - now)));
  }

  function connect() {
    const events = new EventSource("/sandbox/events");
    let loaded = false;
    // Subscribed first, then the snapshot: nothing delivered in between is missed (upsert is idempotent). On a
    // reconnect the browser sends Last-Event-ID and the server replays what was missed, or says "reload".
    events.addEventListener("open", () => {
      if (loaded) { setConnection("live", "live"); return; }
      loaded = true;
      snapshot();
    });
    events.addEventListener("error", () => setConnection("reconnecting", "reconnecting…"));
    events.addEventListener("reload", () => snapshot());
    events.addEventListener("gap", () => afterBurst());
    // A delivery by an API request carries that request's row: one event a send, to every open tab.
    events.addEventListener("notification", (e) => {
      const n = JSON.parse(e.data);
      if (n.request) { noteRequest(n.request); delete n.request; }
      upsert(n);
    });
    events.addEventListener("ack", (e) => upsert(JSON.parse(e.data), "existing"));
    events.addEventListener("cleared", () => clearAll());
    events.addEventListener("request", (e) => noteRequest(JSON.parse(e.data)));
  }

  document.addEventListener("visibilitychange", () => {
    if (document.hidden) return;
    if (burstStale) { burstStale = false; keysStale = false; snapshot(); } else if (keysStale) reloadKeys();
  });
  older.addEventListener("click", () => { loadOlder().catch(() => {}); });
  document.getElementById("clear").addEventListener("click", () => {
    fetch("/sandbox/notifications", { method: "DELETE" });
  });
  refreshCount();
  loadTeam().finally(connect);
})();
