// Shared pieces: app state, translation helpers, form fields and errors, the emergency notice.
import { h, newId } from './dom.js';
import { strings } from './i18n.js';
import { ApiError } from './api.js';

const KEY = 'kinship.lang';

function pickLang() {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'nb') return saved;
  } catch (e) { /* private mode: fine */ }
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** What the whole client shares. main.js fills in navigate, render and getMe. */
export const app = { lang: pickLang(), flash: null, navigate: null, render: null, getMe: null, me: null };

export function setLang(l) {
  app.lang = l;
  try { localStorage.setItem(KEY, l); } catch (e) { /* ignore */ }
  document.documentElement.lang = l;
}

export function t(key, vars) {
  let s = strings[app.lang][key];
  if (s == null) s = strings.en[key];
  if (s == null) return key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] == null ? m : String(vars[k]))) : s;
}

export const num = (n) => Number(n).toLocaleString(locale());
/** Plural: key.one / key.other, with {n} formatted. */
export const tn = (key, n) => t(key + (n === 1 ? '.one' : '.other'), { n: num(n) });
export const locale = () => (app.lang === 'nb' ? 'nb-NO' : 'en-GB');

export function date(iso) {
  const d = new Date(iso);
  if (isNaN(d)) return '';
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  } catch (e) {
    return d.toLocaleString();
  }
}

export function langName(code) {
  try {
    const n = new Intl.DisplayNames([locale()], { type: 'language' }).of(code);
    if (n && n !== code) return n.charAt(0).toLocaleUpperCase(locale()) + n.slice(1);
  } catch (e) { /* old browser */ }
  return code;
}

/** The message to show a person for an API error: ours for known codes, else the server's. */
export function errorText(err) {
  if (err && err.text) return err.text;
  const code = err && err.code;
  const ours = strings[app.lang]['err.' + code];
  if (code === 'network' || code === 'unexpected') return ours;
  if (app.lang === 'en' && err.serverMessage) return err.serverMessage;
  return ours || err.serverMessage || t('err.unexpected');
}

export const signInHref = (next) => '/login?next=' + encodeURIComponent(next || location.pathname + location.search);

export function signInLink(next, cls = 'button') {
  return h('a', { href: signInHref(next), class: cls, 'data-test': 'sign-in' }, t('signIn'));
}

/** The view's one h1. main.js focuses it after a route change. */
export const h1 = (text, attrs) => h('h1', Object.assign({ tabindex: '-1' }, attrs), text);

export function backLink(href, text) {
  return h('p', { class: 'back' }, h('a', { href }, h('span', { 'aria-hidden': 'true' }, '←'), text));
}

// ---- announcements ----

export function announce(text) {
  const live = document.getElementById('announce');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 60);
}

// ---- forms ----

/** A labelled field: label, optional hint, the control. Returns the wrapper; the control is .control. */
export function field(label, control, hint) {
  control.id = control.id || newId('f');
  const kids = [h('label', { for: control.id }, label)];
  if (hint) {
    const hid = control.id + '-hint';
    kids.push(h('p', { class: 'hint', id: hid }, hint));
    control.setAttribute('aria-describedby', hid);
  }
  kids.push(control);
  const row = h('div', { class: 'field' }, kids);
  row.control = control;
  return row;
}

function errorEl(code, text, id) {
  return h('p', { class: 'error', id, role: 'alert', 'data-test': 'form-error', 'data-code': code },
    h('span', { class: 'error-mark', 'aria-hidden': 'true' }, '!'), ' ', text);
}

/** Shows an error on one field: tied to it with aria-describedby, announced, and focused. */
export function fieldError(control, code, text, focus = true) {
  const id = control.id + '-error';
  const old = document.getElementById(id);
  if (old) old.remove();
  const el = errorEl(code, text, id);
  control.before(el);
  control.setAttribute('aria-invalid', 'true');
  const hint = control.id + '-hint';
  control.setAttribute('aria-describedby', (document.getElementById(hint) ? hint + ' ' : '') + id);
  if (focus) control.focus();
}

/** A message for the whole form, placed just above its buttons. extra: an optional node (a link). */
export function formError(form, code, text, extra) {
  const slot = form.querySelector('.form-status');
  const el = errorEl(code, text);
  if (extra) el.append(' ', extra);
  slot.replaceChildren(el);
}

export function clearErrors(form) {
  form.querySelectorAll('.error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const hint = c.id + '-hint';
    if (document.getElementById(hint)) c.setAttribute('aria-describedby', hint);
    else c.removeAttribute('aria-describedby');
  });
  const slot = form.querySelector('.form-status');
  if (slot) slot.replaceChildren();
}

/** The row of buttons under a form, with the slot for form-level messages above it. */
export const formEnd = (...buttons) => [h('div', { class: 'form-status' }), h('div', { class: 'actions' }, buttons)];

/**
 * Runs fn on submit with a busy state. If fn throws an ApiError, fieldFor(code) may name the
 * control it belongs to; otherwise it is shown for the whole form. A lost session offers sign-in.
 */
export function onSubmit(form, fn, fieldFor = () => null, extraFor = () => null) {
  form.setAttribute('novalidate', '');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (form.dataset.busy) return;
    clearErrors(form);
    const btn = form.querySelector('button[type="submit"]');
    const label = btn && btn.textContent;
    form.dataset.busy = '1';
    if (btn) { btn.setAttribute('aria-disabled', 'true'); btn.textContent = t('working'); }
    try {
      await fn();
    } catch (err) {
      showError(form, err, fieldFor, extraFor);
    } finally {
      delete form.dataset.busy;
      if (btn) { btn.removeAttribute('aria-disabled'); btn.textContent = label; }
    }
  });
}

export function showError(form, err, fieldFor = () => null, extraFor = () => null) {
  if (!err || !err.code) { console.error(err); err = { code: 'unexpected' }; }
  const control = fieldFor(err.code);
  if (control) return fieldError(control, err.code, errorText(err));
  let extra = extraFor(err.code);
  if (err.code === 'not_authenticated') {
    extra = signInLink(null, '');
    if (app.getMe) app.getMe(true).catch(() => {});
  }
  formError(form, err.code, errorText(err), extra);
}

/** A client-side check failed: same look and wiring as the server's errors. */
export class Invalid extends Error {
  constructor(control, code, text) { super(text); this.control = control; this.code = code; }
}

export function check(form, fn) {
  try { fn(); return true; } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    fieldError(e.control, e.code, e.message);
    return false;
  }
}

/** A button that asks first: "Leave?" → [Yes, leave] [Cancel]. run() may throw an ApiError. */
export function confirmAction({ label, question, yes, run, danger = true }) {
  const wrap = h('div', { class: 'confirm' });
  const open = h('button', { type: 'button', class: 'button secondary' }, label);
  open.addEventListener('click', () => {
    const q = h('p', { class: 'confirm-q', tabindex: '-1' }, question);
    const yesB = h('button', { type: 'button', class: danger ? 'button danger' : 'button' }, yes);
    const noB = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
    const box = h('form', { class: 'confirm-box' }, q, formEnd(yesB, noB));
    noB.addEventListener('click', () => { wrap.replaceChildren(open); open.focus(); });
    yesB.addEventListener('click', async () => {
      if (box.dataset.busy) return;
      box.dataset.busy = '1';
      clearErrors(box);
      yesB.textContent = t('working');
      try { await run(); } catch (err) { showError(box, err); }
      delete box.dataset.busy;
      yesB.textContent = yes;
    });
    box.addEventListener('submit', (e) => e.preventDefault());
    wrap.replaceChildren(box);
    q.focus();
  });
  wrap.append(open);
  return wrap;
}

/** A link shown once, with a copy button. */
export function copyBox(url) {
  const code = h('code', { class: 'link-text' }, url);
  const btn = h('button', { type: 'button', class: 'button' }, t('copy'));
  btn.addEventListener('click', async () => {
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch (e) {
      const ta = h('textarea', { class: 'sr', readonly: true }, url);
      document.body.append(ta);
      ta.select();
      try { ok = document.execCommand('copy'); } catch (e2) { ok = false; }
      ta.remove();
    }
    btn.textContent = ok ? t('copied') : t('copyFailed');
    announce(ok ? t('copied') : t('copyFailed'));
    if (!ok) {
      const r = document.createRange();
      r.selectNodeContents(code);
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    }
    setTimeout(() => { btn.textContent = t('copy'); }, 2500);
  });
  return h('div', { class: 'link-box' }, code, h('div', { class: 'actions' }, btn));
}

// ---- the community's safety notice ----

const telHref = (phone) => 'tel:' + phone.replace(/[^+0-9]/g, '');

/** Always on a community's pages, never hidden: Kinship is not an emergency service. */
export function emergencyNotice(c) {
  const id = newId('emergency');
  const list = c.crisisResources || [];
  return h('section', { class: 'emergency', 'data-test': 'emergency-notice', 'aria-labelledby': id },
    h('h2', { id }, t('emergency.title')),
    h('p', {}, t('emergency.lead')),
    list.length
      ? h('ul', { class: 'crisis' }, list.map((r) => h('li', { 'data-test': 'crisis-resource' },
        h('span', { class: 'crisis-label', lang: c.language }, r.label),
        h('a', { href: telHref(r.phone), class: 'tel' },
          h('span', { class: 'sr' }, t('emergency.call') + ' '), r.phone),
        r.description && h('span', { class: 'crisis-desc', lang: c.language }, r.description))))
      : h('p', {}, t('emergency.none')));
}

/** An error the client decides on itself, with its own words. */
export function refusal(code, text) {
  const e = new ApiError(403, code, '');
  e.text = text;
  return e;
}

export const roleName = (role) => t('role.' + role);
export const policyText = (p) => t('policy.' + p);
