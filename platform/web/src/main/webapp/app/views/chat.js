// "/c/{slug}/chat" and "/c/{slug}/chat/{room}": live chat. The rooms a member may see (public rooms,
// restricted rooms they are in, their direct conversations) with unread counts, and the open room:
// its messages in a polite live region, who is here, who is typing, the send box, and what one may do
// with a message. On a phone the list and the room are separate pages; wider, they sit side by side.
// Everything live goes through live.js (one connection per tab); rooms, direct conversations,
// preferences and moderators' mutes and slow mode through the REST API.
import { h, put, newId } from '../dom.js';
import { enc } from '../api.js';
import {
  app, t, tn, h1, backLink, field, formEnd, onSubmit, check, Invalid, busy, announce, errorText, date, signInLink,
} from '../ui.js';
import {
  fapi, memberOf, isModerator, KINDS, REACTION_MARK, postBody, notEmergency, reasonForm, formSlot, supportPanel,
} from '../forum.js';
import * as live from '../live.js';

const HISTORY_PAGE = 50;
const TYPING_EVERY = 3000;
const TYPING_SHOWN = 6000;
const ROOMS_EVERY = 30000;
const MAX_BODY = 4000;
const PREFERENCES = ['ANYONE', 'STAFF_ONLY', 'NOBODY'];
const SLOW_CHOICES = [0, 10, 30, 60, 300];
const MUTE_CHOICES = [10, 60, 24 * 60];

// What this tab remembers of each room between chat pages: the messages it has and my reactions.
const kept = new Map();
const keptRoom = (id) => {
  if (!kept.has(id)) kept.set(id, { msgs: new Map(), oldest: null, complete: false, mine: new Map(), sources: new Map() });
  return kept.get(id);
};

export default async function chat({ params: [slug, roomId] }) {
  const ctx = await memberOf(slug);
  const [rooms, pref] = await Promise.all([fapi(ctx.api + '/chat/rooms'), fapi(ctx.api + '/chat/dm-preference').catch(() => null)]);
  const s = {
    ctx, rooms, roomId: roomId || null, me: ctx.m.pseudonym, mod: isModerator(ctx.m), disposers: [],
  };
  const title = t('chat.title');
  const list = roomList(s);
  const pane = s.roomId ? roomPane(s) : h('section', { class: 'chat-room chat-none', 'aria-labelledby': 'chat-none-title' },
    h('h2', { id: 'chat-none-title' }, t('chat.choose')), h('p', { class: 'hint' }, t('chat.chooseHint')));
  const statusEl = connectionStatus(s);
  const release = live.use();
  s.disposers.push(release);

  const here = s.roomId && s.rooms.find((r) => r.id === s.roomId);
  // Moving between rooms, focus lands on the room's name (as on a new page's h1), without scrolling the page.
  if (s.roomId) app.focusAfter = '#chat-room-title';
  return {
    title: (here ? roomName(here) + ' · ' : '') + title + ' · ' + ctx.c.name,
    dispose: () => s.disposers.forEach((f) => f()),
    nodes: [
      backLink(s.roomId ? ctx.href + '/chat' : ctx.href, s.roomId ? t('chat.allRooms') : ctx.c.name),
      h1(title),
      statusEl,
      h('div', { class: 'chat', 'data-pane': s.roomId ? 'room' : 'list', 'data-test': 'chat' }, list, pane),
    ],
  };
}

const roomName = (r) => (r.kind === 'DIRECT' ? t('chat.with', { p: r.with || t('post.someone') }) : r.name);

// ---- the connection's state, always in sight ----

function connectionStatus(s) {
  const el = h('p', { class: 'chat-status', role: 'status', 'data-test': 'chat-status' });
  const paint = (st) => {
    el.dataset.state = st;
    put(el, h('span', { class: 'chat-dot', 'aria-hidden': 'true' }), ' ', t('chat.status.' + st),
      st === 'signedOut' && [' ', signInLink(null, '')]);
  };
  paint(live.status() === 'idle' ? 'connecting' : live.status());
  s.disposers.push(live.onStatus(paint));
  return el;
}

// ---- the room list ----

function roomList(s) {
  const { ctx } = s;
  const box = h('div', { class: 'chat-list' });
  const nav = h('nav', { class: 'chat-rooms', 'aria-labelledby': 'chat-rooms-title', 'data-test': 'room-list' });
  const paint = () => {
    const named = s.rooms.filter((r) => r.kind !== 'DIRECT').sort((a, b) => a.name.localeCompare(b.name));
    const direct = s.rooms.filter((r) => r.kind === 'DIRECT').sort((a, b) => (a.with || '').localeCompare(b.with || ''));
    const item = (r) => {
      const unread = r.id === s.roomId ? 0 : Number(r.unread || 0);
      return h('li', {}, h('a', {
        href: ctx.href + '/chat/' + enc(r.id), class: 'chat-room-link' + (unread ? ' has-unread' : ''),
        'aria-current': r.id === s.roomId ? 'page' : null, 'data-test': 'room-link', 'data-room': r.id, 'data-unread': String(unread),
      },
      h('span', { class: 'chat-room-name' }, roomName(r)),
      r.kind === 'RESTRICTED' && h('span', { class: 'mark' }, t('chat.restricted')),
      unread > 0 && h('span', { class: 'unread', 'data-test': 'room-unread' }, tn('chat.unread', unread))));
    };
    // The list is painted afresh; someone moving through it by keyboard keeps their place.
    const focused = nav.contains(document.activeElement) && document.activeElement.dataset.room;
    put(nav,
      h('h2', { id: 'chat-rooms-title' }, t('chat.rooms')),
      named.length ? h('ul', { class: 'chat-room-list' }, named.map(item)) : h('p', { class: 'empty' }, t('chat.noRooms')),
      h('h2', { id: 'chat-dms-title' }, t('chat.dms')),
      direct.length ? h('ul', { class: 'chat-room-list', 'aria-labelledby': 'chat-dms-title' }, direct.map(item))
        : h('p', { class: 'empty' }, t('chat.noDms')));
    const again = focused && nav.querySelector('[data-room="' + focused + '"]');
    if (again) again.focus();
  };
  s.paintRooms = paint;
  paint();

  const refresh = async () => {
    try {
      s.rooms = mergeRooms(s, await fapi(ctx.api + '/chat/rooms'));
      paint();
    } catch (e) { /* the list stays as it was; the next try comes */ }
  };
  s.refreshRooms = refresh;
  const timer = setInterval(() => { if (document.visibilityState === 'visible' && live.status() === 'open') refresh(); }, ROOMS_EVERY);
  s.disposers.push(() => clearInterval(timer));
  // Back after a break: what happened meanwhile in the other rooms.
  let wasOpen = live.status() === 'open';
  s.disposers.push(live.onStatus((st) => { if (st === 'open' && !wasOpen) refresh(); wasOpen = st === 'open'; }));
  s.disposers.push(live.onFrame((f) => {
    if (f.type === 'dm_notice') {
      const r = s.rooms.find((x) => x.id === f.room);
      if (r) {
        r.lastSeq = Math.max(r.lastSeq, f.seq);
        r.unread = Math.max(0, r.lastSeq - r.lastRead);
        paint();
      } else {
        refresh();
      }
    } else if (f.type === 'read') {
      const r = s.rooms.find((x) => x.id === f.room);
      if (r) {
        r.lastRead = Math.max(r.lastRead, f.seq);
        r.unread = Math.max(0, r.lastSeq - r.lastRead);
        paint();
      }
    }
  }));

  box.append(nav, dmForm(s), preferenceForm(s));
  return box;
}

/** The server's list, keeping a conversation just opened here that has no message yet (the server lists it once it has one). */
function mergeRooms(s, fresh) {
  const extra = s.rooms.filter((r) => r.kind === 'DIRECT' && !fresh.some((x) => x.id === r.id) && r.id === s.roomId);
  return fresh.concat(extra);
}

function dmForm(s) {
  const { ctx } = s;
  const name = h('input', { name: 'pseudonym', type: 'text', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', maxlength: '32' });
  const form = h('form', { class: 'stack chat-dm-form', 'data-test': 'dm-form', 'aria-labelledby': 'chat-dm-title' },
    h('h2', { id: 'chat-dm-title' }, t('chat.dmTitle')),
    field(t('chat.dmLabel'), name, t('chat.dmHint')),
    formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('chat.dmOpen'))));
  onSubmit(form, async () => {
    const who = name.value.trim().replace(/^@/, '');
    if (!check(() => { if (!who) throw new Invalid(name, 'member_not_found', t('chat.dmEmpty')); })) return;
    const r = await fapi(ctx.api + '/chat/dms', 'POST', { pseudonym: who });
    if (!s.rooms.some((x) => x.id === r.id)) s.rooms.push(r);
    app.navigate(ctx.href + '/chat/' + enc(r.id));
  }, (code) => (['member_not_found', 'dm_not_allowed', 'pseudonym_invalid', 'validation_failed'].includes(code) ? name : null));
  return form;
}

function preferenceForm(s) {
  const { ctx } = s;
  const group = newId('pref');
  const radios = PREFERENCES.map((p) => h('input', {
    type: 'radio', name: group, id: group + p, value: p, 'data-test': 'dm-pref-' + p.toLowerCase(),
  }));
  const form = h('form', { class: 'stack', 'data-test': 'dm-preference' },
    h('fieldset', { class: 'choices' }, h('legend', {}, t('chat.prefTitle')),
      radios.map((r) => h('div', { class: 'choice' }, r, h('label', { for: r.id }, t('chat.pref.' + r.value))))),
    formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('chat.prefSave'))));
  const show = (p) => radios.forEach((r) => { r.checked = r.value === p; });
  fapi(ctx.api + '/chat/dm-preference').then((p) => show(p.preference), () => show('ANYONE'));
  onSubmit(form, async () => {
    const chosen = (radios.find((r) => r.checked) || radios[0]).value;
    const saved = await fapi(ctx.api + '/chat/dm-preference', 'PUT', { preference: chosen });
    show(saved.preference);
    const msg = t('chat.prefSaved.' + saved.preference);
    form.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, msg));
  });
  return h('details', { class: 'more chat-pref' }, h('summary', {}, t('chat.prefTitle')), form);
}

// ---- the open room ----

function roomPane(s) {
  const { ctx } = s;
  const lang = ctx.c.language;
  const id = s.roomId;
  const k = keptRoom(id);
  const info = () => s.rooms.find((r) => r.id === id) || null;
  const heading = h('h2', { id: 'chat-room-title', tabindex: '-1', 'data-test': 'room-title' },
    info() ? roomName(info()) : t('chat.room'));
  const meta = h('p', { class: 'chat-meta' });
  const presence = h('p', { class: 'chat-presence', 'data-test': 'presence' });
  const problem = h('div', { class: 'form-status chat-problem' });
  const typingEl = h('p', { class: 'chat-typing', 'data-test': 'typing' });

  const log = h('ol', {
    class: 'chat-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': 'chat-room-title',
    'data-test': 'chat-log',
  });
  const outboxEl = h('ol', { class: 'chat-log chat-outbox', 'aria-label': t('chat.outbox'), 'data-test': 'chat-outbox' });
  const earlier = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'load-earlier' }, t('chat.earlier'));
  const earlierBox = h('div', { class: 'chat-earlier', hidden: true }, h('div', { class: 'form-status' }), earlier);
  const scroller = h('div', { class: 'chat-scroll', tabindex: '0', role: 'region', 'aria-label': t('chat.messages') },
    earlierBox, log, outboxEl);
  const supportSlot = h('div', { class: 'chat-support-slot', 'aria-live': 'polite', 'data-test': 'chat-support-slot' });

  const pane = h('section', { class: 'chat-room', 'aria-labelledby': 'chat-room-title', 'data-test': 'chat-room', 'data-room': id });
  pane.heading = heading;

  let joined = null;
  let loaded = k.msgs.size > 0;
  let dividerDone = false;
  const failed = new Map(); // clientId → {body, error}
  const typers = new Map();
  const present = new Set();
  let readSent = -1;

  // ---- what the room is ----
  const paintMeta = () => {
    const r = info();
    const kind = joined ? joined.kind : r && r.kind;
    const slow = joined ? joined.slowModeSeconds : r ? r.slowModeSeconds : 0;
    put(meta,
      kind && h('span', {}, t('chat.kind.' + kind)),
      slow > 0 && h('span', { class: 'mark', 'data-test': 'slow-mode' }, tn('chat.slow', slow)));
  };
  const paintPresence = () => {
    const names = [...present].sort((a, b) => a.localeCompare(b));
    put(presence, h('span', { class: 'label' }, t('chat.here') + ' '),
      names.length ? names.map((n, i) => [i > 0 && ', ', h('span', { class: 'who', 'data-test': 'present' }, n),
        n === s.me && h('span', { class: 'you' }, ' ' + t('home.you'))]) : t('chat.nobody'));
  };
  const paintTyping = () => {
    const names = [...typers.keys()];
    typingEl.textContent = names.length === 0 ? '' : names.length === 1 ? t('chat.typing1', { p: names[0] })
      : names.length === 2 ? t('chat.typing2', { p: names[0], q: names[1] }) : t('chat.typingMany');
  };

  // ---- messages ----
  const atBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 60;
  const toBottom = () => { scroller.scrollTop = scroller.scrollHeight; };

  const msgItem = (m) => {
    const li = h('li', { class: 'chat-msg', 'data-test': 'chat-message', 'data-seq': String(m.seq) });
    li.msg = m;
    fill(li);
    return li;
  };
  const fill = (li) => {
    const m = li.msg;
    const own = m.author === s.me;
    li.classList.toggle('mine', own);
    const slot = formSlot();
    li.slot = slot;
    const tools = h('div', { class: 'chat-tools', hidden: true });
    const toggle = h('button', { type: 'button', class: 'link-button chat-more', 'aria-expanded': 'false', 'data-test': 'message-actions' },
      t('chat.actions'), h('span', { class: 'sr' }, ' ' + t('chat.whose', { p: m.author || t('post.someone') })));
    // Tools and forms opened inside the log are not news: the live region keeps quiet about them.
    toggle.addEventListener('click', () => quietly(() => {
      const open = tools.hidden;
      tools.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) put(tools, messageTools(li, slot, own));
      else slot.close(false);
    }));
    put(li,
      h('p', { class: 'chat-by' },
        h('span', { class: 'who' }, m.author || t('post.someone')), own && h('span', { class: 'you' }, ' ' + t('home.you')),
        ' ', h('time', { datetime: m.at, title: date(m.at) }, clock(m.at)),
        m.editedAt && !m.deleted && h('span', { class: 'edited' }, ' ' + t('post.edited'))),
      m.deleted ? h('p', { class: 'tombstone' }, t(m.deletedByModerator ? 'chat.removedByMod' : 'chat.deleted'))
        : postBody(m.html || '', lang),
      reactionCounts(m),
      !m.deleted && toggle,
      !m.deleted && tools,
      slot);
  };

  /** Shows a message: a new one at the end (announced by the live region), an earlier one in its place. */
  const place = (m) => {
    const have = k.msgs.get(m.seq);
    if (have) {
      // Already here (a resume, or history overlapping live messages): only what changed.
      if (have.li && (m.editedAt !== have.msg.editedAt || m.deleted !== have.msg.deleted)) {
        Object.assign(have.msg, m);
        fill(have.li);
      }
      return false;
    }
    const entry = { msg: Object.assign({}, m), li: null };
    k.msgs.set(m.seq, entry);
    entry.li = msgItem(entry.msg);
    let next = null;
    for (const li of log.children) {
      if (li.msg && li.msg.seq > m.seq) { next = li; break; }
    }
    log.insertBefore(entry.li, next);
    if (k.oldest == null || m.seq < k.oldest) k.oldest = m.seq;
    return true;
  };

  /** Adds a batch quietly (the first page, earlier messages): the live region only speaks of new ones. */
  let quietTimer = null;
  const quietly = (fn) => {
    log.setAttribute('aria-live', 'off');
    clearTimeout(quietTimer);
    // Long enough for the accessibility tree to take the change in while the region is off.
    try { fn(); } finally { quietTimer = setTimeout(() => log.setAttribute('aria-live', 'polite'), 250); }
  };

  const divider = (lastRead) => {
    log.querySelectorAll('.chat-divider').forEach((d) => d.remove());
    const first = [...log.children].find((li) => li.msg && li.msg.seq > lastRead && li.msg.author !== s.me);
    if (first && lastRead > 0) first.before(h('li', { class: 'chat-divider', 'data-test': 'new-divider' }, h('span', {}, t('chat.newSince'))));
  };

  const highest = () => { let m = 0; k.msgs.forEach((_, seq) => { m = Math.max(m, seq); }); return m; };

  const markRead = () => {
    const top = highest();
    if (top <= readSent || document.visibilityState !== 'visible' || !pane.isConnected) return;
    if (live.fire({ type: 'read', room: id, seq: top })) {
      readSent = top;
      const r = info();
      if (r) { r.lastRead = Math.max(r.lastRead, top); r.lastSeq = Math.max(r.lastSeq, top); r.unread = 0; s.paintRooms(); }
    }
  };
  let readTimer = null;
  const soonRead = () => { clearTimeout(readTimer); readTimer = setTimeout(markRead, 800); };
  const onVisible = () => { if (document.visibilityState === 'visible') soonRead(); };
  document.addEventListener('visibilitychange', onVisible);
  s.disposers.push(() => document.removeEventListener('visibilitychange', onVisible));

  // ---- the outbox: mine, waiting for the server ----
  const paintOutbox = () => {
    const shown = new Set();
    k.msgs.forEach((e) => { if (e.msg.clientId) shown.add(e.msg.clientId); });
    const waiting = live.pending(id).filter((o) => !shown.has(o.clientId));
    const items = waiting.map((o) => h('li', { class: 'chat-msg mine pending', 'data-test': 'chat-pending', 'data-client': o.clientId },
      h('p', { class: 'chat-by' }, h('span', { class: 'who' }, s.me), h('span', { class: 'you' }, ' ' + t('home.you')), ' ',
        h('span', { class: 'chat-sending' }, t('chat.sending'))),
      h('p', { class: 'chat-plain', lang }, o.body)));
    failed.forEach((f, clientId) => {
      if (shown.has(clientId)) { failed.delete(clientId); return; }
      const again = h('button', { type: 'button', class: 'link-button', 'data-test': 'send-again' }, t('chat.sendAgain'));
      const drop = h('button', { type: 'button', class: 'link-button' }, t('chat.discard'));
      again.addEventListener('click', () => { failed.delete(clientId); live.sendMessage(id, f.body); paintOutbox(); input.focus(); });
      drop.addEventListener('click', () => { failed.delete(clientId); paintOutbox(); input.focus(); });
      items.push(h('li', { class: 'chat-msg mine failed', 'data-test': 'chat-failed' },
        h('p', { class: 'error' }, h('span', { class: 'error-mark', 'aria-hidden': 'true' }, '!'), ' ', t('chat.notSent') + ' ', f.error),
        h('p', { class: 'chat-plain', lang }, f.body),
        h('div', { class: 'post-actions' }, again, drop)));
    });
    put(outboxEl, items);
    outboxEl.hidden = items.length === 0;
  };

  // ---- what one can do with a message ----
  const messageTools = (li, slot, own) => {
    const m = li.msg;
    const whose = () => h('span', { class: 'sr' }, ' ' + t('chat.whose', { p: m.author || t('post.someone') }));
    const btn = (test, label, fn) => {
      const b = h('button', { type: 'button', class: 'link-button', 'data-test': test }, label, whose());
      b.addEventListener('click', () => quietly(() => fn(b)));
      return b;
    };
    const status = h('div', { class: 'form-status' });
    const box = h('div', {}, status);
    const mine = k.mine.get(m.seq) || new Set();
    const reactions = h('div', { class: 'reactions', role: 'group', 'aria-label': t('chat.reactTo', { p: m.author || t('post.someone') }) },
      KINDS.map((x) => {
        const b = h('button', { type: 'button', class: 'react', 'data-kind': x, 'aria-pressed': String(mine.has(x)) },
          h('span', { class: 'react-mark', 'aria-hidden': 'true' }, REACTION_MARK[x]), ' ', t('react.' + x));
        b.addEventListener('click', () => busy(box, async () => {
          const on = !(k.mine.get(m.seq) || new Set()).has(x);
          try {
            await live.request({ type: 'react', room: id, seq: m.seq, reaction: x, on },
              { match: (f) => f.type === 'reaction' && f.room === id && f.seq === m.seq && f.reaction === x && f.pseudonym === s.me });
          } catch (f) { throw liveError(f); }
          b.setAttribute('aria-pressed', String(on));
        }));
        return b;
      }));
    const actions = [];
    if (own) {
      actions.push(btn('edit', t('post.edit'), (b) => slot.open((close) => editForm(li, close), b)));
      actions.push(btn('delete', t('post.delete'), (b) => slot.open((close) => deleteBox(li, close), b)));
    } else {
      actions.push(btn('report', t('post.report'), (b) => slot.open((close) => reasonForm({
        title: t('chat.reportTitle'), hint: t('report.hint'), label: t('report.reason'), reasonHint: t('report.reasonHint'),
        submit: t('report.send'), test: 'report-form', close,
        run: async (why) => {
          try {
            await live.request({ type: 'report', room: id, seq: m.seq, reason: why }, { answer: 'reported' });
          } catch (f) { throw liveError(f); }
          const done = h('p', { class: 'flash small', role: 'status', tabindex: '-1' }, t('report.thanks'));
          slot.replaceChildren(done);
          done.focus();
        },
      }), b)));
      const kind = joined && joined.kind;
      if (s.mod && kind && kind !== 'DIRECT') {
        actions.push(btn('mod-delete', t('chat.modDelete'), (b) => slot.open((close) => reasonForm({
          title: t('chat.modDeleteTitle'), hint: t('chat.modDeleteHint'), submit: t('chat.modDelete'), danger: true, close,
          run: async (why) => {
            try {
              await live.request({ type: 'delete', room: id, seq: m.seq, reason: why },
                { match: (f) => f.type === 'deleted' && f.room === id && f.seq === m.seq });
            } catch (f) { throw liveError(f); }
            announce(t('chat.modDeleted'));
            heading.focus();
          },
        }), b)));
        if (m.author) {
          actions.push(btn('mute', t('chat.mute'), (b) => slot.open((close) => muteForm(m.author, close), b)));
        }
      }
    }
    box.append(reactions, h('div', { class: 'post-actions' }, actions));
    return box;
  };

  const editForm = (li, close) => {
    const m = li.msg;
    const body = h('textarea', { name: 'body', rows: '3', required: true, maxlength: String(MAX_BODY),
      value: (m.clientId && k.sources.get(m.clientId)) || m.text || '' });
    const cancel = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
    cancel.addEventListener('click', close);
    const titleId = newId('edit');
    const form = h('form', { class: 'stack inline-form', 'data-test': 'edit-form', 'aria-labelledby': titleId },
      h('h3', { id: titleId }, t('chat.editTitle')),
      field(t('chat.label'), body),
      formEnd(h('button', { type: 'submit', class: 'button' }, t('post.save')), cancel));
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !form.dataset.busy) close(); });
    onSubmit(form, async () => {
      if (!check(() => { if (!body.value.trim()) throw new Invalid(body, 'body_invalid', t('chat.empty')); })) return;
      try {
        await live.request({ type: 'edit', room: id, seq: m.seq, body: body.value },
          { match: (f) => f.type === 'edited' && f.room === id && f.seq === m.seq });
      } catch (f) { throw liveError(f); }
      if (m.clientId) k.sources.set(m.clientId, body.value);
      announce(t('post.saved'));
      const toggle = li.querySelector('.chat-more');
      if (toggle) toggle.focus();
    }, (code) => (['body_invalid', 'message_too_large'].includes(code) ? body : null));
    form.first = body;
    return form;
  };

  const deleteBox = (li, close) => {
    const m = li.msg;
    const q = h('p', { class: 'confirm-q', tabindex: '-1' }, t('chat.deleteQ'));
    const yes = h('button', { type: 'button', class: 'button danger', 'data-test': 'confirm-delete' }, t('post.deleteYes'));
    const no = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
    const box = h('div', { class: 'confirm-box' }, q, formEnd(yes, no));
    no.addEventListener('click', close);
    yes.addEventListener('click', () => busy(box, async () => {
      try {
        await live.request({ type: 'delete', room: id, seq: m.seq }, { match: (f) => f.type === 'deleted' && f.room === id && f.seq === m.seq });
      } catch (f) { throw liveError(f); }
      announce(t('chat.deletedDone'));
      heading.focus();
    }, yes));
    box.first = q;
    return box;
  };

  let memberIds = null;
  const muteForm = (pseudonym, close) => {
    const minutes = h('select', { name: 'minutes' }, MUTE_CHOICES.map((n) => h('option', { value: String(n) }, tn('chat.minutes', n))));
    return reasonForm({
      title: t('chat.muteTitle', { p: pseudonym }), hint: t('chat.muteHint'), submit: t('chat.mute'), test: 'mute-form', close,
      extra: [field(t('chat.muteFor'), minutes)],
      run: async (why) => {
        if (!memberIds) {
          const all = await fapi(ctx.api + '/members');
          memberIds = new Map(all.map((x) => [x.pseudonym, x.memberId]));
        }
        const who = memberIds.get(pseudonym);
        if (!who) throw Object.assign(new Error(), { code: 'member_not_found', text: t('chat.muteGone', { p: pseudonym }) });
        await fapi(ctx.api + '/chat/rooms/' + enc(id) + '/members/' + enc(who) + '/mute', 'POST',
          { reason: why, minutes: Number(minutes.value) });
        close();
        announce(t('chat.muted', { p: pseudonym }));
      },
    });
  };

  // ---- moderators: slow mode ----
  const modTools = () => {
    const seconds = h('select', { name: 'seconds' }, SLOW_CHOICES.map((n) => h('option', { value: String(n) },
      n === 0 ? t('chat.slowOff') : tn('chat.slowEvery', n))));
    const slot = formSlot();
    const open = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'slow-mode-open' }, t('chat.slowSet'));
    open.addEventListener('click', () => slot.open((close) => {
      seconds.value = String(joined ? joined.slowModeSeconds : 0);
      return reasonForm({
        title: t('chat.slowTitle'), hint: t('chat.slowHint'), submit: t('chat.slowSave'), test: 'slow-mode-form', close,
        extra: [field(t('chat.slowLabel'), seconds)],
        run: async (why) => {
          await fapi(ctx.api + '/chat/rooms/' + enc(id) + '/slow-mode', 'PUT', { seconds: Number(seconds.value), reason: why });
          close();
          announce(Number(seconds.value) ? tn('chat.slow', Number(seconds.value)) : t('chat.slowIsOff'));
        },
      });
    }, open));
    return h('details', { class: 'more chat-mod' }, h('summary', {}, t('chat.modTools')), h('div', { class: 'actions' }, open), slot);
  };

  // ---- the send box ----
  const input = h('textarea', {
    name: 'body', rows: '2', maxlength: String(MAX_BODY), 'aria-describedby': 'chat-send-hint', 'data-test': 'chat-input',
    enterkeyhint: 'send',
  });
  const inputId = newId('chat');
  input.id = inputId;
  const sendB = h('button', { type: 'submit', class: 'button', 'data-test': 'chat-send' }, t('chat.send'));
  const form = h('form', { class: 'chat-send', 'data-test': 'chat-form' },
    h('label', { for: inputId, class: 'chat-send-label' }, t('chat.label')),
    h('div', { class: 'chat-send-row' }, input, sendB),
    h('p', { class: 'hint', id: 'chat-send-hint' }, t('chat.sendHint')),
    h('div', { class: 'form-status' }));
  let typedAt = 0;
  input.addEventListener('input', () => {
    if (!joined || !input.value.trim() || Date.now() - typedAt < TYPING_EVERY) return;
    typedAt = Date.now();
    live.fire({ type: 'typing', room: id });
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  form.setAttribute('novalidate', '');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    form.querySelector('.form-status').replaceChildren();
    const body = input.value;
    if (!body.trim()) return;
    if ([...body].length > MAX_BODY) {
      form.querySelector('.form-status').replaceChildren(h('p', { class: 'error', role: 'alert' }, t('chat.tooLong', { n: MAX_BODY })));
      return;
    }
    const clientId = live.newClientId();
    k.sources.set(clientId, body);
    live.sendMessage(id, body, clientId);
    input.value = '';
    typedAt = 0;
    paintOutbox();
    toBottom();
    input.focus();
  });

  // ---- frames ----
  const history = async (before) => {
    const f = await live.request({ type: 'history', room: id, beforeSeq: before, limit: HISTORY_PAGE }, { answer: 'history' });
    const wasBottom = atBottom();
    const fromTop = scroller.scrollHeight - scroller.scrollTop;
    quietly(() => f.messages.forEach(place));
    if (before == null) live.seen(id, f.lastSeq);
    f.messages.forEach((m) => live.seen(id, m.seq));
    if (f.messages.length < HISTORY_PAGE || (f.messages.length && f.messages[0].seq <= 1)) k.complete = true;
    earlierBox.hidden = k.complete || k.msgs.size === 0;
    if (before == null || wasBottom) toBottom();
    else scroller.scrollTop = scroller.scrollHeight - fromTop;
    paintOutbox();
    return f.messages.length;
  };
  earlier.addEventListener('click', () => busy(earlierBox, async () => {
    let n;
    try { n = await history(k.oldest); } catch (f) { throw liveError(f); }
    announce(tn('chat.loadedEarlier', n));
    const first = log.querySelector('.chat-msg');
    if (first) { first.setAttribute('tabindex', '-1'); first.focus(); }
  }, earlier));

  const onFrame = (f) => {
    if (f.room !== id && f.type !== 'error') return;
    switch (f.type) {
      case 'joined': {
        joined = f;
        problem.replaceChildren();
        present.clear();
        (f.present || []).forEach((p) => present.add(p));
        paintPresence();
        paintMeta();
        if (f.kind === 'DIRECT' || f.name) {
          const r = info();
          if (!r) { s.rooms.push({ id, name: f.name, kind: f.kind, with: f.with, slowModeSeconds: f.slowModeSeconds, lastSeq: f.lastSeq, lastRead: f.lastRead, unread: 0 }); s.paintRooms(); }
          heading.textContent = f.kind === 'DIRECT' ? t('chat.with', { p: f.with }) : f.name;
        }
        const lastRead = f.lastRead;
        const showDivider = () => {
          if (dividerDone) return;
          dividerDone = true;
          quietly(() => divider(lastRead));
          toBottom();
        };
        if (!loaded) {
          history(null).then(() => { loaded = true; showDivider(); soonRead(); }, (err) => {
            // A connection lost meanwhile asks again when it is back (the next joined).
            if (err.code !== 'network') problem.replaceChildren(h('p', { class: 'error', role: 'alert' }, errorText(liveError(err))));
          });
        } else {
          showDivider();
        }
        if (s.mod && f.kind !== 'DIRECT' && !pane.querySelector('.chat-mod')) form.after(modTools());
        break;
      }
      case 'message': {
        const wasBottom = atBottom();
        if (place(f)) {
          typers.delete(f.author);
          paintTyping();
        }
        paintOutbox();
        if (wasBottom || f.author === s.me) toBottom();
        soonRead();
        break;
      }
      case 'caught_up':
        soonRead();
        break;
      case 'ack':
        paintOutbox();
        break;
      case 'edited': case 'deleted': {
        const e = k.msgs.get(f.seq);
        if (!e) break;
        if (f.type === 'edited') Object.assign(e.msg, { html: f.html, text: f.text, editedAt: f.editedAt });
        else Object.assign(e.msg, { deleted: true, deletedByModerator: f.byModerator, html: null, text: null });
        fill(e.li);
        break;
      }
      case 'reaction': {
        const e = k.msgs.get(f.seq);
        if (f.pseudonym === s.me) {
          const mine = k.mine.get(f.seq) || new Set();
          if (f.on) mine.add(f.reaction); else mine.delete(f.reaction);
          k.mine.set(f.seq, mine);
        }
        if (!e) break;
        e.msg.reactions = Object.assign({}, e.msg.reactions, { [f.reaction]: f.count });
        const before = e.li.querySelector('.chat-reactions');
        const counts = reactionCounts(e.msg);
        if (before && counts) before.replaceWith(counts);
        else if (before) before.remove();
        else if (counts && e.li.querySelector('.chat-more')) e.li.querySelector('.chat-more').before(counts);
        const pressed = e.li.querySelector('.react[data-kind="' + f.reaction + '"]');
        if (pressed && f.pseudonym === s.me) pressed.setAttribute('aria-pressed', String(f.on));
        break;
      }
      case 'typing':
        clearTimeout(typers.get(f.pseudonym));
        typers.set(f.pseudonym, setTimeout(() => { typers.delete(f.pseudonym); paintTyping(); }, TYPING_SHOWN));
        paintTyping();
        break;
      case 'presence':
        if (f.here) present.add(f.pseudonym); else present.delete(f.pseudonym);
        paintPresence();
        break;
      case 'slow_mode':
        if (joined) joined.slowModeSeconds = f.seconds;
        paintMeta();
        break;
      case 'removed':
        problem.replaceChildren(h('p', { class: 'error', role: 'alert', 'data-test': 'room-removed' }, t('chat.removedFromRoom')));
        form.hidden = true;
        live.closeRoom(listening);
        break;
      case 'crisis': {
        const panel = supportPanel(f.resources || [], lang, null, t('chat.supportSent'));
        panel.dataset.test = 'chat-crisis';
        supportSlot.replaceChildren(panel);
        break;
      }
      case 'error': {
        if (f.ref && f.ref.startsWith('s-')) {
          // A send of this room that the server refused (slow mode, a mute, too long): said beside the words.
          const clientId = f.ref.slice(2);
          if (!k.sources.has(clientId)) break;
          failed.set(clientId, { body: k.sources.get(clientId), error: errorText(liveError(f)) });
          paintOutbox();
        } else if (f.ref && f.ref.startsWith('j-')) {
          problem.replaceChildren(h('p', { class: 'error', role: 'alert', 'data-test': 'room-error' }, errorText(liveError(f)),
            ' ', h('a', { href: ctx.href + '/chat' }, t('chat.allRooms'))));
          form.hidden = true;
        }
        break;
      }
      default:
    }
  };
  s.disposers.push(live.onFrame(onFrame));
  // After a reconnect the room is joined again: who is here is told afresh.
  s.disposers.push(live.onStatus((st) => { if (st !== 'open') { present.clear(); paintPresence(); typers.clear(); paintTyping(); } }));
  s.disposers.push(() => { clearTimeout(readTimer); live.closeRoom(listening); });

  // What this tab already has of the room is shown at once; the connection then brings what is new.
  quietly(() => [...k.msgs.values()].sort((a, b) => a.msg.seq - b.msg.seq).forEach((e) => { e.li = msgItem(e.msg); log.append(e.li); }));
  earlierBox.hidden = k.complete || k.msgs.size === 0;
  const listening = live.openRoom(id, k.msgs.size ? Math.max(...k.msgs.keys()) : -1);
  paintMeta();
  paintPresence();
  paintOutbox();
  setTimeout(toBottom, 0);

  put(pane, heading, meta, presence, problem, scroller, typingEl, supportSlot, form, notEmergency(ctx.c));
  return pane;
}

/** Reactions with a count, in words beside the marks. */
function reactionCounts(m) {
  const counts = KINDS.filter((x) => Number((m.reactions || {})[x] || 0) > 0);
  return counts.length ? h('p', { class: 'chat-reactions', 'data-test': 'reactions' }, counts.map((x) => h('span', { class: 'chat-reaction' },
    h('span', { 'aria-hidden': 'true' }, REACTION_MARK[x] + ' '), t('react.' + x), ' ', String(m.reactions[x])))) : null;
}

/** An error frame (or a connection that went away) as an error the forms know how to show. */
function liveError(f) {
  if (f instanceof Error) return f;
  const e = new Error(f.message || f.code);
  e.code = f.code || 'unexpected';
  e.serverMessage = f.message || '';
  if (e.code === 'network') e.text = t('chat.offlineAction');
  return e;
}

/** The time of a message: the clock today, the date before. */
function clock(iso) {
  const d = new Date(iso);
  const today = new Date().toDateString() === d.toDateString();
  try {
    return new Intl.DateTimeFormat(app.lang === 'nb' ? 'nb-NO' : 'en-GB',
      today ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }).format(d);
  } catch (e) {
    return d.toLocaleString();
  }
}
