// The class board (docs/class.md): a live table of learners, per-step figures, a learner's
// timeline, notes and settings. Plain DOM, no framework, no build step. Every text from a
// learner (names, reasons) goes in through textContent, never as HTML.
'use strict';

(() => {
  // ---- Every visible string, in both languages -------------------------------------------------
  // Korean is plain polite 해요체, as an instructor would say it. A value is text with {name}
  // slots, or a function of those values where English needs a plural.
  const STRINGS = {
    en: {
      'title': 'shellcamp class board',
      'learners.title': 'Learners',
      'summary': (v) => (v.n === 1 ? '1 learner' : `${v.n} learners`),
      'summary.stuck': '{n} stuck',
      'join': 'Join with code',
      'export.title': 'Export',
      'export.csv': 'Learners (CSV)',
      'export.xapi': 'Events (xAPI)',
      'export.failed': 'Export failed: {error}',
      'live.connecting': 'Connecting…',
      'live.live': 'Live',
      'live.reconnecting': 'Reconnecting in {s} s…',
      'live.off': 'Not connected',
      'col.name': 'Learner',
      'col.where': 'Lesson · step',
      'col.time': 'On step',
      'col.fails': 'Failed checks',
      'col.reason': 'Last failure',
      'col.help': 'Help used',
      'col.actions': 'Actions',
      'status.stuck': 'Stuck',
      'status.working': 'Working',
      'status.joined': 'Not started',
      'status.idle': 'Idle',
      'status.done': 'Done',
      'status.left': 'Left',
      'where.step': 'step {i}/{n}',
      'where.done': 'lesson done',
      'help.hints': (v) => (v.n === 1 ? '1 hint' : `${v.n} hints`),
      'help.solutions': (v) => (v.n === 1 ? '1 solution' : `${v.n} solutions`),
      'help.skips': (v) => (v.n === 1 ? '1 skip' : `${v.n} skips`),
      'help.title': 'hints · solutions · skips',
      'row.hint': 'Hint',
      'row.hintFor': 'Send {name} a hint',
      'empty': 'No learners yet. Learners join with the class code that “shellcamp class serve” printed: shellcamp --class URL --code CODE --name NAME',
      'broadcast.title': 'Note to everyone',
      'broadcast.placeholder': 'e.g. Break until 3:10, then lesson 2',
      'broadcast.send': 'Send to everyone',
      'broadcast.sending': 'Sending…',
      'broadcast.sent': (v) => (v.n === 1 ? 'Sent to 1 learner.' : `Sent to ${v.n} learners.`),
      'stats.title': 'Steps across the class',
      'stats.step': 'Step',
      'stats.here': 'Here',
      'stats.stuck': 'Stuck',
      'stats.fails': 'Failed checks',
      'stats.median': 'Median to pass',
      'stats.hot': 'most stuck',
      'stats.empty': 'No one is on a step yet.',
      'settings.title': 'When is a learner stuck?',
      'settings.minutes': 'Minutes on one step',
      'settings.fails': 'Failed checks on one step',
      'settings.either': 'Either one is enough.',
      'settings.save': 'Save',
      'settings.saved': 'Saved.',
      'panel.close': 'Close',
      'panel.counts': (v) => `${v.fails === 1 ? '1 failed check' : `${v.fails} failed checks`} on this step · `
          + `${v.passed === 1 ? '1 step' : `${v.passed} steps`} passed`,
      'hint.label': 'A hint for {name} only',
      'hint.send': 'Send hint',
      'hint.sent': 'Sent to {name}.',
      'timeline.title': 'Timeline, newest first',
      'timeline.empty': 'Nothing yet.',
      'ev.joined': 'joined the class',
      'ev.lesson_started': 'started the lesson',
      'ev.step_entered': 'entered the step',
      'ev.check_failed': 'check failed',
      'ev.hint': 'asked for a hint',
      'ev.solution': 'looked at the solution',
      'ev.skip': 'skipped the step',
      'ev.step_passed': 'passed the step',
      'ev.lesson_completed': 'completed the lesson',
      'ev.idle': 'went idle',
      'ev.left': 'left the class',
      'error.send': 'Could not send: {e}',
      'error.network': 'the class server did not answer',
      'gate.missing.title': 'Open the board with its link',
      'gate.missing.text': 'This page needs the instructor’s link: the “board:” line that “shellcamp class serve” printed when it started. The part after #token= is the instructor’s token; keep it to yourself.',
      'gate.rejected.title': 'The class server did not accept this link',
      'gate.rejected.text': 'The token in this link is wrong or belongs to another class. Open the link on the “board:” line that “shellcamp class serve” printed for this class.',
    },
    ko: {
      'title': 'shellcamp 수업 보드',
      'learners.title': '학습자',
      'summary': '학습자 {n}명',
      'summary.stuck': '{n}명 막힘',
      'join': '참여 코드',
      'export.title': '내보내기',
      'export.csv': '학습자 목록 (CSV)',
      'export.xapi': '활동 기록 (xAPI)',
      'export.failed': '내보내지 못했어요: {error}',
      'live.connecting': '연결하는 중…',
      'live.live': '실시간',
      'live.reconnecting': '{s}초 뒤에 다시 연결해요…',
      'live.off': '연결 안 됨',
      'col.name': '학습자',
      'col.where': '레슨 · 단계',
      'col.time': '머문 시간',
      'col.fails': '검사 실패',
      'col.reason': '마지막 실패 이유',
      'col.help': '받은 도움',
      'col.actions': '동작',
      'status.stuck': '막힘',
      'status.working': '진행 중',
      'status.joined': '시작 전',
      'status.idle': '자리 비움',
      'status.done': '완료',
      'status.left': '나감',
      'where.step': '{n}단계 중 {i}단계',
      'where.done': '레슨 완료',
      'help.hints': '힌트 {n}',
      'help.solutions': '풀이 {n}',
      'help.skips': '건너뜀 {n}',
      'help.title': '힌트 · 풀이 · 건너뜀',
      'row.hint': '힌트',
      'row.hintFor': '{name} 님에게 힌트 보내기',
      'empty': '아직 참여한 학습자가 없어요. 학습자는 “shellcamp class serve”가 출력한 수업 코드로 참여해요: shellcamp --class URL --code 코드 --name 이름',
      'broadcast.title': '전체 공지',
      'broadcast.placeholder': '예: 3시 10분까지 쉬고 2강을 시작해요',
      'broadcast.send': '모두에게 보내기',
      'broadcast.sending': '보내는 중…',
      'broadcast.sent': '학습자 {n}명에게 보냈어요.',
      'stats.title': '단계별 현황',
      'stats.step': '단계',
      'stats.here': '인원',
      'stats.stuck': '막힘',
      'stats.fails': '검사 실패',
      'stats.median': '통과 시간 (중앙값)',
      'stats.hot': '가장 많이 막힘',
      'stats.empty': '아직 단계를 진행 중인 학습자가 없어요.',
      'settings.title': '막힘 기준',
      'settings.minutes': '한 단계에 머문 시간(분)',
      'settings.fails': '한 단계에서 검사에 실패한 횟수',
      'settings.either': '둘 중 하나만 넘어도 막힌 것으로 봐요.',
      'settings.save': '저장',
      'settings.saved': '저장했어요.',
      'panel.close': '닫기',
      'panel.counts': '이 단계에서 검사 실패 {fails}번 · 통과한 단계 {passed}개',
      'hint.label': '{name} 님에게만 보낼 힌트',
      'hint.send': '힌트 보내기',
      'hint.sent': '{name} 님에게 보냈어요.',
      'timeline.title': '활동 기록 (최근 순)',
      'timeline.empty': '아직 기록이 없어요.',
      'ev.joined': '수업에 참여했어요',
      'ev.lesson_started': '레슨을 시작했어요',
      'ev.step_entered': '단계에 들어왔어요',
      'ev.check_failed': '검사에 실패했어요',
      'ev.hint': '힌트를 봤어요',
      'ev.solution': '풀이를 봤어요',
      'ev.skip': '단계를 건너뛰었어요',
      'ev.step_passed': '단계를 통과했어요',
      'ev.lesson_completed': '레슨을 마쳤어요',
      'ev.idle': '자리를 비웠어요',
      'ev.left': '수업에서 나갔어요',
      'error.send': '보내지 못했어요: {e}',
      'error.network': '수업 서버가 응답하지 않아요',
      'gate.missing.title': '보드 링크로 열어 주세요',
      'gate.missing.text': '이 페이지는 강사용 링크로 열어야 해요. “shellcamp class serve”를 시작할 때 출력된 “board:” 줄의 링크예요. 링크에서 #token= 뒷부분이 강사용 토큰이니 다른 사람에게 보여 주지 마세요.',
      'gate.rejected.title': '수업 서버가 이 링크를 받지 않았어요',
      'gate.rejected.text': '링크의 토큰이 틀렸거나 다른 수업의 토큰이에요. 이 수업에서 “shellcamp class serve”가 출력한 “board:” 줄의 링크를 열어 주세요.',
    },
  };

  const LANG_KEY = 'shellcamp.board.lang';
  const TOKEN_KEY = 'shellcamp.board.token';
  const RANK = { stuck: 0, working: 1, joined: 2, idle: 3, done: 4, left: 5 };
  const STREAM_SILENCE_MS = 40_000; // the server pings every 15 s; this long without a byte is a dead line

  const state = {
    token: null,
    lang: 'en',
    rows: new Map(), // learner id -> row as the server sent it
    stats: [],
    stepNames: new Map(), // "lesson#index" -> step id, remembered once seen
    settings: null,
    settingsAt: 0,
    settingsDirty: false,
    offset: 0, // the server's clock minus ours
    offsetKnown: false,
    selected: null,
    timeline: { id: null, events: [], loaded: false },
    timelineAsk: 0,
    live: 'connecting',
    retryAt: 0,
    stream: null, // AbortController of the open stream
    stopped: false,
    gate: null,
    results: {}, // element id -> {key, vars, error}: re-said when the language changes
  };
  const views = new Map(); // learner id -> that learner's table row and its cells

  class AuthError extends Error {}

  // ---- Small helpers --------------------------------------------------------------------------
  const $ = (id) => document.getElementById(id);

  function t(key, vars = {}) {
    const s = STRINGS[state.lang][key] ?? STRINGS.en[key] ?? key;
    const text = typeof s === 'function' ? s(vars) : s;
    return text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Sets text only when it changed, so a ticking table does not churn the DOM. */
  function set(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  function serverNow() {
    return Date.now() + state.offset;
  }

  /** Times come from the server's clock; the instructor's laptop may be minutes off. */
  function serverTime(ms, precise) {
    const offset = ms - Date.now();
    if (precise || !state.offsetKnown || Math.abs(offset - state.offset) > 2000) {
      state.offset = offset;
      state.offsetKnown = true;
    }
  }

  function clockFrom(res) {
    const d = Date.parse(res.headers.get('Date') || '');
    if (!Number.isNaN(d)) serverTime(d + 500, false); // the header has whole seconds
  }

  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const two = (n) => String(n).padStart(2, '0');
    return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
  }

  function clockTime(serverMs) {
    const d = new Date(serverMs - state.offset);
    const two = (n) => String(n).padStart(2, '0');
    return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  }

  function reasonText(reason) {
    if (!reason) return '';
    return reason[state.lang] || reason.en || '';
  }

  // ---- The API --------------------------------------------------------------------------------
  async function api(method, path, body) {
    const init = { method, cache: 'no-store', headers: { Authorization: `Bearer ${state.token}` } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new Error(t('error.network'));
    }
    clockFrom(res);
    if (res.status === 401) {
      showGate('rejected');
      throw new AuthError('401');
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch (e) {
      data = null;
    }
    if (!res.ok) throw new Error(data && data.error ? data.error : `HTTP ${res.status}`);
    return data;
  }

  // ---- The live stream: server-sent events read with fetch (EventSource sends no headers) ------
  async function streamOnce(onData) {
    const ctl = new AbortController();
    state.stream = ctl;
    let lastByte = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - lastByte > STREAM_SILENCE_MS) ctl.abort();
    }, 5000);
    try {
      const res = await fetch('/api/stream', {
        cache: 'no-store', signal: ctl.signal, headers: { Authorization: `Bearer ${state.token}` },
      });
      clockFrom(res);
      if (res.status === 401) throw new AuthError('401');
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      setLive('live');
      loadSettings();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        lastByte = Date.now();
        onData();
        buffer = (buffer + value).replace(/\r\n/g, '\n');
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
      }
    } finally {
      clearInterval(watchdog);
      state.stream = null;
    }
  }

  function dispatch(block) {
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    let payload;
    try {
      payload = JSON.parse(data.join('\n'));
    } catch (e) {
      return;
    }
    if (type === 'learner') {
      state.rows.set(payload.id, payload);
      if (payload.id === state.selected) refreshTimelineSoon();
    } else if (type === 'stats') {
      state.stats = Array.isArray(payload) ? payload : [];
      // settings changed on another board reach us as new rows and stats: catch up on them
      if (Date.now() - state.settingsAt > 5000) loadSettings();
    } else if (type === 'ping') {
      serverTime(Number(payload), true);
    }
    renderSoon();
  }

  async function live() {
    let delay = 1000;
    while (!state.stopped) {
      let got = false;
      try {
        await streamOnce(() => { got = true; });
      } catch (e) {
        if (e instanceof AuthError) {
          showGate('rejected');
          return;
        }
      }
      if (state.stopped) return;
      if (got) delay = 1000;
      state.retryAt = Date.now() + delay;
      setLive('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15_000);
    }
  }

  function setLive(what) {
    state.live = what;
    renderLive();
  }

  function renderLive() {
    const node = $('live');
    node.dataset.state = state.live;
    const s = Math.max(1, Math.ceil((state.retryAt - Date.now()) / 1000));
    set(node, t(`live.${state.live}`, { s }));
  }

  // ---- Who is stuck, and in what state each learner is ----------------------------------------
  function stuckNow(r, now) {
    if (!r.step || r.idle || r.left) return false;
    const s = state.settings;
    if (!s) return !!r.stuck;
    return r.fails >= s.stuck_fails || now - r.since >= s.stuck_minutes * 60_000;
  }

  function statusOf(r, now) {
    if (r.left) return 'left';
    if (r.idle) return 'idle';
    if (!r.step) return r.completed > 0 ? 'done' : 'joined';
    return stuckNow(r, now) ? 'stuck' : 'working';
  }

  function stepText(r, status) {
    if (status === 'done') return t('where.done');
    if (!r.step || r.index < 0) return '';
    return t('where.step', { i: r.index + 1, n: r.total });
  }

  function helpText(r) {
    const parts = [];
    if (r.hints) parts.push(t('help.hints', { n: r.hints }));
    if (r.solutions) parts.push(t('help.solutions', { n: r.solutions }));
    if (r.skips) parts.push(t('help.skips', { n: r.skips }));
    // each count stays on one line ("힌트 1", not "힌트" over "1"); the list may wrap between them
    return parts.length ? parts.map((p) => p.replace(/ /g, '\u00a0')).join(' · ') : '—';
  }

  // ---- Rendering ------------------------------------------------------------------------------
  let renderPending = false;
  function renderSoon() {
    if (renderPending) return;
    renderPending = true;
    setTimeout(() => {
      renderPending = false;
      render();
    }, 30);
  }

  function render() {
    if (state.gate) return;
    const now = serverNow();
    renderLearners(now);
    renderStats(now);
    renderPanel(now);
    renderLive();
  }

  function rowView(id) {
    let v = views.get(id);
    if (v) return v;
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.id = id;
    v = { tr };
    const td = (cls) => tr.appendChild(el('td', cls));
    const who = td('who');
    v.name = who.appendChild(el('div', 'name'));
    v.badge = who.appendChild(el('span', 'badge'));
    const where = td('where');
    v.lesson = where.appendChild(el('div', 'lesson'));
    const step = where.appendChild(el('div', 'step'));
    v.stepNo = step.appendChild(el('span', 'step-no'));
    step.append(' ');
    v.stepId = step.appendChild(el('code', 'step-id'));
    v.time = td('num time');
    v.fails = td('num fails');
    v.reason = td('reason-cell').appendChild(el('div', 'reason'));
    v.help = td('help');
    v.hint = td('act').appendChild(el('button', 'hint-btn'));
    v.hint.type = 'button';
    tr.addEventListener('click', () => openPanel(id, false));
    tr.addEventListener('keydown', (e) => {
      if (e.target === tr && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        openPanel(id, false);
      }
    });
    v.hint.addEventListener('click', (e) => {
      e.stopPropagation();
      openPanel(id, true);
    });
    views.set(id, v);
    return v;
  }

  function fillRow(v, r, status, now) {
    v.tr.className = `st-${status}${state.selected === r.id ? ' selected' : ''}`;
    v.badge.className = `badge ${status}`;
    set(v.badge, t(`status.${status}`));
    set(v.name, r.name);
    set(v.lesson, r.lesson || '—');
    set(v.stepNo, stepText(r, status));
    set(v.stepId, status === 'done' ? '' : r.step || '');
    const onStep = r.step && status !== 'left';
    set(v.time, onStep ? duration(now - r.since) : '—');
    set(v.fails, onStep ? String(r.fails) : '—');
    v.fails.classList.toggle('bad', onStep && state.settings != null && r.fails >= state.settings.stuck_fails);
    const reason = onStep ? reasonText(r.last_reason) : '';
    set(v.reason, reason);
    v.reason.title = reason;
    set(v.help, helpText(r));
    v.help.title = t('help.title');
    set(v.hint, t('row.hint'));
    v.hint.setAttribute('aria-label', t('row.hintFor', { name: r.name }));
  }

  function renderLearners(now) {
    const list = [...state.rows.values()].map((r) => ({ r, status: statusOf(r, now) }));
    list.sort((a, b) => RANK[a.status] - RANK[b.status]
        || (a.status === 'stuck' ? a.r.since - b.r.since : 0)
        || a.r.name.localeCompare(b.r.name, state.lang));
    const tbody = $('learners').tBodies[0];
    let previous = null;
    for (const { r, status } of list) {
      const v = rowView(r.id);
      fillRow(v, r, status, now);
      const wanted = previous ? previous.nextSibling : tbody.firstChild;
      if (wanted !== v.tr) tbody.insertBefore(v.tr, wanted);
      previous = v.tr;
    }
    $('empty').hidden = list.length > 0;

    const present = list.filter((x) => x.status !== 'left').length;
    const stuck = list.filter((x) => x.status === 'stuck').length;
    const summary = $('summary');
    summary.replaceChildren(el('span', 'count', t('summary', { n: present })));
    if (stuck > 0) summary.append(' ', el('span', 'stuck-count', t('summary.stuck', { n: stuck })));
  }

  /** Per step: who is there and stuck now from the rows (ticking with them), medians from the server. */
  function renderStats(now) {
    const steps = new Map();
    const entry = (lesson, index) => {
      const key = `${lesson}#${index}`;
      if (!steps.has(key)) steps.set(key, { key, lesson, index, here: 0, stuck: 0, fails: 0, median: -1 });
      return steps.get(key);
    };
    for (const s of state.stats) {
      if (s.step) state.stepNames.set(`${s.lesson}#${s.index}`, s.step);
      entry(s.lesson, s.index).median = s.median_ms ?? -1;
    }
    for (const r of state.rows.values()) {
      if (!r.step || r.left || r.lesson == null) continue;
      state.stepNames.set(`${r.lesson}#${r.index}`, r.step);
      const e = entry(r.lesson, r.index);
      e.here++;
      e.fails += r.fails;
      if (stuckNow(r, now)) e.stuck++;
    }
    const list = [...steps.values()].sort((a, b) => (a.lesson === b.lesson
        ? a.index - b.index : a.lesson.localeCompare(b.lesson)));
    const most = Math.max(0, ...list.map((e) => e.stuck));
    const tbody = $('stats').tBodies[0];
    const rows = [];
    let lesson = null;
    for (const e of list) {
      if (e.lesson !== lesson) {
        lesson = e.lesson;
        const head = el('tr', 'lesson');
        const th = head.appendChild(el('th', '', lesson));
        th.colSpan = 5;
        rows.push(head);
      }
      const tr = el('tr', most > 0 && e.stuck === most ? 'hot' : '');
      const name = tr.appendChild(el('td', 'stat-step'));
      name.append(el('span', 'step-no', String(e.index + 1)), ' ', el('code', 'step-id', state.stepNames.get(e.key) || ''));
      if (most > 0 && e.stuck === most) name.append(' ', el('span', 'badge stuck', t('stats.hot')));
      tr.append(el('td', 'num', String(e.here)), el('td', `num${e.stuck ? ' bad' : ''}`, String(e.stuck)),
          el('td', 'num', String(e.fails)), el('td', 'num', e.median >= 0 ? duration(e.median) : '—'));
      rows.push(tr);
    }
    tbody.replaceChildren(...rows);
    $('stats-empty').hidden = list.length > 0;
  }

  // ---- A learner's panel: where they are, a hint, their timeline ------------------------------
  function openPanel(id, focusHint) {
    if (state.selected !== id) {
      state.selected = id;
      $('hint-text').value = '';
      clearResult('hint-result');
      state.timeline = { id, events: [], loaded: false };
      renderTimeline();
      loadTimeline();
    }
    $('panel').hidden = false;
    render();
    if (focusHint) $('hint-text').focus();
    else $('panel-close').focus();
  }

  function closePanel() {
    const id = state.selected;
    state.selected = null;
    $('panel').hidden = true;
    render();
    const v = views.get(id);
    if (v) v.tr.focus();
  }

  function renderPanel(now) {
    const r = state.rows.get(state.selected);
    if (!r) return;
    const status = statusOf(r, now);
    set($('panel-name'), r.name);
    const badge = el('span', `badge ${status}`, t(`status.${status}`));
    const line = [badge];
    if (r.step && status !== 'left') line.push(' ', el('span', 'time', duration(now - r.since)));
    $('panel-status').replaceChildren(...line);
    const where = [r.lesson || '—', stepText(r, status), status === 'done' ? '' : r.step || '']
        .filter(Boolean).join(' · ');
    set($('panel-where'), `${where}\n${t('panel.counts', { fails: r.fails, passed: r.passed })} · ${helpText(r)}`);
    set($('panel-reason'), r.step ? reasonText(r.last_reason) : '');
    $('panel-reason').hidden = !(r.step && r.last_reason);
    set($('hint-label'), t('hint.label', { name: r.name }));
  }

  let timelineTimer = null;
  function refreshTimelineSoon() {
    clearTimeout(timelineTimer);
    timelineTimer = setTimeout(loadTimeline, 300);
  }

  async function loadTimeline() {
    const id = state.selected;
    if (!id) return;
    const ask = ++state.timelineAsk;
    try {
      const events = await api('GET', `/api/learners/${encodeURIComponent(id)}/timeline`);
      if (ask !== state.timelineAsk || id !== state.selected) return;
      state.timeline = { id, events: Array.isArray(events) ? events : [], loaded: true };
      renderTimeline();
    } catch (e) {
      // the next change of this learner asks again
    }
  }

  function renderTimeline() {
    const items = state.timeline.events.slice().reverse().map((e) => {
      const li = el('li', `ev ev-${e.type}`);
      li.append(el('time', 'at', clockTime(e.at)), el('span', 'what', t(`ev.${e.type}`)));
      if (e.step) li.append(el('span', 'where', `${e.index + 1}/${e.total} · ${e.step}`));
      if (e.reason) li.append(el('div', 'why', reasonText(e.reason)));
      return li;
    });
    $('timeline').replaceChildren(...items);
    $('timeline-empty').hidden = items.length > 0 || !state.timeline.loaded;
  }

  // ---- Instructor actions -----------------------------------------------------------------------
  function showResult(id, key, vars, error) {
    state.results[id] = { key, vars, error };
    const node = $(id);
    node.classList.toggle('error', !!error);
    set(node, t(key, vars));
  }

  function clearResult(id) {
    delete state.results[id];
    set($(id), '');
  }

  async function send(form, resultId, path, textArea, sentKey, vars) {
    const text = textArea.value.trim();
    if (!text) return;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showResult(resultId, 'broadcast.sending', {});
    try {
      const answer = await api('POST', path, { text });
      textArea.value = '';
      showResult(resultId, sentKey, { ...vars, n: answer.learners });
    } catch (e) {
      if (!(e instanceof AuthError)) showResult(resultId, 'error.send', { e: e.message }, true);
    } finally {
      button.disabled = false;
    }
  }

  async function loadSettings() {
    state.settingsAt = Date.now();
    try {
      useSettings(await api('GET', '/api/settings'));
    } catch (e) {
      // a refused token shows the gate; a network failure waits for the stream to come back
    }
  }

  function useSettings(s) {
    state.settings = s;
    if (!state.settingsDirty) {
      $('stuck-minutes').value = s.stuck_minutes;
      $('stuck-fails').value = s.stuck_fails;
    }
    renderSoon();
  }

  async function saveSettings(e) {
    e.preventDefault();
    const button = e.target.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const s = await api('POST', '/api/settings', {
        stuck_minutes: Number($('stuck-minutes').value), stuck_fails: Number($('stuck-fails').value),
      });
      state.settingsDirty = false;
      useSettings(s);
      showResult('settings-result', 'settings.saved', {});
    } catch (err) {
      if (!(err instanceof AuthError)) showResult('settings-result', 'error.send', { e: err.message }, true);
    } finally {
      button.disabled = false;
    }
  }

  // ---- Language ---------------------------------------------------------------------------------
  function initialLang() {
    try {
      const saved = localStorage.getItem(LANG_KEY);
      if (saved === 'en' || saved === 'ko') return saved;
    } catch (e) {
      // storage may be off; the browser's language decides
    }
    return (navigator.language || '').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }

  function setLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
      node.placeholder = t(node.dataset.i18nPlaceholder);
    }
    for (const b of document.querySelectorAll('[data-lang]')) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    }
    for (const [id, r] of Object.entries(state.results)) showResult(id, r.key, r.vars, r.error);
    if (state.gate) renderGate();
    renderJoin();
    renderTimeline();
    render();
  }

  // ---- No token, or a refused one ---------------------------------------------------------------
  function showGate(kind) {
    state.gate = kind;
    state.stopped = true;
    if (state.stream) state.stream.abort();
    if (kind === 'rejected') {
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch (e) {
        // nothing stored
      }
    }
    $('board').hidden = true;
    $('panel').hidden = true;
    $('summary').replaceChildren();
    $('gate').hidden = false;
    setLive('off');
    renderGate();
  }

  function renderGate() {
    $('gate').dataset.kind = state.gate;
    set($('gate-title'), t(`gate.${state.gate}.title`));
    set($('gate-text'), t(`gate.${state.gate}.text`));
  }

  /** The token from the link's fragment (never sent to the server in a URL), then off the address bar. */
  function readToken() {
    let token = new URLSearchParams(location.hash.slice(1)).get('token');
    if (token) {
      try {
        sessionStorage.setItem(TOKEN_KEY, token); // a reload of this tab keeps working
      } catch (e) {
        // without storage a reload needs the link again
      }
      // a board on a projector must not show the class its instructor's token
      history.replaceState(null, '', location.pathname + location.search);
    } else {
      try {
        token = sessionStorage.getItem(TOKEN_KEY);
      } catch (e) {
        token = null;
      }
    }
    return token && token.trim() ? token.trim() : null;
  }

  // ---- Start ------------------------------------------------------------------------------------
  // ---- The class's code on the board, for learners reading it off a projector --------------------
  async function loadJoin() {
    try {
      state.about = await api('GET', '/api/class');
      renderJoin();
    } catch (e) {
      // the board works without it
    }
  }

  function renderJoin() {
    const join = $('join');
    if (!state.about) return;
    join.replaceChildren(t('join') + ' ', el('strong', 'code', state.about.code));
    join.title = state.about.join;
    join.hidden = false;
  }

  // ---- Exports: fetched with the token (a plain link would send none), saved as a file -------------
  async function download(path, name) {
    clearResult('export-result');
    try {
      const res = await fetch(path, { cache: 'no-store', headers: { Authorization: `Bearer ${state.token}` } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const a = el('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      showResult('export-result', 'export.failed', { error: e.message }, true);
    }
  }

  function start() {
    for (const b of document.querySelectorAll('[data-lang]')) {
      b.addEventListener('click', () => {
        try {
          localStorage.setItem(LANG_KEY, b.dataset.lang);
        } catch (e) {
          // not remembered, still switched
        }
        setLang(b.dataset.lang);
      });
    }
    setLang(initialLang());
    state.token = readToken();
    if (!state.token) {
      showGate('missing');
      return;
    }
    $('board').hidden = false;

    const broadcast = $('broadcast');
    broadcast.addEventListener('submit', (e) => {
      e.preventDefault();
      send(broadcast, 'broadcast-result', '/api/broadcast', $('broadcast-text'), 'broadcast.sent', {});
    });
    const hint = $('hint');
    hint.addEventListener('submit', (e) => {
      e.preventDefault();
      const r = state.rows.get(state.selected);
      if (r) send(hint, 'hint-result', `/api/learners/${encodeURIComponent(r.id)}/hint`, $('hint-text'), 'hint.sent', { name: r.name });
    });
    for (const area of [$('broadcast-text'), $('hint-text')]) {
      area.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) area.form.requestSubmit();
      });
    }
    $('settings').addEventListener('submit', saveSettings);
    $('settings').addEventListener('input', () => { state.settingsDirty = true; });
    $('panel-close').addEventListener('click', closePanel);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && state.selected) closePanel();
    });

    $('export-csv').addEventListener('click', () => download('/api/export.csv', 'class.csv'));
    $('export-xapi').addEventListener('click', () => download('/api/export.xapi', 'class-xapi.json'));

    setInterval(render, 1000); // time on step ticks, and a learner turns stuck without an event
    loadJoin();
    live();
  }

  start();
})();
