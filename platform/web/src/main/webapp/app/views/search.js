// "/c/{slug}/forum/search?q=…": full-text search within one community's forum. The server only ever
// returns what this member may read (a closed circle only to those in it), one hit per post.
import { h } from '../dom.js';
import { enc } from '../api.js';
import { app, t, tn, h1, backLink, fieldError, errorText, announce } from '../ui.js';
import { fapi, memberOf, marks, timeEl, threadHref, searchForm } from '../forum.js';

const PAGE = 30;

export default async function search({ params: [slug], query }) {
  const ctx = await memberOf(slug);
  const q = (query.get('q') || '').trim();
  const page = Math.max(0, parseInt(query.get('page') || '0', 10) || 0);
  const title = t('search.title');
  const form = searchForm(ctx, q);

  let hits = null;
  let refused = null;
  if (q) {
    try {
      hits = await fapi(ctx.api + '/forum/search?q=' + enc(q) + (page > 0 ? '&page=' + page : ''));
    } catch (err) {
      // A search the server will not run (too short, too long) is the box's fault: say so beside it.
      if (err.code !== 'validation_failed') throw err;
      if (!err.serverMessage || app.lang !== 'en') err.text = t('search.invalid');
      refused = err;
    }
  }
  if (refused) fieldError(form.input, refused.code, errorText(refused));

  const here = (p) => ctx.href + '/forum/search?q=' + enc(q) + (p > 0 ? '&page=' + p : '');
  let results = null;
  if (hits) {
    const summary = hits.length
      ? (page > 0 ? t('search.page', { n: page + 1 }) + ' · ' : '')
        + (hits.length === PAGE ? t('search.foundMany', { n: PAGE }) : tn('search.found', hits.length))
      : t(page > 0 ? 'search.noMore' : 'search.none', { q });
    const pager = [
      page > 0 && h('a', { href: here(page - 1), class: 'button secondary' }, t('search.newer')),
      hits.length === PAGE && h('a', { href: here(page + 1), class: 'button secondary', 'data-test': 'search-more' }, t('search.older')),
    ].filter(Boolean);
    results = h('section', { 'aria-labelledby': 'results-title', 'data-test': 'search-results' },
      h('h2', { id: 'results-title' }, t('search.results', { q })),
      h('p', { class: hits.length ? 'hint' : 'empty', 'data-test': 'search-summary' }, summary),
      hits.length > 0 && h('ul', { class: 'threads hits' }, hits.map((x) => hit(ctx, x, q))),
      !hits.length && page === 0 && h('p', { class: 'hint' }, t('search.tips')),
      pager.length > 0 && h('nav', { class: 'actions pager', 'aria-label': t('search.pages') }, pager));
    // Focus stays on the heading after the route change; the count is said once it is there.
    setTimeout(() => announce(summary), 0);
  }

  return {
    title: (q ? q + ' · ' : '') + title + ' · ' + ctx.c.name,
    focus: refused ? form.input : null,
    nodes: [
      backLink(ctx.href + '/forum', t('forum.title')),
      h1(title),
      h('p', { class: 'hint' }, t('search.lead')),
      form,
      results,
    ],
  };
}

/** One hit: the thread's title linking to the post, where it is from, and the excerpt the server gives. */
function hit(ctx, x, q) {
  const lang = ctx.c.language;
  return h('li', { class: 'thread-item hit', 'data-test': 'search-hit', 'data-thread': x.threadId },
    h('h3', {}, h('a', { href: threadHref(ctx, x.threadId, x.seq > 0 ? x.postId : null), lang }, x.threadTitle || t('thread.noTitle'))),
    marks({ visibility: x.visibility }),
    x.excerpt && h('p', { class: 'excerpt', lang, 'data-test': 'search-excerpt' }, highlight(x.excerpt, q)),
    h('p', { class: 'thread-meta' },
      h('span', {}, t(x.seq > 0 ? 'search.reply' : 'search.opening')),
      h('span', {}, x.author ? t('search.by', { p: x.author }) : t('post.someone')),
      h('span', {}, timeEl(x.createdAt))));
}

/** The excerpt as text, with the words searched for in <mark>: built from text nodes, never markup. */
function highlight(text, q) {
  const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
  if (!words.length) return text;
  const re = new RegExp('(' + words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + ')', 'giu');
  return text.split(re).map((part, i) => (i % 2 ? h('mark', {}, part) : part));
}
