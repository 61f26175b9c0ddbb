// Shared pieces: app state, words, form fields and their errors, the emergency notice.
import { h, newId } from './dom.js';
import { strings } from './i18n.js';
import { ApiError } from './api.js';

function pickLang() {
  try {
    const saved = localStorage.getItem('kinship.lang');
    if (saved === 'en' || saved === 'nb') return saved;
  } catch (e) { /* storage off */ }
  for (const l of navigator.languages || [navigator.language || '']) {
    const base = String(l).toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** What the whole client shares. main.js fills in navigate, render and getMe. */
export const app = { lang: pickLang(), flash: null, me: null };

export function setLang(l) {
  app.lang = l;
  try { localStorage.setItem('kinship.lang', l); } catch (e) { /* storage off */ }
  document.documentElement.lang = l;
}

export function t(key, vars) {
  const s = strings[app.lang][key] ?? strings.en[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] == null ? m : String(vars[k]))) : s;
}

const locale = () => (app.lang === 'nb' ? 'nb-NO' : 'en-GB');
/** Plural: key.one / key.other, with {n} formatted. */
export const tn = (key, n) => t(key + (n === 1 ? '.one' : '.other'), { n: Number(n).toLocaleString(locale()) });

export function date(iso) {
  const d = new Date(iso);
  try {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  } catch (e) {
    return d.toLocaleString();
  }
}

export function langName(code) {
  try {
    const n = new Intl.DisplayNames([locale()], { type: 'language' }).of(code);
    if (n) return n[0].toLocaleUpperCase(locale()) + n.slice(1);
  } catch (e) { /* old browser */ }
  return code;
}

export const roleName = (role) => t('role.' + role);
export const policyText = (p) => t('policy.' + p);

/** The words for an error: the client's own, ours for the code in Norwegian, else the server's. */
export function errorText(err) {
  if (err.text) return err.text;
  const ours = strings[app.lang]['err.' + err.code];
  if (err.code === 'network' || err.code === 'unexpected') return ours;
  if (app.lang === 'en' && err.serverMessage) return err.serverMessage;
  return ours || err.serverMessage || t('err.unexpected');
}

/** An error the client decides on itself, in its own words. */
export function refusal(code, text) {
  const e = new ApiError(403, code, '');
  e.text = text;
  return e;
}

// The destination travels in the path (/login/c/oslo/join): the OIDC round trip drops query strings.
export const signInHref = (next) => '/login' + (next || location.pathname + location.search).split('?')[0];
export const signInLink = (next, cls = 'button') => h('a', { href: signInHref(next), class: cls, 'data-test': 'sign-in',
  'data-next': next || location.pathname + location.search }, t('signIn'));

/** The view's one h1. main.js focuses it after a route change. */
export const h1 = (text, attrs) => h('h1', Object.assign({ tabindex: '-1' }, attrs), text);

export const backLink = (href, text) => h('p', { class: 'back' },
  h('a', { href }, h('span', { 'aria-hidden': 'true' }, '←'), text));

export function announce(text) {
  const live = document.getElementById('announce');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 60);
}

// ---- forms ----
// Every form (or box of buttons) has a .form-status slot above its buttons for messages.

/** A labelled control with an optional hint. */
export function field(label, control, hint) {
  control.id = control.id || newId('f');
  const hid = control.id + '-hint';
  if (hint) control.setAttribute('aria-describedby', hid);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label),
    hint && h('p', { class: 'hint', id: hid }, hint), control);
}

const errorEl = (code, text, id) => h('p', { class: 'error', id, role: 'alert', 'data-test': 'form-error', 'data-code': code },
  h('span', { class: 'error-mark', 'aria-hidden': 'true' }, '!'), ' ', text);

/** An error on one control: above it, tied to it with aria-describedby, announced, focused. */
export function fieldError(control, code, text) {
  const id = control.id + '-error';
  const p = control.parentElement;
  (p.classList.contains('field') ? control : p).before(errorEl(code, text, id));
  control.setAttribute('aria-invalid', 'true');
  const hint = control.id + '-hint';
  control.setAttribute('aria-describedby', (document.getElementById(hint) ? hint + ' ' : '') + id);
  control.focus();
}

export function clearErrors(box) {
  box.querySelectorAll('.error').forEach((e) => e.remove());
  box.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const hint = c.id + '-hint';
    if (document.getElementById(hint)) c.setAttribute('aria-describedby', hint);
    else c.removeAttribute('aria-describedby');
  });
  box.querySelector('.form-status').replaceChildren();
}

/** The buttons under a form, with the message slot above them. */
export const formEnd = (...buttons) => [h('div', { class: 'form-status' }), h('div', { class: 'actions' }, buttons)];

/** Shows err on the control fieldFor(code) names, else for the whole box (plus extraFor(code), a link). */
export function showError(box, err, fieldFor = () => null, extraFor = () => null) {
  if (!err || !err.code) { console.error(err); err = { code: 'unexpected' }; }
  const control = fieldFor(err.code);
  if (control) return fieldError(control, err.code, errorText(err));
  const el = errorEl(err.code, errorText(err));
  let extra = extraFor(err.code);
  if (err.code === 'not_authenticated') {
    extra = signInLink(null, '');
    app.getMe(true).catch(() => {});
  }
  if (extra) el.append(' ', extra);
  box.querySelector('.form-status').replaceChildren(el);
}

/** Runs fn for a box one at a time, showing what fails; button (if given) says it is working. */
export async function busy(box, fn, button, fieldFor, extraFor) {
  if (box.dataset.busy) return;
  box.dataset.busy = '1';
  clearErrors(box);
  const label = button && [...button.childNodes];
  if (button) { button.setAttribute('aria-disabled', 'true'); button.textContent = t('working'); }
  try {
    await fn();
  } catch (err) {
    showError(box, err, fieldFor, extraFor);
  }
  delete box.dataset.busy;
  if (button) { button.removeAttribute('aria-disabled'); button.replaceChildren(...label); }
}

export function onSubmit(form, fn, fieldFor, extraFor) {
  form.setAttribute('novalidate', '');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, fn, form.querySelector('button[type="submit"]'), fieldFor, extraFor);
  });
}

/** A client-side check that failed: same look and wiring as the server's errors. */
export class Invalid extends Error {
  constructor(control, code, text) { super(text); this.control = control; this.code = code; }
}

/** Runs the checks in fn; on the first Invalid shows it and returns false. */
export function check(fn) {
  try { fn(); return true; } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    fieldError(e.control, e.code, e.message);
    return false;
  }
}

/** A button that asks first: "Leave?" → [Yes, leave] [Cancel]. */
export function confirmAction({ label, question, yes, run }) {
  const wrap = h('div', {});
  const open = h('button', { type: 'button', class: 'button secondary' }, label);
  open.addEventListener('click', () => {
    const q = h('p', { class: 'confirm-q', tabindex: '-1' }, question);
    const yesB = h('button', { type: 'button', class: 'button danger' }, yes);
    const noB = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
    const box = h('div', { class: 'confirm-box' }, q, formEnd(yesB, noB));
    noB.addEventListener('click', () => { wrap.replaceChildren(open); open.focus(); });
    yesB.addEventListener('click', () => busy(box, run, yesB));
    wrap.replaceChildren(box);
    q.focus();
  });
  wrap.append(open);
  return wrap;
}

/** A link shown once, with a copy button. If copying fails, the link is selected instead. */
export function copyBox(url) {
  const code = h('code', {}, url);
  const btn = h('button', { type: 'button', class: 'button' }, t('copy'));
  btn.addEventListener('click', async () => {
    let ok = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch (e) {
      ok = false;
      getSelection().selectAllChildren(code);
    }
    btn.textContent = t(ok ? 'copied' : 'copyFailed');
    announce(btn.textContent);
    setTimeout(() => { btn.textContent = t('copy'); }, 3000);
  });
  return h('div', { class: 'link-box' }, code, h('div', { class: 'actions' }, btn));
}

/** On every page of a community, never hidden: Kinship is not an emergency service. */
export function emergencyNotice(c) {
  const id = newId('emergency');
  const list = c.crisisResources || [];
  return h('section', { class: 'emergency', 'data-test': 'emergency-notice', 'aria-labelledby': id },
    h('h2', { id }, t('emergency.title')),
    h('p', {}, t(list.length ? 'emergency.lead' : 'emergency.none')),
    list.length > 0 && h('ul', { class: 'crisis' }, list.map((r) => h('li', { 'data-test': 'crisis-resource' },
      h('span', { class: 'crisis-label', lang: c.language }, r.label),
      h('a', { href: 'tel:' + r.phone.replace(/[^+0-9]/g, ''), class: 'tel' },
        h('span', { class: 'sr' }, t('emergency.call') + ' '), r.phone),
      r.description && h('span', { class: 'crisis-desc', lang: c.language }, r.description)))));
}
