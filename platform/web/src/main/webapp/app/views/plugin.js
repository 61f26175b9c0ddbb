// "/c/{slug}/p/{id}" and "/c/{slug}/p/{id}/{page}/{rest…}": a page a plugin adds. The page itself is
// an ES module from the plugin's jar; this view finds it, hands it the kit PluginPage's javadoc
// promises, and shows what it returns. Also the community's plugin list, which the community page
// (navigation entries) and the settings page (the admin's switches) share.
import { h } from '../dom.js';
import { api, enc, ApiError } from '../api.js';
import { app, t, h1, backLink, announce, errorText, emergencyNotice } from '../ui.js';

// Briefly, so that going from the community page to a plugin page asks the server once; the
// community page and the settings page always fetch afresh and refill it.
const FRESH_MS = 15000;
const cache = new Map();

/** GET /api/communities/{slug}/plugins: every loaded plugin for its admins, the enabled ones for everyone else. */
export function pluginsOf(slug, { fresh = false } = {}) {
  const hit = cache.get(slug);
  if (!fresh && hit && Date.now() - hit.at < FRESH_MS) return hit.list;
  const list = api('/communities/' + enc(slug) + '/plugins').catch((err) => {
    cache.delete(slug);
    throw err;
  });
  cache.set(slug, { at: Date.now(), list });
  return list;
}

/** After an admin switched a plugin on or off: the next plugin page asks the server again. */
export function forgetPlugins(slug) {
  cache.delete(slug);
}

/** A plugin's name or a page's title in the reader's language, else English. */
export const inLang = (texts) => (texts && (texts[app.lang] || texts.en)) || '';

/** The navigation entries of the enabled plugins: [{href, title, plugin}]. */
export function navigationEntries(slug, plugins) {
  const out = [];
  for (const p of plugins || []) {
    if (!p.enabled) continue;
    for (const page of p.pages || []) {
      if (!page.navigation) continue;
      out.push({ href: pageHref(slug, p.id, page.path), title: inLang(page.titles) || inLang(p.names), plugin: p.id });
    }
  }
  return out;
}

const pageHref = (slug, id, path) => '/c/' + enc(slug) + '/p/' + enc(id) + (path ? '/' + String(path).replace(/^\/+/, '') : '');

export default async function pluginView({ params: [slug, id, pagePath = '', rest = ''], query }) {
  const [c, me, plugins] = await Promise.all([api('/communities/' + enc(slug)), app.getMe(),
    pluginsOf(slug).catch((err) => {
      // Someone who may not see the list sees no plugin; anything else (offline) is said as such.
      if (err.code === 'not_authenticated' || err.code === 'forbidden' || err.code === 'not_a_member') return [];
      throw err;
    })]);
  const plugin = plugins.find((p) => p.id === id && p.enabled);
  const pages = (plugin && plugin.pages) || [];
  let page = pages.find((p) => p.path === pagePath);
  let after = (rest || '').replace(/^\/+/, '');
  if (!page && pagePath) {
    // No page of that name: the start page's detail address (/p/{id}/{rest}), if it has one.
    page = pages.find((p) => p.path === '');
    if (page) after = pagePath + (after ? '/' + after : '');
  }
  if (!page) return switchedOff(c, me);

  const m = c.membership && c.membership.status === 'ACTIVE' ? c.membership : null;
  const base = '/communities/' + enc(c.slug) + '/plugins/' + enc(plugin.id);
  const href = (path = '') => pageHref(c.slug, plugin.id, path);
  const kit = {
    h,
    api: (path = '', { method = 'GET', body } = {}) => api(base + (path && !path.startsWith('/') ? '/' : '') + path, method, body),
    lang: app.lang,
    community: Object.freeze({ id: c.id || null, slug: c.slug, name: c.name }),
    member: m ? Object.freeze({ id: m.memberId, pseudonym: m.pseudonym, role: m.role }) : null,
    rest: after,
    query,
    href,
    navigate: (path) => app.navigate(href(path)),
    announce,
    errorText: (err) => errorText(err instanceof ApiError ? err : new ApiError(0, (err && err.code) || 'unexpected', err && err.message)),
  };
  const mod = await import(page.module);
  if (typeof mod.default !== 'function') throw new ApiError(0, 'unexpected', '');
  const shown = await mod.default(Object.freeze(kit));
  const title = (shown && shown.title) || inLang(page.titles) || inLang(plugin.names);
  return {
    title: title + ' · ' + c.name,
    nodes: [backLink('/c/' + enc(c.slug), c.name),
      h('div', { class: 'plugin-page', 'data-test': 'plugin-page', 'data-plugin': plugin.id }, shown && shown.nodes),
      emergencyNotice(c)],
    dispose: shown && typeof shown.dispose === 'function' ? () => shown.dispose() : undefined,
  };
}

/** An unknown plugin, or one this community has not switched on: said plainly, with the way back. */
function switchedOff(c, me) {
  const admin = me && me.authenticated && c.membership && c.membership.status === 'ACTIVE' && c.membership.role === 'ADMIN';
  const title = t('plugin.off.title');
  return {
    title: title + ' · ' + c.name,
    nodes: [backLink('/c/' + enc(c.slug), c.name), h1(title),
      h('div', { 'data-test': 'plugin-off' },
        h('p', {}, t(admin ? 'plugin.off.admin' : 'plugin.off.text', { name: c.name })),
        h('p', {}, admin
          ? h('a', { href: '/c/' + enc(c.slug) + '/settings#plugins-title', class: 'button' }, t('plugin.off.toSettings'))
          : h('a', { href: '/c/' + enc(c.slug), class: 'button' }, t('plugin.off.back', { name: c.name }))))],
  };
}
