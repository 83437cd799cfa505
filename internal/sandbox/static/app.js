// The sandbox's chat page: a persona picker and a Telegram-like chat that
// talks to the Bot API emulator's user side (/emulator/…) and long-polls it.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const STORAGE_KEY = 'sandbox.persona';
  const state = {
    bot: '', personas: [], persona: null, userId: 0, version: -1,
    abort: null, seen: new Set(), fresh: true, toastTimer: 0, refreshAt: 0, refreshTimer: 0,
    lastBotId: 0, pressed: 0, mailTimer: 0, mailOn: false,
  };

  // ---- Telegram HTML, rebuilt from a whitelist ----

  // Telegram's tags and their aliases, as the elements the page makes.
  const SIMPLE = {
    b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', ins: 'u',
    s: 's', strike: 's', del: 's', code: 'code', pre: 'pre',
  };
  const LINK_SCHEMES = ['http:', 'https:', 'tg:', 'mailto:'];

  // renderTelegramHTML parses the bot's HTML into an inert document (no
  // script runs, nothing loads) and copies only Telegram's tags into fresh
  // elements; any other element is shown as its text, and no attribute is
  // copied except a checked link and a code language.
  function renderTelegramHTML(source) {
    const doc = new DOMParser().parseFromString(
      '<!doctype html><html><head></head><body>' + String(source), 'text/html');
    const out = document.createDocumentFragment();
    copyAllowed(doc.body, out);
    return out;
  }

  function copyAllowed(from, to) {
    for (const node of Array.from(from.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const made = allowedElement(node);
        if (made) {
          copyAllowed(node, made);
          to.appendChild(made);
        } else {
          to.appendChild(document.createTextNode(node.outerHTML));
        }
      }
    }
  }

  function allowedElement(node) {
    const name = node.localName;
    if (Object.prototype.hasOwnProperty.call(SIMPLE, name)) {
      const made = document.createElement(SIMPLE[name]);
      const lang = node.getAttribute('class') || '';
      if (name === 'code' && /^language-[\w+#-]{1,32}$/.test(lang)) made.className = lang;
      return made;
    }
    switch (name) {
      case 'a': return linkElement(node.getAttribute('href'));
      case 'blockquote': {
        const q = document.createElement('blockquote');
        if (node.hasAttribute('expandable')) q.className = 'expandable';
        return q;
      }
      case 'tg-spoiler': return spoilerElement();
      case 'span': return node.getAttribute('class') === 'tg-spoiler' ? spoilerElement() : null;
      case 'tg-emoji': return document.createElement('span');
    }
    return null;
  }

  // linkElement is a link to an absolute http(s), tg or mailto URL, or a
  // plain span for anything else (javascript:, relative, broken).
  function linkElement(href) {
    let url = null;
    try { url = new URL(href || ''); } catch (e) { url = null; }
    if (!url || !LINK_SCHEMES.includes(url.protocol)) return document.createElement('span');
    const a = document.createElement('a');
    a.href = url.href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  function spoilerElement() {
    const s = document.createElement('span');
    s.className = 'spoiler';
    s.title = 'Нажмите, чтобы показать';
    return s;
  }

  // ---- Talking to the sandbox and the emulator ----

  async function api(method, path, body, signal) {
    const opt = { method, signal, headers: {} };
    if (body !== undefined) {
      opt.headers['Content-Type'] = 'application/json';
      opt.body = JSON.stringify(body);
    }
    const res = await fetch(path, opt);
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) throw new Error((data && data.error) || res.status + ' ' + res.statusText);
    return data;
  }

  const ERRORS = {
    'the user blocked the bot': 'Вы остановили бота. Нажмите «Перезапустить».',
    'no such button': 'Этой кнопки уже нет.',
    'no such message': 'Это сообщение уже удалено.',
  };

  function errorText(err) {
    const msg = String(err && err.message || err);
    for (const [k, v] of Object.entries(ERRORS)) if (msg.includes(k)) return v;
    return 'Ошибка: ' + msg;
  }

  // act runs a user action (text, start, press, keyboard, contact) as the persona.
  async function act(action, body) {
    if (!state.userId) return null;
    try {
      return await api('POST', `/emulator/users/${state.userId}/${action}`, body || {});
    } catch (e) {
      toast(errorText(e), 'error');
      return null;
    }
  }

  function pause(ms, signal) {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      if (signal) signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
    });
  }

  function openChat(userId) {
    if (state.abort) state.abort.abort();
    Object.assign(state, { userId, version: -1, fresh: true, seen: new Set(), lastBotId: 0, pressed: 0 });
    $('new-badge').hidden = true;
    state.abort = new AbortController();
    $('toast').hidden = true;
    $('menu').hidden = true;
    $('input').disabled = false;
    $('send').disabled = false;
    poll(userId, state.abort.signal);
  }

  // poll long-polls the chat and renders every new version of it.
  async function poll(userId, signal) {
    while (!signal.aborted) {
      try {
        const view = await api('GET', `/emulator/chats/${userId}/wait?version=${state.version}&timeout=25`, undefined, signal);
        if (!signal.aborted && view.version !== state.version) render(view);
      } catch (e) {
        if (signal.aborted) return;
        toast('Нет связи с песочницей, пробую снова…', 'error');
        await pause(2000, signal);
      }
    }
  }

  // ---- Rendering the chat ----

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function atBottom(box) { return box.scrollHeight - box.scrollTop - box.clientHeight < 80; }

  // render shows the chat's messages (an edited message in its place). A
  // chat read to its end follows new messages; the bot's answer to a button
  // pressed higher up is scrolled into view (the new message, or the pressed
  // one as its edit left it); other new messages above the fold get the
  // «Новое сообщение ↓» badge.
  function render(view) {
    const box = $('messages');
    const bottom = atBottom(box);
    const frag = document.createDocumentFragment();
    let lastBot = 0;
    for (const m of view.messages || []) {
      if (m.deleted) continue;
      frag.appendChild(messageNode(m));
      if (m.from_bot) lastBot = Math.max(lastBot, m.message_id);
    }
    if (!frag.childNodes.length) frag.appendChild(el('div', 'empty', 'Здесь пока пусто. Напишите боту /start.'));
    const firstNew = lastBot > state.lastBotId ? (view.messages || []).find((m) => m.from_bot && !m.deleted && m.message_id > state.lastBotId) : null;
    const pressed = (view.messages || []).find((m) => m.message_id === state.pressed);
    const answered = state.pressed && (firstNew || (pressed && pressed.edits > (state.pressedEdits || 0)));
    box.replaceChildren(frag);
    if (bottom || state.fresh) box.scrollTop = box.scrollHeight;
    else if (answered) {
      const id = firstNew ? firstNew.message_id : state.pressed;
      const node = box.querySelector(`[data-message-id="${id}"]`);
      if (node) node.scrollIntoView({ block: firstNew ? 'start' : 'nearest' });
    } else if (firstNew) showBadge();
    if (answered) state.pressed = 0;
    if (atBottom(box)) $('new-badge').hidden = true;
    state.lastBotId = Math.max(state.lastBotId, lastBot);
    state.version = view.version;
    box.dataset.version = String(view.version);
    renderReplyKeyboard(view.keyboard, view.blocked);
    renderMenu(view.commands);
    showAnswers(view.callbacks);
    state.fresh = false;
    if (state.persona && !state.persona.linked) refreshPersonas();
  }

  function messageNode(m) {
    const wrap = el('div', 'msg ' + (m.from_bot ? 'in' : 'out'));
    wrap.dataset.messageId = String(m.message_id);
    const bubble = el('div', 'bubble');
    if (m.photo) bubble.appendChild(photoNode(m.photo));
    if (m.document) bubble.appendChild(documentNode(m.document));
    if (m.contact) bubble.appendChild(el('div', 'contact', 'Контакт' + (m.contact.phone_number ? ': ' + m.contact.phone_number : '')));
    const body = el('span', 'text');
    body.appendChild(textOf(m));
    bubble.appendChild(body);
    bubble.appendChild(metaNode(m));
    wrap.appendChild(bubble);
    if (m.inline_keyboard && m.inline_keyboard.length) wrap.appendChild(inlineKeyboard(m));
    return wrap;
  }

  // textOf is the message's text; a deep-link /start shows as «/start», as
  // Telegram shows it (the code goes to the bot only).
  function textOf(m) {
    if (!m.from_bot && /^\/start\s/.test(m.text || '')) return document.createTextNode('/start');
    if (m.from_bot && String(m.parse_mode || '').toLowerCase() === 'html' && m.source) {
      return renderTelegramHTML(m.source);
    }
    return document.createTextNode(m.text || m.caption || '');
  }

  function metaNode(m) {
    const d = new Date(m.date);
    let t = isNaN(d) ? '' : d.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
    if (m.edits) t = 'изменено ' + t;
    return el('span', 'meta', t);
  }

  function fileURL(f) { return '/emulator/files/' + encodeURIComponent(f.file_id); }

  function photoNode(f) {
    const img = el('img', 'photo');
    img.src = fileURL(f);
    img.alt = 'Фото';
    return img;
  }

  function documentNode(f) {
    const a = el('a', 'file');
    a.href = fileURL(f);
    a.download = f.file_name || 'file';
    const info = el('div');
    info.append(el('div', 'file-name', f.file_name || 'Файл'), el('div', 'file-size', sizeText(f.file_size)));
    a.append(el('div', 'file-icon', '⬇'), info);
    return a;
  }

  function sizeText(n) {
    if (!n) return '';
    if (n < 1024) return n + ' Б';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1).replace('.', ',') + ' КБ';
    return (n / 1024 / 1024).toFixed(1).replace('.', ',') + ' МБ';
  }

  function inlineKeyboard(m) {
    const kb = el('div', 'inline-kb');
    for (const row of m.inline_keyboard) {
      const r = el('div', 'kb-row');
      for (const b of row) r.appendChild(inlineButton(m, b));
      kb.appendChild(r);
    }
    return kb;
  }

  function inlineButton(m, b) {
    if (b.url) {
      const a = linkElement(b.url);
      a.textContent = b.text;
      return a;
    }
    const btn = el('button', '', b.text);
    btn.type = 'button';
    btn.addEventListener('click', () => {
      Object.assign(state, { pressed: m.message_id, pressedEdits: m.edits || 0 });
      act('press', { message_id: m.message_id, data: b.callback_data });
    });
    return btn;
  }

  function renderReplyKeyboard(kb, blocked) {
    const box = $('reply-kb');
    box.replaceChildren();
    $('input').placeholder = (kb && kb.input_field_placeholder) || 'Сообщение';
    if (blocked) {
      const r = el('div', 'kb-row');
      const btn = el('button', '', 'Перезапустить бота');
      btn.type = 'button';
      btn.addEventListener('click', () => act('start', {}));
      r.appendChild(btn);
      box.appendChild(r);
    }
    for (const row of (kb && kb.keyboard) || []) {
      const r = el('div', 'kb-row');
      for (const b of row) r.appendChild(replyButton(b));
      box.appendChild(r);
    }
    box.hidden = !box.childNodes.length;
  }

  function replyButton(b) {
    const btn = el('button', b.request_contact ? 'request-contact' : '', b.text);
    btn.type = 'button';
    btn.addEventListener('click', () => act('keyboard', { text: b.text }));
    return btn;
  }

  function renderMenu(cmds) {
    const menu = $('menu');
    menu.replaceChildren();
    for (const c of cmds || []) {
      const btn = el('button');
      btn.type = 'button';
      btn.append(el('span', 'cmd', '/' + c.command), el('span', 'desc', c.description));
      btn.addEventListener('click', () => { menu.hidden = true; act('text', { text: '/' + c.command }); });
      menu.appendChild(btn);
    }
    $('menu-btn').hidden = !menu.childNodes.length;
    if (!menu.childNodes.length) menu.hidden = true;
  }

  // showAnswers shows the bot's new answers to button presses; those that
  // were there when the chat opened are old news.
  function showAnswers(list) {
    for (const a of list || []) {
      if (!a.answered || state.seen.has(a.callback_query_id)) continue;
      state.seen.add(a.callback_query_id);
      if (!state.fresh && a.text) toast(a.text, a.show_alert ? 'alert' : '');
    }
  }

  // showBadge shows «Новое сообщение ↓» just above the end of the chat.
  function showBadge() {
    const badge = $('new-badge');
    const chat = badge.parentElement.getBoundingClientRect();
    badge.style.bottom = Math.round(chat.bottom - $('messages').getBoundingClientRect().bottom + 10) + 'px';
    badge.hidden = false;
  }

  function toast(text, kind) {
    const t = $('toast');
    t.textContent = text;
    t.className = 'toast' + (kind ? ' ' + kind : '');
    t.hidden = false;
    clearTimeout(state.toastTimer);
    state.toastTimer = setTimeout(() => { t.hidden = true; }, kind === 'alert' ? 8000 : 3000);
  }

  // ---- Personas ----

  function initials(name) {
    return String(name).split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]).join('').toUpperCase();
  }

  function renderPersonas() {
    const ul = $('personas');
    ul.replaceChildren();
    state.personas.forEach((p, i) => {
      const b = el('button', 'persona');
      b.type = 'button';
      b.dataset.persona = p.id;
      b.setAttribute('aria-current', String(!!state.persona && state.persona.id === p.id));
      const title = el('div', 'persona-title', p.title);
      if (p.linked) title.appendChild(el('span', 'badge', 'привязан'));
      const text = el('div', 'persona-text');
      text.append(title, el('div', 'persona-name', p.name), el('div', 'persona-hint', p.hint));
      b.append(el('div', 'avatar av-' + (i % 5), initials(p.name || p.title)), text);
      b.addEventListener('click', () => choose(p.id));
      const li = el('li');
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  async function loadPersonas() {
    const r = await api('GET', '/sandbox/personas');
    state.bot = r.bot || '';
    state.mailOn = !!r.mail;
    const current = state.persona && state.persona.id;
    state.personas = r.personas || [];
    state.persona = state.personas.find((p) => p.id === current) || null;
    renderPersonas();
  }

  // refreshPersonas updates the «привязан» badges: at most once a second,
  // and always once more after the last call.
  function refreshPersonas() {
    if (state.refreshTimer) return;
    const wait = Math.max(0, state.refreshAt - Date.now());
    state.refreshTimer = setTimeout(() => {
      state.refreshTimer = 0;
      state.refreshAt = Date.now() + 1000;
      loadPersonas().catch(() => {});
    }, wait);
  }

  // setHeader names the bot and who you are; a phone hides the bot's
  // @username (the title names the bot) so that who you are fits.
  function setHeader(p) {
    const sub = $('chat-sub');
    sub.textContent = '';
    if (state.bot) sub.appendChild(el('span', 'chat-bot', '@' + state.bot + ' · '));
    sub.appendChild(el('span', 'chat-you', 'вы: ' + p.title.toLowerCase() + (p.name ? ', ' + p.name : '')));
  }

  function show(p) {
    state.persona = p;
    renderPersonas();
    setHeader(p);
    $('app').classList.add('in-chat');
    $('mail-btn').hidden = !state.mailOn;
    if (!$('mailbox').hidden) loadMail();
  }

  // ---- The persona's inbox ----

  // mailTime is when a mail came, as the page's clock shows it.
  function mailTime(iso) {
    const d = new Date(iso);
    return d.toLocaleString('ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  // mailNode is one mail: subject, time, sender, text and file names, all
  // put in as text (a mail's content never becomes markup).
  function mailNode(m) {
    const li = el('li', 'mail');
    const top = el('div', 'mail-top');
    top.append(el('div', 'mail-subject', m.subject || '(без темы)'), el('time', 'mail-time', mailTime(m.received)));
    li.append(top, el('div', 'mail-from', 'От: ' + m.from + ' · кому: ' + m.to), el('div', 'mail-text', m.text));
    if (m.files.length) {
      const files = el('div', 'mail-files');
      for (const f of m.files) files.append(el('span', 'mail-file', f));
      li.append(files);
    }
    return li;
  }

  function renderMail(r) {
    $('mail-addrs').textContent = r.addresses.length
      ? 'Письма на ' + r.addresses.join(', ') + '. Чтобы проверить подтверждение почты, напишите этот адрес ' +
        'в боте: Настройки → Уведомления → Добавить почту.'
      : 'У этой роли нет адреса почты в списках школы: письма ей здесь не показываются.';
    const list = $('mails');
    list.replaceChildren(...r.mails.map(mailNode));
    if (!r.mails.length) list.append(el('li', 'empty', 'Писем пока нет.'));
  }

  // loadMail shows the persona's inbox and looks again every 2 s while open.
  async function loadMail() {
    clearTimeout(state.mailTimer);
    const p = state.persona;
    if (!p || $('mailbox').hidden) return;
    try {
      const r = await api('GET', '/sandbox/mail/' + encodeURIComponent(p.id));
      if (state.persona && state.persona.id === p.id) renderMail(r);
    } catch (e) {
      $('mail-addrs').textContent = 'Не удалось загрузить почту: ' + e.message;
    }
    state.mailTimer = setTimeout(loadMail, 2000);
  }

  function toggleMail(open) {
    $('mailbox').hidden = !open;
    document.querySelector('.chat').classList.toggle('mail-open', open);
    $('mail-btn').setAttribute('aria-expanded', String(open));
    if (open) loadMail();
    else clearTimeout(state.mailTimer);
  }

  // choose makes the persona's user and, while it is not linked, sends the
  // fresh link code as /start <code>, as opening the deep link would.
  async function choose(id) {
    const p = state.personas.find((x) => x.id === id);
    if (!p) return;
    show(p);
    $('messages').replaceChildren(el('div', 'empty', 'Подключаемся…'));
    let c;
    try {
      c = await api('POST', '/sandbox/persona/' + encodeURIComponent(id));
    } catch (e) {
      toast('Не удалось выбрать роль: ' + e.message, 'error');
      return;
    }
    if (!state.persona || state.persona.id !== id) return; // another choice meanwhile
    Object.assign(state.persona, { user_id: c.user_id, linked: c.linked, name: c.name });
    try { localStorage.setItem(STORAGE_KEY, id); } catch (e) { /* private mode */ }
    openChat(c.user_id);
    for (const code of [c.start, ...(c.more || [])]) { // a code for each child of the parent of two
      if (code) await act('start', { payload: code });
    }
  }

  async function boot() {
    try {
      await loadPersonas();
    } catch (e) {
      $('empty').textContent = 'Не удалось загрузить роли: ' + e.message;
      return;
    }
    let saved = null;
    try { saved = localStorage.getItem(STORAGE_KEY); } catch (e) { saved = null; }
    const p = state.personas.find((x) => x.id === saved);
    if (p && p.user_id) {
      show(p);
      openChat(p.user_id);
    }
  }

  function wire() {
    $('composer').addEventListener('submit', (e) => {
      e.preventDefault();
      const text = $('input').value.trim();
      if (!text || !state.userId) return;
      $('input').value = '';
      act('text', { text });
    });
    $('menu-btn').addEventListener('click', () => { $('menu').hidden = !$('menu').hidden; });
    $('back').addEventListener('click', () => { toggleMail(false); $('app').classList.remove('in-chat'); });
    $('mail-btn').addEventListener('click', () => toggleMail($('mailbox').hidden));
    $('mail-close').addEventListener('click', () => toggleMail(false));
    $('toast').addEventListener('click', () => { $('toast').hidden = true; });
    $('new-badge').addEventListener('click', () => {
      const box = $('messages');
      box.scrollTop = box.scrollHeight;
      $('new-badge').hidden = true;
    });
    $('messages').addEventListener('scroll', () => { if (atBottom($('messages'))) $('new-badge').hidden = true; });
    $('messages').addEventListener('click', (e) => {
      const s = e.target.closest('.spoiler');
      if (s) s.classList.add('shown');
    });
  }

  window.sandbox = { renderTelegramHTML };
  wire();
  boot();
})();
