// The projector board as a page: what `ikm-tui board` shows, read-only, followed live.
// It is sent only what the board may show (the reveal up to its step); the countdown counts
// on from the stored clock's reading with this browser's own clock. "About 10:42" under who is
// next is asked for again when it can read another minute (refresh_s), never on an interval.
"use strict";

const EVENT = JSON.parse(document.getElementById("event").textContent);
const view = document.getElementById("view");
let state = null;
let receivedAt = 0;
let backoff = 500;
let ticker = null;
let refresher = null;

function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function clockText(remaining) {
  let whole;
  let sign = "";
  if (remaining > 0) whole = Math.ceil(remaining - 1e-9);
  else {
    whole = Math.floor(-remaining + 1e-9);
    sign = "+";
  }
  const minutes = Math.floor(whole / 60);
  const seconds = whole % 60;
  return `${sign}${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

function remaining() {
  const stage = state.stage;
  const passed = stage.running ? Date.now() / 1000 - receivedAt : 0;
  return stage.remaining_s - passed;
}

function tick() {
  const clock = document.getElementById("countdown");
  if (!clock || !state || !state.stage) return;
  const left = remaining();
  clock.textContent = clockText(left);
  clock.className = left <= 0 ? "overtime" : left <= state.stage.warning_s ? "warning" : "normal";
}

function render() {
  document.getElementById("day").textContent = state.day || "";
  view.textContent = "";
  view.className = state.view;
  clearInterval(ticker);
  clearTimeout(refresher);
  if (state.view === "board-stage" && state.stage) {
    const s = state.stage;
    view.append(el("div", "label", s.label), el("div", "name", s.name), el("div", "business", s.business));
    if (s.message) {
      const note = el("div", "", s.message);
      note.id = "note";
      view.append(note);
      view.classList.add("with-note"); // the clock gives the note some of its height
    }
    if (s.counts) {
      const clock = el("div");
      clock.id = "countdown";
      view.append(clock);
      tick();
      if (s.running) ticker = setInterval(tick, 200);
    }
    view.append(el("div", "phase", s.phase), el("div", "next", s.next));
  } else if (state.view === "board-idle" && state.idle) {
    const s = state.idle;
    view.append(el("div", "message", s.message), el("div", "label", s.label), el("div", "name", s.name));
    view.append(el("div", "business", s.business));
    if (s.time) {
      const when = el("div", "time", s.time);
      when.id = "next-time";
      view.append(when);
    }
    if (s.refresh_s !== null && s.refresh_s !== undefined) {
      refresher = setTimeout(refresh, Math.min(s.refresh_s * 1000 + 50, 2 ** 31 - 1));
    }
  } else if (state.view === "board-reveal" && state.reveal) {
    renderReveal(state.reveal);
  } else {
    view.append(el("div", "message", EVENT.words["board.unreachable"]));
    view.append(el("div", "label", EVENT.words["board.unreachable_hint"]));
  }
}

function renderReveal(r) {
  if (r.table) {
    const table = el("table", "winners");
    table.append(el("caption", "", r.table.title));
    const head = el("tr");
    for (const column of r.table.columns) head.append(el("th", "", column));
    table.append(head);
    for (const row of r.table.rows) {
      const line = el("tr");
      for (const key of ["prize", "name", "business", "category", "amount"]) line.append(el("td", key, row[key]));
      table.append(line);
    }
    view.append(table, el("div", "label", r.table.caption));
    return;
  }
  view.append(el("div", "label", r.heading), el("div", "tier", r.tier));
  for (const p of r.winners) view.append(el("div", "name", p.name), el("div", "business", `${p.business} · ${p.category}`));
  view.append(el("div", "amount", r.amount), el("div", "each", r.each));
  for (const line of r.earlier) view.append(el("div", "earlier", line));
}

function apply(next) {
  state = next;
  receivedAt = Date.now() / 1000;
  render();
}

async function refresh() {
  try {
    const response = await fetch("/api/board", { cache: "no-store" });
    if (response.ok) apply({ type: "state", ...(await response.json()) });
  } catch (error) {
    refresher = setTimeout(refresh, 5000); // the server is briefly away: the socket reconnects too
  }
}

function connect() {
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/board");
  ws.onopen = () => {
    backoff = 500;
    document.body.classList.remove("offline");
  };
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "state") apply(message);
  };
  ws.onclose = () => {
    document.body.classList.add("offline");
    setTimeout(connect, backoff * (0.75 + Math.random() / 2));
    backoff = Math.min(backoff * 2, 8000);
  };
}

connect();
