// The learner's page of a class with sandboxes: join with the code and a name, then a terminal
// attached to their own sandbox. The key the server gives is kept in localStorage, so a reload or
// a dropped network comes back to the same sandbox (and its shell) instead of a new one.
"use strict";
(function () {
  const TEXT = {
    en: { intro: "Type the class code your instructor shows and your name to get your own terminal.",
      code: "Class code", name: "Your name", go: "Open my terminal", leave: "Leave",
      starting: "starting your sandbox… (the first time takes a few seconds)", open: "connected",
      closed: "disconnected; reconnecting…", gone: "this page's sandbox is no longer known; join again",
      failed: "could not open a terminal: " },
    ko: { intro: "강사가 보여 주는 수업 코드와 이름을 입력하면 나만의 터미널이 열려요.",
      code: "수업 코드", name: "이름", go: "내 터미널 열기", leave: "나가기",
      starting: "샌드박스를 시작하고 있어요… (처음에는 몇 초 걸려요)", open: "연결됨",
      closed: "연결이 끊겼어요. 다시 연결하는 중…", gone: "이 페이지의 샌드박스를 찾을 수 없어요. 다시 참여해 주세요",
      failed: "터미널을 열지 못했어요: " }
  };
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem("shellcamp.lang") || ((navigator.language || "").startsWith("ko") ? "ko" : "en");
  const t = (k) => TEXT[lang][k];

  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-lang]").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === lang)));
  }
  document.querySelectorAll("[data-lang]").forEach((b) => b.addEventListener("click", () => {
    lang = b.dataset.lang;
    localStorage.setItem("shellcamp.lang", lang);
    applyLang();
  }));

  const saved = () => { try { return JSON.parse(localStorage.getItem("shellcamp.sandbox") || "null"); } catch (e) { return null; } };

  async function open(code, name, key) {
    const r = await fetch("/api/sandboxes", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, name, lang, key: key || undefined }) });
    let body = {};
    try { body = await r.json(); } catch (e) { /* not JSON: said below */ }
    if (!r.ok) { const err = new Error(body.error || ("HTTP " + r.status)); err.status = r.status; throw err; }
    localStorage.setItem("shellcamp.sandbox", JSON.stringify({ code, name: body.name, key: body.key }));
    return body;
  }

  function showJoin(message) {
    $("term-box").hidden = true;
    $("join").hidden = false;
    $("error").textContent = message || "";
    const s = saved();
    if (s) { $("code").value = s.code; $("name").value = s.name; }
  }

  $("join").addEventListener("submit", async (e) => {
    e.preventDefault();
    $("go").disabled = true;
    $("error").textContent = t("starting");
    try {
      const s = saved();
      const same = s && s.code.replace(/[^a-z0-9]/gi, "").toUpperCase() === $("code").value.replace(/[^a-z0-9]/gi, "").toUpperCase()
        && s.name.trim().toLowerCase() === $("name").value.trim().toLowerCase();
      attach(await open($("code").value, $("name").value, same ? s.key : null));
    } catch (err) {
      $("error").textContent = t("failed") + err.message;
    } finally {
      $("go").disabled = false;
    }
  });

  $("leave").addEventListener("click", () => {
    localStorage.removeItem("shellcamp.sandbox");
    location.reload();
  });

  function attach(sb) {
    $("join").hidden = true;
    $("term-box").hidden = false;
    $("who").textContent = sb.name;
    const term = new Terminal({ cursorBlink: true, fontFamily: "'DejaVu Sans Mono', 'NanumGothicCoding', monospace",
      fontSize: 15, scrollback: 5000, theme: { background: "#1e1e1e" } });
    const fit = new FitAddon.FitAddon();
    term.loadAddon(fit);
    term.open($("term"));
    fit.fit();
    term.focus();
    window.shellcampTerm = term; // the browser test reads the screen from here
    let ws = null;
    let tries = 0;
    const state = (s) => { $("state").dataset.state = s; $("state").textContent = t(s); };
    const sendSize = () => { if (ws && ws.readyState === 1) ws.send(JSON.stringify({ resize: [term.cols, term.rows] })); };
    term.onData((d) => { if (ws && ws.readyState === 1) ws.send(d); });
    term.onResize(sendSize);
    window.addEventListener("resize", () => fit.fit());
    function connect() {
      state("starting");
      ws = new WebSocket(sb.terminal);
      ws.onopen = () => { tries = 0; state("open"); term.reset(); sendSize(); };
      ws.onmessage = (m) => term.write(m.data);
      ws.onclose = async (ev) => {
        state("closed");
        if (ev.code === 1008 || ev.code === 4401) { showJoin(t("gone")); return; }
        // a dropped network or a restarted server: back off, and ask again for the sandbox (it may
        // have been removed with the server) before reconnecting
        await new Promise((r) => setTimeout(r, Math.min(10000, 500 * 2 ** tries++)));
        const s = saved();
        try { sb = await open(s.code, s.name, s.key); connect(); } catch (err) {
          if (err.status === 401 || err.status === 403 || err.status === 409) showJoin(t("gone")); else connect();
        }
      };
    }
    connect();
  }

  applyLang();
  const s = saved();
  if (s && s.key) {
    open(s.code, s.name, s.key).then(attach).catch((err) => showJoin(t("failed") + err.message));
  } else {
    showJoin("");
  }
})();
