// The judges' page around textual.js (textual-serve's terminal client).
//
// textual.js starts the terminal in window.onload; this script, loaded right after it, runs
// first: it points the terminal at this server's /ws (whatever address the judge typed),
// picks a font size a phone can read, and waits for the local font so the terminal measures
// its cells with the font it will draw with. It keeps hold of the terminal's WebSocket to
// show why a session closed (the server says so in the close reason) and to send the keys a
// phone keyboard lacks from the row of buttons under the terminal.
(function () {
  "use strict";

  const MIN_FONT_PX = 14; // still readable on a phone held upright
  const MAX_FONT_PX = 20;
  const COLUMNS_WANTED = 80;
  const CELL_WIDTH_EM = 0.6; // Roboto Mono's advance width
  const KEYS = {
    tab: "\t",
    backtab: "\x1b[Z",
    up: "\x1b[A",
    down: "\x1b[B",
    enter: "\r",
    escape: "\x1b",
  };

  let socket = null;
  const NativeWebSocket = window.WebSocket;
  function TerminalSocket(url, protocols) {
    socket = new NativeWebSocket(url, protocols);
    socket.addEventListener("close", showCloseReason);
    return socket;
  }
  TerminalSocket.prototype = NativeWebSocket.prototype;
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) {
    TerminalSocket[name] = NativeWebSocket[name];
  }
  window.WebSocket = TerminalSocket;

  function showCloseReason(event) {
    if (event.reason) {
      document.getElementById("closed-message").textContent = event.reason;
    }
  }

  function fontSize() {
    const asked = parseInt(new URLSearchParams(location.search).get("fontsize"), 10);
    if (asked >= 6 && asked <= 64) {
      return asked;
    }
    const width = document.getElementById("screen").clientWidth;
    const fitting = Math.floor(width / (COLUMNS_WANTED * CELL_WIDTH_EM));
    return Math.max(MIN_FONT_PX, Math.min(MAX_FONT_PX, fitting));
  }

  function helperTextarea() {
    return document.querySelector(".xterm-helper-textarea");
  }

  function send(text) {
    if (socket && socket.readyState === NativeWebSocket.OPEN) {
      socket.send(JSON.stringify(["stdin", text]));
    }
  }

  function toggleKeyboard(button) {
    const textarea = helperTextarea();
    if (!textarea) {
      return;
    }
    const digits = textarea.getAttribute("inputmode") !== "decimal";
    textarea.setAttribute("inputmode", digits ? "decimal" : "text");
    button.textContent = digits ? button.dataset.letters : button.dataset.digits;
    button.classList.toggle("-on", digits);
    textarea.blur(); // the phone shows the other keyboard when the field is focused again
    textarea.focus();
  }

  function wireKeys() {
    for (const button of document.querySelectorAll("#keys button")) {
      // pointerdown, not click: the terminal keeps the focus, so the phone keyboard stays up
      button.addEventListener("pointerdown", (event) => {
        event.preventDefault();
        if (button.id === "keyboard") {
          toggleKeyboard(button);
        } else {
          send(KEYS[button.dataset.send]);
          const textarea = helperTextarea();
          if (textarea) {
            textarea.focus();
          }
        }
      });
    }
    document.getElementById("reconnect").addEventListener("click", () => location.reload());
  }

  const startTerminal = window.onload;
  window.onload = async (event) => {
    const terminal = document.getElementById("terminal");
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    terminal.dataset.sessionWebsocketUrl = scheme + location.host + "/ws";
    const size = fontSize();
    terminal.dataset.fontSize = String(size);
    try {
      await document.fonts.load(`${size}px "Roboto Mono"`);
    } catch (error) {
      // the terminal falls back to the next monospace font
    }
    wireKeys();
    startTerminal(event);
  };
})();
