// "/c/{slug}/forum": the community's threads (latest or unanswered, all or one category), the
// member's closed circles and the invitations waiting for their answer.
import { h } from '../dom.js';
import { enc } from '../api.js';
import { app, t, tn, h1, backLink, busy, announce, emergencyNotice } from '../ui.js';
import { fapi, memberOf, isModerator, marks, timeEl, titleOf, threadHref, searchForm, originOf } from '../forum.js';

const PAGE = 30;

export default async function forum({ params: [slug], query }) {
  const ctx = await memberOf(slug);
  const view = query.get('view') === 'unanswered' ? 'unanswered' : 'latest';
  const catId = query.get('category') || null;
  const page = Math.max(0, parseInt(query.get('page') || '0', 10) || 0);
  const here = (o) => address(ctx, Object.assign({ view, category: catId, page: 0 }, o));
  const listing = (catId ? '/forum/categories/' + enc(catId) + '/threads' : '/forum/threads') + '?view=' + view + '&page=' + page;

  let cats, threads, circles;
  try {
    [cats, threads, circles] = await Promise.all([
      fapi(ctx.api + '/forum/categories'), fapi(ctx.api + listing), fapi(ctx.api + '/forum/circles')]);
  } catch (err) {
    if (err.code !== 'category_not_found') throw err;
    app.flash = t('forum.noCategory');
    return { redirect: here({ category: null }) };
  }
  const cat = cats.find((x) => x.id === catId) || null;
  const catName = new Map(cats.map((x) => [x.id, x.name]));
  const mod = isModerator(ctx.m);
  const title = t('forum.title');

  const startHere = cat && (mod || cat.whoMayStart !== 'MODERATORS');
  const start = h('a', { href: ctx.href + '/forum/new' + (startHere ? '?category=' + enc(cat.id) : ''), class: 'button', 'data-test': 'start-thread' },
    t('forum.start'));
  const tab = (v) => h('li', {}, h('a', {
    href: here({ view: v }), class: 'tab', 'data-tab': v, 'aria-current': v === view ? 'page' : null,
    onclick: () => { app.focusAfter = '[data-tab="' + v + '"]'; },
  }, t('forum.view.' + v)));
  const chip = (id, name) => h('li', {}, h('a', {
    href: here({ category: id }), class: 'chip', 'data-cat': id || 'all', 'aria-current': id === catId ? 'page' : null,
    onclick: () => { app.focusAfter = '[data-cat="' + (id || 'all') + '"]'; },
  }, name));

  const listTitle = cat ? cat.name : t('forum.allThreads');
  const pager = [
    page > 0 && h('a', { href: here({ page: page - 1 }), class: 'button secondary' }, t('forum.newer')),
    threads.length === PAGE && h('a', { href: here({ page: page + 1 }), class: 'button secondary' }, t('forum.older')),
  ].filter(Boolean);

  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [
      backLink(ctx.href, ctx.c.name),
      h1(title),
      h('div', { class: 'actions forum-actions' }, start,
        h('a', { href: ctx.href + '/notifications', class: 'button secondary' }, t('notes.title'))),
      searchForm(ctx),
      circles.invitations.length > 0 && invitations(ctx, circles.invitations),
      h('section', { 'aria-labelledby': 'threads-title' },
        h('h2', { id: 'threads-title' }, listTitle),
        cat && cat.description && h('p', { class: 'hint', lang: ctx.c.language }, cat.description),
        cat && cat.whoMayStart === 'MODERATORS' && h('p', { class: 'hint' }, t('forum.modsStart')),
        cats.length > 0 && h('nav', { class: 'chips', 'aria-label': t('forum.categories') },
          h('ul', {}, chip(null, t('forum.all')), cats.map((x) => chip(x.id, x.name)))),
        h('nav', { class: 'tabs', 'aria-label': t('forum.show') }, h('ul', {}, tab('latest'), tab('unanswered'))),
        threads.length
          ? h('ul', { class: 'threads', 'data-test': 'threads' }, threads.map((x) => threadItem(ctx, x, { mod, catName: cat ? null : catName })))
          : h('p', { class: 'empty' }, t(page > 0 ? 'forum.noMore' : view === 'unanswered' ? 'forum.noneUnanswered' : 'forum.none')),
        pager.length > 0 && h('nav', { class: 'actions pager', 'aria-label': t('forum.pages') }, pager)),
      h('section', { 'aria-labelledby': 'circles-title' },
        h('h2', { id: 'circles-title' }, t('circle.mine')),
        h('p', { class: 'hint' }, t('circle.what')),
        circles.circles.length
          ? h('ul', { class: 'threads' }, circles.circles.map((x) => threadItem(ctx, x, { mod: false })))
          : h('p', {}, t('circle.none')),
        h('p', {}, h('a', { href: ctx.href + '/forum/new?circle=1' }, t('circle.start')))),
      emergencyNotice(ctx.c),
    ],
  };
}

/** The forum's address for a view, a category and a page, leaving out what is the default. */
function address(ctx, { view, category, page }) {
  const q = new URLSearchParams();
  if (category) q.set('category', category);
  if (view !== 'latest') q.set('view', view);
  if (page > 0) q.set('page', String(page));
  const s = q.toString();
  return ctx.href + '/forum' + (s ? '?' + s : '');
}

/** One thread in a list: its title (with what is unread), its marks, who started it and when it moved. */
export function threadItem(ctx, x, { mod = false, catName = null } = {}) {
  const cat = catName && x.categoryId && catName.get(x.categoryId);
  return h('li', { class: 'thread-item' + (x.unread ? ' has-unread' : ''), 'data-test': 'thread' },
    h('h3', {}, h('a', { href: threadHref(ctx, x.id), lang: x.title ? ctx.c.language : null }, titleOf(x),
      x.unread > 0 && h('span', { class: 'unread' }, tn('forum.unread', x.unread)))),
    marks(x, { moderator: mod }),
    h('p', { class: 'thread-meta' },
      originOf(x.origin),
      h('span', {}, x.author ? t('forum.by', { p: x.author }) : ''),
      h('span', {}, tn('forum.replies', x.replyCount)),
      cat && h('span', { lang: ctx.c.language }, cat),
      h('span', {}, t('forum.active'), ' ', timeEl(x.lastActivityAt))));
}

function invitations(ctx, list) {
  const heading = h('h2', { id: 'invites-title', tabindex: '-1' }, t('circle.invitations'));
  const ul = h('ul', { class: 'cards' });
  const gone = (li) => {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    if (!ul.children.length) ul.replaceWith(h('p', {}, t('circle.noInvitations')));
    (next ? next.querySelector('button') : heading).focus();
  };
  for (const x of list) {
    const accept = h('button', { type: 'button', class: 'button', 'data-test': 'accept-circle' }, t('circle.accept'),
      h('span', { class: 'sr' }, ' ' + titleOf(x)));
    const decline = h('button', { type: 'button', class: 'button secondary', 'data-test': 'decline-circle' }, t('circle.decline'),
      h('span', { class: 'sr' }, ' ' + titleOf(x)));
    const box = h('div', { class: 'card' },
      h('h3', { lang: ctx.c.language }, titleOf(x)),
      h('p', {}, t('circle.invitedBy', { p: x.author || '' })),
      h('p', { class: 'hint' }, t('circle.started'), ' ', timeEl(x.createdAt)),
      h('div', { class: 'form-status' }),
      h('div', { class: 'actions' }, accept, decline));
    const li = h('li', { 'data-test': 'circle-invitation' }, box);
    const answer = (yes) => () => busy(box, async () => {
      await fapi(ctx.api + '/forum/threads/' + enc(x.id) + '/circle/' + (yes ? 'accept' : 'decline'), 'POST').catch((err) => {
        if (err.code === 'not_invited' || err.code === 'thread_not_found') err.text = t('circle.answered');
        throw err;
      });
      if (yes) {
        app.flash = t('circle.welcome');
        app.navigate(threadHref(ctx, x.id));
      } else {
        announce(t('circle.declined'));
        gone(li);
      }
    }, yes ? accept : decline);
    accept.addEventListener('click', answer(true));
    decline.addEventListener('click', answer(false));
    ul.append(li);
  }
  return h('section', { class: 'panel invites', 'aria-labelledby': 'invites-title' }, heading,
    h('p', { class: 'hint' }, t('circle.invitationsHint')), ul);
}
