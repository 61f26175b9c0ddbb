// What the forum pages share: the member and their community, post bodies, marks on threads,
// times, the crisis-support panel, reason forms, and the words for what moderators did.
import { h, newId } from './dom.js';
import { api, enc, ApiError } from './api.js';
import { app, t, date, field, formEnd, onSubmit, check, Invalid, refusal } from './ui.js';

export const KINDS = ['HEART', 'HUG', 'STRENGTH', 'SAME', 'THANKS'];
export const REACTION_MARK = { HEART: '💛', HUG: '🤗', STRENGTH: '💪', SAME: '🙋', THANKS: '🙏' };
export const MAX_REASON = 500;

export const isModerator = (m) => m.role === 'MODERATOR' || m.role === 'ADMIN';

/** A forum call: like api(), but a mute's end ("until 2026-…Z") is said as a date people read. */
export function fapi(path, method, body) {
  return api(path, method, body).catch((err) => {
    if (err.code === 'member_muted') {
      const until = /\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(err.serverMessage || '');
      err.text = until ? t('err.member_muted_until', { date: date(until[0]) }) : t('err.member_muted');
    }
    throw err;
  });
}

/**
 * The community of a forum page and the caller's membership in it. The forum is for active members;
 * anyone else gets a page that says so and where to go instead.
 */
export async function memberOf(slug) {
  const [c, me] = await Promise.all([api('/communities/' + enc(slug)), app.getMe()]);
  if (!me.authenticated) throw new ApiError(401, 'not_authenticated', '');
  const m = c.membership;
  if (!m || m.status !== 'ACTIVE') {
    const err = refusal('not_a_member', t('forum.membersOnly', { name: c.name }));
    err.way = ['/c/' + enc(c.slug), t('forum.toCommunity', { name: c.name })];
    throw err;
  }
  return { c, m, api: '/communities/' + enc(c.slug), href: '/c/' + enc(c.slug) };
}

export const threadHref = (ctx, id, postId) => ctx.href + '/forum/t/' + enc(id) + (postId ? '?post=' + enc(postId) : '');

/**
 * The one place the client puts markup from the server into the page, and only a post's `html`.
 * It is safe because it is not what the member typed: the server renders their Markdown with all
 * HTML escaped, then cleans the result with jsoup against a short allow-list (paragraphs, emphasis,
 * lists, quotes, code, h3–h6, and links to http/https/mailto only, with rel="nofollow noopener
 * noreferrer ugc"; no images, no attributes beyond href and ol's start), see
 * org.kinship.platform.text.Markdown. Everything else from the server, a post's `source`, titles,
 * names and content warnings included, goes in as text.
 */
export function postBody(html, lang) {
  const body = h('div', { class: 'post-body', 'data-test': 'post-body', lang });
  body.innerHTML = html;
  return body;
}

/** Words behind a content warning, opened on request (a native <details>: keyboard and screen reader work as is). */
export function behindWarning(warning, body, lang) {
  return h('details', { class: 'cw', 'data-test': 'content-warning' },
    h('summary', {}, h('span', { class: 'cw-label' }, t('post.cw')), ' ', h('span', { lang }, warning),
      h('span', { class: 'cw-open' }, t('post.cwOpen'))),
    body);
}

// ---- time ----

const locale = () => (app.lang === 'nb' ? 'nb-NO' : 'en-GB');

/** "5 minutes ago" for the last week, a date before that. */
export function when(iso) {
  const d = new Date(iso);
  const s = (d.getTime() - Date.now()) / 1000;
  const a = Math.abs(s);
  if (a >= 7 * 86400 || typeof Intl.RelativeTimeFormat !== 'function') return date(iso);
  if (a < 60) return t('time.now');
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (a < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (a < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

export const timeEl = (iso) => h('time', { datetime: iso, title: date(iso) }, when(iso));

// ---- marks on a thread: words in a bordered box, never colour alone ----

export function marks(thread, { moderator = false } = {}) {
  const list = [];
  if (thread.visibility === 'CIRCLE') list.push(['circle', t('mark.circle')]);
  if (isShared(thread)) list.push(['shared', t('mark.shared')]);
  if (thread.pinned) list.push(['pinned', t('mark.pinned')]);
  if (thread.locked) list.push(['locked', t('mark.locked')]);
  if (thread.hidden) list.push(['hidden', t('mark.hidden')]);
  if (moderator && thread.needsWelcome) list.push(['welcome', t('mark.welcome')]);
  if (!list.length) return null;
  return h('ul', { class: 'marks' }, list.map(([k, text]) => h('li', { class: 'mark mark-' + k, 'data-mark': k }, text)));
}

/** Whether the thread's author shares it with the other communities this one federates with. */
export const isShared = (thread) => Boolean(thread.sharing && thread.sharing.shared);

// ---- what came from another server ----

/**
 * A link to a page on another server, in a new tab (said to screen readers), and only when it is a web
 * address. No referrer goes with it: index.html sets the policy to same-origin.
 */
export function remoteLink(url, text) {
  if (!/^https?:\/\//i.test(url || '')) return h('span', {}, text);
  return h('a', { href: url, rel: 'noopener nofollow ugc', target: '_blank' }, text,
    h('span', { class: 'sr' }, ' ' + t('origin.newTab')));
}

/**
 * "From walks@lemmy.example" for a thread or reply written in a community on another server (its
 * `origin`), the name a link to the original; nothing for what was written here.
 */
export function originOf(origin) {
  if (!origin || !origin.handle) return null;
  return h('span', { class: 'origin', 'data-test': 'origin' }, t('origin.from') + ' ', remoteLink(origin.url, origin.handle));
}

/** A thread's title, or what stands for it once the author deleted the opening post. */
export const titleOf = (thread) => thread.title || t('thread.noTitle');

// ---- searching the forum ----

export const MAX_SEARCH = 200;

/**
 * The forum's search box, on the forum page and above the results: a native GET form (role search)
 * that the client turns into a route change. The server decides what a search is; here only an
 * empty box is caught, so that nothing is sent for it.
 */
export function searchForm(ctx, value = '') {
  const q = h('input', { type: 'search', name: 'q', id: newId('search'), value, maxlength: String(MAX_SEARCH),
    autocomplete: 'off', enterkeyhint: 'search', 'data-test': 'search-input' });
  const form = h('form', { role: 'search', class: 'search-form', action: ctx.href + '/forum/search', method: 'get',
    'data-test': 'search-form' },
  h('label', { for: q.id }, t('search.label')),
  h('div', { class: 'search-row' }, q, h('button', { type: 'submit', class: 'button' }, t('search.go'))),
  h('div', { class: 'form-status' }));
  onSubmit(form, async () => {
    const typed = q.value.trim();
    if (!check(() => {
      if (!typed) throw new Invalid(q, 'validation_failed', t('search.empty'));
    })) return;
    app.navigate(ctx.href + '/forum/search?q=' + enc(typed));
  }, () => q);
  form.input = q;
  return form;
}

// ---- the crisis-support panel ----

/**
 * Shown to someone right after they wrote words that suggest crisis. Calm, not an alarm: a region
 * with a heading the caller moves focus to, the community's numbers as tel: links, and the truth
 * about what happened to the post and who was told.
 */
export function supportPanel(resources, lang, after, published = t('support.published')) {
  const id = newId('support');
  const heading = h('h2', { id, tabindex: '-1' }, t('support.title'));
  const panel = h('section', { class: 'support', 'data-test': 'crisis-support', 'aria-labelledby': id },
    heading,
    h('p', {}, t('support.lead')),
    h('ul', { class: 'crisis' }, resources.map((r) => h('li', { 'data-test': 'crisis-resource' },
      h('span', { class: 'crisis-label', lang }, r.label),
      h('a', { href: 'tel:' + r.phone.replace(/[^+0-9]/g, ''), class: 'tel' },
        h('span', { class: 'sr' }, t('emergency.call') + ' '), r.phone),
      r.description && h('span', { class: 'crisis-desc', lang }, r.description)))),
    h('p', {}, published),
    h('p', {}, t('support.moderators')),
    after);
  panel.heading = heading;
  return panel;
}

/** One line under a writing box: this is not an emergency service, and the first number to call. */
export function notEmergency(c) {
  const r = (c.crisisResources || [])[0];
  return h('p', { class: 'hint not-emergency' }, t('emergency.title') + '. ',
    r ? [t('forum.inDanger') + ' ', h('span', { lang: c.language }, r.label), ': ',
      h('a', { href: 'tel:' + r.phone.replace(/[^+0-9]/g, '') }, r.phone), '.']
      : t('emergency.none'));
}

// ---- forms that ask why ----

/**
 * An inline form asking for a reason (moderators always give one; a report is one). It has a
 * textarea named reason, optional fields before it (extra) and after it (after), and [submit]
 * [Cancel]. Focus starts in the first field. Escape cancels.
 * run(reason, form) does the work; close() takes the form away again.
 */
export function reasonForm({ title, hint, label = t('reason.label'), submit, extra = [], after = [], test = 'reason-form',
  danger = false, run, close, reasonHint = t('reason.hint') }) {
  const reason = h('textarea', { name: 'reason', rows: '3', maxlength: String(MAX_REASON), required: true });
  const send = h('button', { type: 'submit', class: 'button' + (danger ? ' danger' : '') }, submit);
  const cancel = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
  const titleId = newId('rf');
  const form = h('form', { class: 'stack inline-form', 'data-test': test, 'aria-labelledby': titleId },
    h('h3', { id: titleId }, title),
    hint && h('p', { class: 'hint' }, hint),
    extra,
    field(label, reason, reasonHint),
    after,
    formEnd(send, cancel));
  cancel.addEventListener('click', () => close());
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !form.dataset.busy) { e.preventDefault(); close(); }
  });
  onSubmit(form, async () => {
    const why = reason.value.trim();
    if (!check(() => {
      if (!why) throw new Invalid(reason, 'reason_required', t('reason.required'));
    })) return;
    await run(why, form);
  }, (code) => (code === 'reason_required' ? reason : null));
  form.first = extra.length ? form.querySelector('select, input, textarea') : reason;
  return form;
}

/**
 * A place under a button where one form at a time opens. open(build, button) shows build(close) and
 * puts focus in it; close() removes it and gives focus back to the button that opened it.
 */
export function formSlot() {
  const slot = h('div', { class: 'form-slot' });
  let opener = null;
  slot.close = (focusBack = true) => {
    slot.replaceChildren();
    if (focusBack && opener && opener.isConnected) opener.focus();
  };
  slot.open = (build, from) => {
    opener = from || document.activeElement;
    const node = build(() => slot.close());
    slot.replaceChildren(node);
    (node.first || node.querySelector('textarea, input, select, [tabindex="-1"]') || node).focus();
  };
  return slot;
}

// ---- what moderators did, in the member's language ----

// The server writes the outcome in English ("Your post was hidden by a moderator: <reason>"); the
// client knows each action's words and shows the moderator's reason as it was written.
const OUTCOMES = [
  ['Your post was hidden by a moderator', 'HIDE_POST'],
  ['Your post was restored', 'RESTORE_POST'],
  ['Your thread was hidden by a moderator', 'HIDE_THREAD'],
  ['Your thread was restored', 'RESTORE_THREAD'],
  ['Your thread was locked', 'LOCK'],
  ['Your thread was unlocked', 'UNLOCK'],
  ['Your thread was pinned', 'PIN'],
  ['Your thread was unpinned', 'UNPIN'],
  ['Your thread was moved to another category', 'MOVE'],
  ['A moderator paused your writing', 'MUTE'],
  ['You can write again', 'UNMUTE'],
  ['You were banned from the community', 'BAN'],
  // Not an action with a reason: a moderator asks, and the thread page asks the author (ForumService).
  ['A moderator asks you to share your thread with other communities', 'SHARE_REQUEST'],
];

/** {action, what, reason} from a MODERATION notification's detail; what is in the reader's language. */
export function outcome(detail) {
  const text = String(detail || '');
  for (const [prefix, action] of OUTCOMES) {
    if (!text.startsWith(prefix)) continue;
    let rest = text.slice(prefix.length);
    let until = null;
    const u = /^ until (\d{4}-\d\d-\d\dT[\d:.]+Z)/.exec(rest);
    if (u) { until = u[1]; rest = rest.slice(u[0].length); }
    if (rest && !rest.startsWith(':')) continue;
    return {
      action,
      what: t('outcome.' + action, { date: until ? date(until) : '' }),
      reason: rest.slice(1).trim(),
    };
  }
  return { action: null, what: text, reason: '' };
}
