// The judge's score sheet. Plain script, no build step, nothing from another host.
// Rules: what is typed is kept in this browser (localStorage) until the server says it is
// committed; "tersimpan" shows only on that answer; the sheet follows the stage unless the
// judge is mid-edit; every check of a value is the server's (the terminal's own rules/words).
"use strict";

const EVENT = JSON.parse(document.getElementById("event").textContent);
const W = EVENT.words;
const $ = (id) => document.getElementById(id);
const say = (key, params) =>
  (W[key] || key).replace(/\{(\w+)\}/g, (_, name) => (params && name in params ? params[name] : ""));

let me = null; // this judge's state from the server (sheets, stage, lock, rechecks, csrf)
let current = null; // the entrant in the form
let waitingStage = null; // the stage moved while the judge was typing
let saving = false;
let socket = null;
let backoff = 500;
let reconnectTimer = null;
let checkSeq = 0;
let checkBusy = false;
let checkAgain = false;

// -- drafts: everything typed stays in this browser until the server has committed it ----

const draftKey = (entrant) => `ikm:${EVENT.event_key}:${me && me.judge}:${entrant}`;

function readDraft(entrant) {
  try {
    return JSON.parse(localStorage.getItem(draftKey(entrant)) || "null");
  } catch (_) {
    return null;
  }
}

function writeDraft() {
  if (!current || !me) return;
  const values = typed();
  if (same(values, baseline(current)) && noteText() === storedNote(current)) {
    localStorage.removeItem(draftKey(current));
  } else {
    localStorage.setItem(draftKey(current), JSON.stringify({ values, note: noteText(), at: Date.now() }));
  }
}

// -- what is stored, what is typed --------------------------------------------------------

function baseline(entrant) {
  const sheet = me && me.sheets[entrant];
  const values = {};
  for (const c of EVENT.criteria) values[c.id] = sheet && sheet.values[c.id] ? sheet.values[c.id] : "";
  return values;
}

function typed() {
  const values = {};
  for (const c of EVENT.criteria) values[c.id] = field(c.id).value;
  return values;
}

const field = (id) => $("score-" + id);
const noteText = () => (EVENT.notes ? $("note").value : "");
const storedNote = (entrant) => (EVENT.notes && me && me.notes[entrant]) || "";
const same = (a, b) => EVENT.criteria.every((c) => (a[c.id] || "") === (b[c.id] || ""));

function midEdit() {
  return (
    saving || (current !== null && (!same(typed(), baseline(current)) || noteText() !== storedNote(current)))
  );
}

// -- talking to the server ------------------------------------------------------------------

async function call(path, body, write) {
  const headers = { "Content-Type": "application/json" };
  if (write && me) headers["X-CSRF-Token"] = me.csrf;
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  let data = {};
  try {
    data = await response.json();
  } catch (_) {
    /* an answer without JSON: status alone */
  }
  return { status: response.status, data };
}

async function loadMe() {
  let answer;
  try {
    answer = await call("/api/me");
  } catch (_) {
    setLink(false);
    scheduleReconnect();
    return;
  }
  if (answer.status === 401) {
    showSignIn(me ? say("serve.page.signed_out") : "");
    return;
  }
  if (answer.status !== 200) return;
  applyState(answer.data);
  connect();
}

// -- server push, reconnecting with back-off ------------------------------------------------

function connect() {
  if (socket || !me) return;
  clearTimeout(reconnectTimer);
  const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => {
    backoff = 500;
    setLink(true);
  };
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "state") applyState(message);
    else if (message.type === "signed_out") showSignIn(say("judge.code_revoked"));
  };
  ws.onclose = () => {
    if (socket === ws) socket = null;
    if (!me) return;
    setLink(false);
    scheduleReconnect();
  };
}

function scheduleReconnect() {
  clearTimeout(reconnectTimer);
  const wait = backoff * (0.75 + Math.random() / 2);
  backoff = Math.min(backoff * 2, 8000);
  reconnectTimer = setTimeout(loadMe, wait);
}

function setLink(online) {
  const link = $("link");
  link.textContent = online ? say("serve.page.online") : say("serve.page.offline");
  link.className = online ? "online" : "offline";
  document.body.classList.toggle("is-offline", !online);
}

// -- signing in -----------------------------------------------------------------------------

function showSignIn(message) {
  me = null;
  current = null;
  if (socket) socket.close();
  socket = null;
  $("sheet").hidden = true;
  $("save-bar").hidden = true;
  $("sign-out").hidden = true;
  $("who").textContent = EVENT.title;
  $("link").textContent = "";
  $("sign-in").hidden = false;
  $("sign-in-message").textContent = message || "";
  if (EVENT.codes) $("code").focus();
}

async function signIn(judge, code) {
  const button = $("sign-in-button");
  button.disabled = true;
  $("sign-in-message").textContent = say("judge.code_checking");
  try {
    const answer = await call("/api/sign-in", { judge, code });
    if (answer.status === 200) {
      $("code").value = "";
      $("sign-in-message").textContent = "";
      await loadMe();
      return;
    }
    $("sign-in-message").textContent = "✗ " + (answer.data.message || answer.status);
    const wait = (answer.data.wait || 0) * 1000;
    setTimeout(() => (button.disabled = false), wait);
    return;
  } catch (_) {
    $("sign-in-message").textContent = say("serve.page.offline");
  }
  button.disabled = false;
}

function cardSignIn() {
  // The access card's QR: /#j=J1&c=K7M-4QX. The fragment never reaches the server's logs,
  // and it is wiped from the address bar and history at once.
  if (!location.hash) return false;
  const params = new URLSearchParams(location.hash.slice(1));
  history.replaceState(null, "", location.pathname);
  if (!params.get("c")) return false;
  showSignIn("");
  signIn(params.get("j") || null, params.get("c"));
  return true;
}

// -- the state from the server --------------------------------------------------------------

function applyState(state) {
  const first = me === null;
  const stageBefore = me && me.on_stage;
  me = state;
  $("sign-in").hidden = true;
  $("sheet").hidden = false;
  $("save-bar").hidden = false;
  $("sign-out").hidden = false;
  $("who").textContent = state.name;
  if (first) {
    const start = state.on_stage || firstOpen() || EVENT.entrants[0].id;
    openSheet(start);
    document.body.dataset.readyMs = String(Math.round(performance.now())); // benchmarks/phone.py
  } else if (state.on_stage !== stageBefore && state.on_stage && state.on_stage !== current) {
    if (midEdit()) waitingStage = state.on_stage;
    else openSheet(state.on_stage);
  } else if (!midEdit() && current) {
    fill(current); // this judge's own sheet may have changed elsewhere (terminal, import)
  }
  showList();
  showHeader();
  showLock();
}

function firstOpen() {
  const open = EVENT.entrants.find((e) => !me.sheets[e.id]);
  return open ? open.id : null;
}

// -- the sheet ------------------------------------------------------------------------------

function buildForm() {
  const form = $("form");
  EVENT.criteria.forEach((c, index) => {
    const box = document.createElement("div");
    box.className = "criterion";
    const label = document.createElement("label");
    label.htmlFor = "score-" + c.id;
    label.textContent = c.name;
    const input = document.createElement("input");
    input.id = "score-" + c.id;
    input.name = c.id;
    input.inputMode = "decimal";
    input.autocomplete = "off";
    input.placeholder = c.placeholder;
    input.dataset.min = c.min;
    input.dataset.max = c.max;
    input.dataset.step = c.step;
    input.setAttribute("enterkeyhint", index === EVENT.criteria.length - 1 ? "done" : "next");
    input.setAttribute("aria-describedby", "scale-" + c.id + " problem-" + c.id);
    const scale = document.createElement("span");
    scale.id = "scale-" + c.id;
    scale.className = "scale";
    scale.textContent = c.scale;
    const problem = document.createElement("p");
    problem.id = "problem-" + c.id;
    problem.className = "problem";
    problem.setAttribute("role", "alert");
    box.append(label, input, scale, problem);
    form.append(box);
    input.addEventListener("input", onTyping);
    input.addEventListener("focus", () => {
      input.select(); // as in the terminal: the first key typed replaces the stored value
      keepInView(input);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const next = EVENT.criteria[index + 1];
      if (next) field(next.id).focus();
      else save();
    });
  });
}

function openSheet(entrant) {
  if (current && current !== entrant) writeDraft();
  current = entrant;
  if (waitingStage === entrant) waitingStage = null;
  $("entrant").value = entrant;
  fill(entrant);
  $("reason").value = "";
  $("recuse-box").open = false;
  setState("", "");
  showHeader();
  showList();
}

function fill(entrant) {
  const draft = readDraft(entrant);
  const values = draft ? draft.values : baseline(entrant);
  for (const c of EVENT.criteria) {
    field(c.id).value = values[c.id] || "";
    showProblem(c.id, "");
  }
  if (EVENT.notes) {
    $("note").value = draft ? draft.note || "" : storedNote(entrant);
    showProblem("note", "");
  }
  check();
  if (draft) setState(say("serve.page.draft_kept"), "unsaved");
}

function onTyping() {
  writeDraft();
  check();
  setState(midEdit() ? say("judge.unsaved") : "", midEdit() ? "unsaved" : "");
  showList();
}

async function check() {
  // One check in flight at a time; the newest values win.
  if (checkBusy) {
    checkAgain = true;
    return;
  }
  checkBusy = true;
  const seq = ++checkSeq;
  const values = typed();
  try {
    const answer = await call("/api/check", { values });
    if (answer.status === 200 && seq === checkSeq && current) {
      for (const c of EVENT.criteria) {
        if (field(c.id).value === values[c.id]) showProblem(c.id, answer.data.problems[c.id] || "");
      }
      $("total").textContent = answer.data.total;
    }
  } catch (_) {
    /* offline: the values are checked again on save */
  }
  checkBusy = false;
  if (checkAgain) {
    checkAgain = false;
    check();
  }
}

function showProblem(id, text) {
  const input = id === "note" ? $("note") : field(id);
  const shown = $("problem-" + id).textContent;
  $("problem-" + id).textContent = text;
  if (text && !shown && document.activeElement === input) keepInView(input);
  input.classList.toggle("invalid", text !== "");
  input.setAttribute("aria-invalid", text !== "" ? "true" : "false");
}

function keepInView(element) {
  // The field being typed stays between the top bar and the save bar, keyboard up or down.
  const box = element.closest(".criterion") || element;
  requestAnimationFrame(() => box.scrollIntoView({ block: "nearest" }));
}

// -- saving ---------------------------------------------------------------------------------

async function save() {
  if (saving || !current || !me || me.locked) return;
  const entrant = current;
  const values = typed();
  const note = noteText();
  saving = true;
  $("save").disabled = true;
  setState(say("judge.saving"), "saving");
  let answer;
  try {
    answer = await call("/api/save", { entrant, values, note }, true);
  } catch (_) {
    answer = null;
  }
  saving = false;
  $("save").disabled = false;
  if (answer && answer.status === 200) {
    const draft = readDraft(entrant);
    if (draft && same(draft.values, values) && (draft.note || "") === note) {
      localStorage.removeItem(draftKey(entrant));
    }
    if (!Object.values(values).every((v) => !v.trim())) me.sheets[entrant] = { status: "scored", values, stored: "" };
    if (EVENT.notes) me.notes[entrant] = note.trim();
    setState(answer.data.message, "saved");
    afterSave();
    return;
  }
  if (answer && answer.status === 422 && answer.data.problems) {
    for (const c of EVENT.criteria) showProblem(c.id, answer.data.problems[c.id] || "");
    if (EVENT.notes) showProblem("note", answer.data.problems.note || "");
    const wrong = EVENT.criteria.find((c) => answer.data.problems[c.id]);
    if (wrong) field(wrong.id).focus();
    else if (answer.data.problems.note) $("note").focus();
    setState(answer.data.message, "error");
    return;
  }
  if (answer && answer.status === 401) {
    showSignIn(answer.data.message);
    return;
  }
  const detail = answer ? answer.data.message || String(answer.status) : say("serve.page.not_sent");
  setState(detail + " " + say("serve.page.draft_kept"), "error");
}

async function recuse() {
  const reason = $("reason").value.trim();
  if (!reason) {
    setState(say("judge.recuse_needs_reason"), "error");
    $("reason").focus();
    return;
  }
  if (saving || !current || !me || me.locked) return;
  const entrant = current;
  saving = true;
  setState(say("judge.saving"), "saving");
  let answer;
  try {
    answer = await call("/api/recuse", { entrant, reason }, true);
  } catch (_) {
    answer = null;
  }
  saving = false;
  if (answer && answer.status === 200) {
    localStorage.removeItem(draftKey(entrant));
    me.sheets[entrant] = { status: "recused", values: {}, stored: "" };
    $("recuse-box").open = false;
    setState(answer.data.message, "saved");
    afterSave();
    return;
  }
  setState(answer ? answer.data.message : say("serve.page.not_sent"), "error");
}

function afterSave() {
  if (waitingStage && waitingStage !== current) {
    const message = $("save-state").textContent;
    openSheet(waitingStage);
    setState(message, "saved");
  } else {
    fill(current);
    setState($("save-state").textContent, "saved");
  }
  showList();
  showHeader();
}

function setState(text, kind) {
  const state = $("save-state");
  state.textContent = text;
  state.className = kind;
}

// -- showing --------------------------------------------------------------------------------

function status(entrant) {
  const sheet = me.sheets[entrant];
  const parts = [];
  if (entrant === me.on_stage) parts.push("▶");
  let word = say("judge.status_not_scored");
  if (sheet && sheet.status === "recused") word = say("judge.status_recused");
  else if (sheet) word = say("judge.status_scored") + " " + (sheet.total || "");
  if (entrant === current ? midEdit() : readDraft(entrant)) word += " · " + say("judge.status_draft");
  if (me.rechecks.includes(entrant)) word += " · " + say("judge.status_recheck");
  return { mark: parts.join(""), word: word.trim() };
}

function showList() {
  if (!me) return;
  const select = $("entrant");
  if (select.options.length !== EVENT.entrants.length) {
    select.textContent = "";
    for (const e of EVENT.entrants) select.append(new Option("", e.id));
  }
  EVENT.entrants.forEach((e, index) => {
    const s = status(e.id);
    const text = `${s.mark ? s.mark + " " : ""}${e.id} · ${e.business} — ${s.word}`;
    if (select.options[index].text !== text) select.options[index].text = text;
  });
  if (current) select.value = current;
  const done = EVENT.entrants.filter((e) => me.sheets[e.id]).length;
  const progress = say("serve.page.progress", { done, total: EVENT.entrants.length });
  if ($("progress").textContent !== progress) $("progress").textContent = progress;
}

function showHeader() {
  if (!me || !current) return;
  const entrant = EVENT.entrants.find((e) => e.id === current);
  const onStage = current === me.on_stage;
  $("entrant-title").textContent = (onStage ? "▶ " : "") + `${entrant.id} · ${entrant.business}`;
  $("entrant-sub").textContent = (onStage ? say("judge.on_stage") + " · " : "") + entrant.sub;
  const sheet = me.sheets[current];
  $("stored").textContent = sheet && sheet.stored ? sheet.stored : "";
  const notices = $("notices");
  notices.textContent = "";
  if (me.rechecks.includes(current)) notice(say("judge.recheck", { entrant: current }), "recheck");
  if (waitingStage && waitingStage !== current) {
    const button = notice(say("serve.page.stage_moved", { entrant: waitingStage }), "stage", true);
    button.addEventListener("click", () => openSheet(waitingStage));
  }
  const others = me.rechecks.filter((e) => e !== current);
  if (others.length) notice(say("judge.recheck_list", { entrants: others.join(", ") }), "recheck");
}

function notice(text, kind, clickable) {
  const element = document.createElement(clickable ? "button" : "p");
  element.type = clickable ? "button" : undefined;
  element.className = "notice " + kind;
  element.textContent = text;
  $("notices").append(element);
  return element;
}

function showLock() {
  const locked = !!(me && me.locked);
  document.body.classList.toggle("locked", locked);
  for (const c of EVENT.criteria) field(c.id).readOnly = locked;
  $("save").hidden = locked;
  $("recuse-box").hidden = locked;
  if (locked) notice(say("results.locked"), "locked");
}

// -- start ----------------------------------------------------------------------------------

function start() {
  document.documentElement.lang = EVENT.lang;
  $("sign-in-title").textContent = say(EVENT.codes ? "judge.code_title" : "judge.choose_title");
  $("sign-in-prompt").textContent = EVENT.codes ? say("judge.code_prompt_any") : "";
  $("code").placeholder = say("judge.code_placeholder");
  $("sign-in-button").textContent = say("serve.page.sign_in");
  $("sign-out").textContent = say("judge.key.quit");
  $("save").textContent = say("judge.button_save");
  $("recuse-summary").textContent = say("judge.button_recuse");
  $("reason-label").textContent = say("judge.recuse_prompt");
  $("recuse").textContent = say("judge.button_ok");
  $("note-label").textContent = say("serve.page.note");
  $("note").placeholder = say("serve.page.note_hint");
  $("note-box").hidden = !EVENT.notes;
  if (!EVENT.codes) {
    const pick = $("judge-pick");
    pick.hidden = false;
    $("code").hidden = true;
    for (const j of EVENT.judges) pick.append(new Option(`${j.id} · ${j.name}`, j.id));
  }
  buildForm();
  $("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (EVENT.codes) signIn(null, $("code").value);
    else signIn($("judge-pick").value, "");
  });
  $("entrant").addEventListener("change", () => openSheet($("entrant").value));
  $("save").addEventListener("click", save);
  $("recuse").addEventListener("click", recuse);
  $("note").addEventListener("input", onTyping);
  $("sign-out").addEventListener("click", async () => {
    writeDraft();
    try {
      await call("/api/sign-out", {});
    } catch (_) {
      /* signed out here anyway */
    }
    showSignIn("");
  });
  window.addEventListener("pagehide", writeDraft);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && me && !socket) loadMe();
  });
  if (window.visualViewport) {
    window.visualViewport.addEventListener("resize", () => {
      if (document.activeElement && document.activeElement.tagName === "INPUT") keepInView(document.activeElement);
    });
  }
  if (!cardSignIn()) loadMe();
}

start();
