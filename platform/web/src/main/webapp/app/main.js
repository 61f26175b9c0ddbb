// Kinship web client: routing, the header, and the states every view shares (loading, errors).
import { h } from './dom.js';
import { api, ApiError } from './api.js';
import { app, t, setLang, h1, signInLink, signInHref, errorText, announce } from './ui.js';

const main = document.getElementById('main');
const header = document.getElementById('site-header');
const footer = document.getElementById('site-footer');

const routes = [
  [/^\/$/, () => import('./views/directory.js')],
  [/^\/new$/, () => import('./views/new.js')],
  [/^\/account$/, () => import('./views/account.js')],
  [/^\/c\/([^/]+)$/, () => import('./views/community.js')],
  [/^\/c\/([^/]+)\/join$/, () => import('./views/join.js')],
  [/^\/c\/([^/]+)\/moderation$/, () => import('./views/moderation.js')],
  [/^\/c\/([^/]+)\/moderation\/log$/, () => import('./views/modlog.js')],
  [/^\/c\/([^/]+)\/settings$/, () => import('./views/settings.js')],
  [/^\/c\/([^/]+)\/forum$/, () => import('./views/forum.js')],
  [/^\/c\/([^/]+)\/forum\/new$/, () => import('./views/compose.js')],
  [/^\/c\/([^/]+)\/forum\/search$/, () => import('./views/search.js')],
  [/^\/c\/([^/]+)\/digest$/, () => import('./views/digest.js')],
  [/^\/c\/([^/]+)\/safety$/, () => import('./views/safety.js')],
  [/^\/c\/([^/]+)\/forum\/t\/([^/]+)$/, () => import('./views/thread.js')],
  [/^\/c\/([^/]+)\/notifications$/, () => import('./views/notifications.js')],
  [/^\/c\/([^/]+)\/chat(?:\/([^/]+))?$/, () => import('./views/chat.js')],
  [/^\/c\/([^/]+)\/meetups$/, () => import('./views/meetups.js')],
  [/^\/c\/([^/]+)\/meetups\/new$/, () => import('./views/meetupNew.js')],
  [/^\/c\/([^/]+)\/meetups\/([^/]+)\/([^/]+)$/, () => import('./views/meetup.js')],
  // A plugin's page: /c/{slug}/p/{plugin id}, /c/{slug}/p/{plugin id}/{page} and deeper (the rest is the page's own).
  [/^\/c\/([^/]+)\/p\/([^/]+)(?:\/([^/]+)(\/.+)?)?$/, () => import('./views/plugin.js')],
];

// ---- who is signed in ----

let mePromise = null;
app.getMe = (force) => {
  if (force || !mePromise) {
    mePromise = api('/me').then((me) => {
      app.me = me;
      renderHeader();
      return me;
    }, (err) => {
      mePromise = null;
      throw err;
    });
  }
  return mePromise;
};

// ---- header and footer ----

function renderHeader() {
  const me = app.me;
  const other = app.lang === 'nb' ? 'en' : 'nb';
  const langBtn = h('button', { type: 'button', class: 'lang-switch', lang: other, id: 'lang-switch' },
    t('lang.switch.' + other));
  langBtn.addEventListener('click', () => {
    setLang(other);
    renderHeader();
    renderFooter();
    document.getElementById('lang-switch').focus();
    render({ focus: false });
  });

  let account = [];
  if (me && me.authenticated) {
    account = [
      h('a', { href: '/account', class: 'nav-link', 'data-test': 'signed-in-as' }, t('nav.account')),
      h('form', { method: 'post', action: '/logout', class: 'sign-out' },
        h('button', { type: 'submit', class: 'link-button', 'data-test': 'sign-out' }, t('signOut'))),
    ];
  } else if (me) {
    account = [signInLink(null, 'nav-link')];
  }
  const links = [h('li', {}, h('a', { href: '/', class: 'nav-link' }, t('nav.communities')))];
  if (me && me.platformAdmin) links.push(h('li', {}, h('a', { href: '/new', class: 'nav-link' }, t('nav.new'))));

  header.replaceChildren(h('div', { class: 'bar' },
    h('a', { href: '/', class: 'brand' }, 'Kinship'),
    langBtn,
    h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, links)),
    h('div', { class: 'account' }, account)));
  markCurrent();
  document.querySelector('.skip').textContent = t('skip');
}

function markCurrent() {
  header.querySelectorAll('nav a').forEach((a) => {
    if (a.getAttribute('href') === location.pathname) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const s = header.querySelector('[data-test="sign-in"]');
  if (s) {
    s.href = signInHref();
    s.dataset.next = location.pathname + location.search;
  }
}

function renderFooter() {
  footer.replaceChildren(h('p', {}, t('footer')));
}

// ---- routing ----

app.navigate = (path, { replace = false } = {}) => {
  if (replace || path === location.pathname + location.search) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  render();
};

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin === location.origin && /^\/login(\/|$)/.test(url.pathname)) rememberNext(a.dataset.next || url.pathname.slice(6) || '/');
  if (url.origin !== location.origin || /^\/(api|app|login|logout)(\/|$)/.test(url.pathname)) return;
  if (url.hash && url.pathname === location.pathname) return;
  e.preventDefault();
  app.navigate(url.pathname + url.search);
});

let shown = '';
// A skip link or other #fragment also fires popstate: only a new path or query is a new view.
window.addEventListener('popstate', () => {
  if (location.pathname + location.search !== shown) render();
});

let seq = 0;
let first = true;
/** The view on screen; its dispose() (if any) runs when another takes its place: timers, listeners, live rooms. */
let current = null;

/** Renders the view for the current address. focus: move focus to the new h1 (not on first load). */
async function render({ focus = true } = {}) {
  const mine = ++seq;
  shown = location.pathname + location.search;
  const path = location.pathname.replace(/(.)\/+$/, '$1');
  const query = new URLSearchParams(location.search);
  markCurrent();

  const slow = setTimeout(() => {
    if (mine !== seq) return;
    main.setAttribute('aria-busy', 'true');
    main.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
  }, 300);

  let view;
  try {
    const route = routes.find(([re]) => re.test(path));
    if (!route) {
      view = notFound();
    } else {
      const params = path.match(route[0]).slice(1).map((p) => (p === undefined ? undefined : decodeURIComponent(p)));
      const mod = await route[1]();
      view = await mod.default({ params, query });
    }
  } catch (err) {
    view = failure(err);
  }
  clearTimeout(slow);
  if (mine !== seq) {
    // Overtaken by a later address: this view is never shown, so it lets go of what it took.
    if (view.dispose) view.dispose();
    return;
  }
  if (view.redirect) {
    history.replaceState(null, '', view.redirect);
    return render({ focus });
  }

  document.title = view.title + ' · Kinship';
  const nodes = [view.nodes].flat(9).filter(Boolean);
  if (app.flash) {
    const flash = h('p', { class: 'flash', role: 'status' }, app.flash);
    const at = nodes.findIndex((n) => n.tagName === 'H1');
    nodes.splice(at + 1, 0, flash);
    announce(app.flash);
    app.flash = null;
  }
  main.removeAttribute('aria-busy');
  if (current && current.dispose) {
    try { current.dispose(); } catch (e) { console.error(e); }
  }
  current = view;
  main.replaceChildren(...nodes);
  // An address with #fragment (a post in a thread) lands on it; a view may name its own target.
  // Not when focus stays where it is (the language switch re-renders the same page).
  const target = focus && (view.focus || fragmentTarget());
  if (target && main.contains(target)) {
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start' });
  } else if (focus && !first) {
    const heading = main.querySelector(app.focusAfter || 'h1') || main.querySelector('h1');
    if (heading) heading.focus();
  }
  app.focusAfter = null;
  if (first) {
    // Fetch the views most people go to next while the phone is idle, so they open at once.
    const later = window.requestIdleCallback || ((f) => setTimeout(f, 2000));
    later(() => ['directory', 'community', 'join', 'forum'].forEach((v) => import('./views/' + v + '.js').catch(() => {})));
  }
  first = false;
}
app.render = render;

function fragmentTarget() {
  try {
    return location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  } catch (e) {
    return null; // a malformed #%… is no place to go
  }
}

// ---- views every route may end in ----

function notFound() {
  return {
    title: t('notFound.title'),
    nodes: [h1(t('notFound.title')), h('p', {}, t('notFound.text')),
      h('p', {}, h('a', { href: '/', class: 'button' }, t('notFound.back')))],
  };
}

function failure(err) {
  if (!(err instanceof ApiError)) {
    console.error(err);
    err = new ApiError(0, err && err.name === 'TypeError' && /import|module/i.test(err.message) ? 'network' : 'unexpected', '');
  }
  if (err.code === 'community_not_found' || err.code === 'not_found') return notFound();
  if (err.code === 'not_authenticated') {
    return {
      title: t('needSignIn.title'),
      nodes: [h1(t('needSignIn.title')), h('p', {}, t('needSignIn.text')), h('p', {}, signInLink())],
    };
  }
  if (err.code === 'forbidden' || err.code === 'not_a_member') {
    return {
      title: t('forbidden.title'),
      nodes: [h1(t('forbidden.title')), h('p', {}, errorText(err)),
        h('p', {}, err.way ? h('a', { href: err.way[0], class: 'button' }, err.way[1]) : h('a', { href: '/' }, t('notFound.back')))],
    };
  }
  const retry = h('button', { type: 'button', class: 'button' }, t('retry'));
  retry.addEventListener('click', () => render());
  const title = err.code === 'network' ? t('offline.title') : t('failed.title');
  return { title, nodes: [h1(title), h('p', { role: 'alert' }, errorText(err)), h('p', {}, retry)] };
}

// ---- coming back from sign-in ----
// The sign-in round trip keeps the path (/login/c/oslo/join) but drops a query string such as
// ?invitation=..., so we keep the whole destination in this tab's sessionStorage and restore it.

const NEXT = 'kinship.next';

function rememberNext(next) {
  try {
    if (next && next.startsWith('/') && !next.startsWith('//')) sessionStorage.setItem(NEXT, JSON.stringify([next, Date.now()]));
  } catch (e) { /* storage off: they land on the front page */ }
}

async function resumeAfterSignIn() {
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(NEXT) || 'null');
    sessionStorage.removeItem(NEXT);
  } catch (e) { return; }
  if (!saved || Date.now() - saved[1] > 15 * 60000) return;
  const [target] = saved;
  if (location.pathname !== '/' && location.pathname !== target.split('?')[0]) return;
  if (location.pathname + location.search === target) return;
  const me = await app.getMe().catch(() => null);
  if (me && me.authenticated && target !== '/') history.replaceState(null, '', target);
}

// ---- start ----

setLang(app.lang);
renderHeader();
renderFooter();
app.getMe().catch(() => { app.me = { authenticated: false }; renderHeader(); });
resumeAfterSignIn().then(() => render());
