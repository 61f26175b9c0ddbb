// "/c/{slug}/forum/t/{id}": one thread. Its posts in order (replies link to what they answer,
// content warnings fold the words away, deleted and hidden posts say so), reactions, replying,
// the author's edits and deletes, reports, the moderators' tools, who is in a closed circle, and
// sharing the thread beyond the community (the author decides; a moderator may only ask).
import { h, put, newId } from '../dom.js';
import { enc } from '../api.js';
import {
  app, t, tn, h1, backLink, field, formEnd, onSubmit, check, Invalid, busy, announce, date,
} from '../ui.js';
import {
  fapi, memberOf, isModerator, KINDS, REACTION_MARK, postBody, behindWarning, marks, timeEl, titleOf,
  supportPanel, notEmergency, reasonForm, formSlot, outcome, isShared, originOf,
} from '../forum.js';
import { formatHelp } from './compose.js';

/** How many pages of 50 a link to one post may load to reach it. */
const MAX_PAGES = 20;

export default async function threadPage({ params: [slug, id], query }) {
  const ctx = await memberOf(slug);
  const url = ctx.api + '/forum/threads/' + enc(id);
  let first, cats;
  try {
    [first, cats] = await Promise.all([fapi(url), fapi(ctx.api + '/forum/categories').catch(() => [])]);
  } catch (err) {
    if (err.code === 'thread_not_found') return missing(ctx);
    throw err;
  }

  const s = {
    ctx, url, cats, me: ctx.m.memberId, mod: isModerator(ctx.m),
    thread: first.thread, posts: [], byId: new Map(), nextSeq: 0, hasMore: false, circle: [],
    lastRead: first.lastRead, readUpTo: first.lastRead, notes: null,
  };
  s.canModerate = s.mod && s.thread.visibility === 'COMMUNITY';
  const take = (page) => {
    page.posts.forEach((p) => { s.posts.push(p); s.byId.set(p.id, p); });
    Object.assign(s, { thread: page.thread, nextSeq: page.nextSeq, hasMore: page.hasMore, circle: page.circle || [] });
    return page.posts;
  };
  take(first);

  // A link to one post (a notification, the moderators' queue, #p120) loads pages until it is there.
  const wantId = query.get('post');
  const wantSeq = /^#p(\d+)$/.exec(location.hash);
  const found = () => (wantId ? s.byId.has(wantId) : s.posts.some((p) => p.seq === Number(wantSeq[1])));
  for (let i = 0; (wantId || wantSeq) && !found() && s.hasMore && i < MAX_PAGES; i++) {
    take(await fapi(url + '?from=' + s.nextSeq));
  }
  await reasonsFor(s, s.posts);

  const page = build(s, take);
  markRead(s);
  return { title: titleOf(s.thread) + ' · ' + ctx.c.name, nodes: page.nodes, focus: wantId ? page.article(wantId) : null };
}

function missing(ctx) {
  const title = t('thread.missing');
  return {
    title,
    nodes: [backLink(ctx.href + '/forum', t('forum.title')), h1(title), h('p', {}, t('thread.missingText')),
      h('p', {}, h('a', { href: ctx.href + '/forum', class: 'button' }, t('thread.toForum')))],
  };
}

const isOwn = (s, p) => p.authorId === s.me;
const sameOrigin = (a, b) => Boolean(a && b && a.handle === b.handle);
const lastSeq = (s) => (s.posts.length ? s.posts[s.posts.length - 1].seq : -1);
const openingHidden = (s) => s.posts.length > 0 && s.posts[0].seq === 0 && s.posts[0].state !== 'VISIBLE' && s.posts[0].state !== 'DELETED';

/** Tells the server how far this member has read: the last post on the page. */
function markRead(s) {
  const last = lastSeq(s);
  if (last <= s.readUpTo) return;
  const before = s.readUpTo;
  s.readUpTo = last;
  fapi(s.url + '/read', 'POST', { seq: last }).catch(() => { s.readUpTo = before; });
}

/**
 * An author whose post or thread moderators hid is told why: the reason is in their MODERATION
 * notification, fetched once when such a post is on the page.
 */
async function reasonsFor(s, posts) {
  if (s.notes) return;
  const hiddenMine = posts.some((p) => p.state === 'HIDDEN_VISIBLE_TO_YOU' && isOwn(s, p))
    || (s.thread.hidden && posts.some((p) => p.seq === 0 && isOwn(s, p)));
  if (hiddenMine) s.notes = await fapi(s.ctx.api + '/notifications').catch(() => []);
}

function reasonOf(s, match, action) {
  const n = (s.notes || []).find((x) => x.kind === 'MODERATION' && match(x) && outcome(x.detail).action === action);
  return n ? outcome(n.detail).reason : null;
}

function build(s, take) {
  const { ctx } = s;
  const lang = ctx.c.language;
  const firstNew = s.lastRead >= 0 ? s.posts.find((p) => p.seq > s.lastRead) : null;
  const initialRead = s.lastRead;

  // ---- the head: title, marks, where and by whom ----
  const title = h1('', { class: 'thread-title' });
  const marksBox = h('div', {});
  const meta = h('p', { class: 'thread-meta' });
  const hiddenBox = h('div', {});
  const paintHead = () => {
    title.textContent = titleOf(s.thread);
    if (s.thread.title) title.setAttribute('lang', lang); else title.removeAttribute('lang');
    document.title = titleOf(s.thread) + ' · ' + ctx.c.name + ' · Kinship';
    marksBox.replaceChildren(marks(s.thread, { moderator: s.mod }) || '');
    const cat = s.cats.find((x) => x.id === s.thread.categoryId);
    put(meta,
      originOf(s.thread.origin),
      cat ? h('span', {}, t('thread.in') + ' ', h('a', { href: ctx.href + '/forum?category=' + enc(cat.id), lang }, cat.name))
        : s.thread.visibility === 'CIRCLE' && h('span', {}, t('thread.circle')),
      s.thread.author && h('span', {}, t('thread.startedBy', { p: s.thread.author })),
      h('span', {}, timeEl(s.thread.createdAt)),
      h('span', {}, tn('forum.replies', s.thread.replyCount)));
    let notice = null;
    if (s.thread.hidden) {
      const mine = s.posts.length && s.posts[0].seq === 0 && isOwn(s, s.posts[0]);
      const why = mine && reasonOf(s, (n) => n.threadId === s.thread.id && !n.postId, 'HIDE_THREAD');
      notice = h('div', { class: 'hidden-notice', 'data-test': 'hidden-notice' },
        h('p', {}, t(mine ? 'thread.hiddenYours' : 'thread.hiddenMod')),
        why && h('p', {}, t('modf.theirReason') + ' ', h('q', { lang }, why)));
    }
    hiddenBox.replaceChildren(notice || '');
    if (sharingBox) sharingBox.paint();
    shareNotice.hidden = !isShared(s.thread);
  };
  // Written before the reply box, in it: a reply to a shared thread leaves the community too.
  const shareNotice = h('span', { class: 'share-notice', 'data-test': 'share-notice', id: newId('share-notice') },
    t('reply.shared'));
  let sharingBox = null;

  // ---- posts ----
  const list = h('ol', { class: 'posts', 'aria-label': t('thread.posts') });
  const items = new Map();
  const postItem = (p) => {
    const art = h('article', { class: 'post', 'data-test': 'post', 'data-seq': String(p.seq), id: 'p' + p.seq, tabindex: '-1' });
    art.post = p;
    const li = h('li', {}, art);
    items.set(p.id, art);
    fill(art);
    return li;
  };

  const fill = (art) => {
    const p = art.post;
    const own = isOwn(s, p);
    const headId = 'p' + p.seq + '-by';
    art.setAttribute('aria-labelledby', headId);
    const target = p.inReplyTo ? s.byId.get(p.inReplyTo) : null;
    const slot = formSlot();
    const status = h('div', { class: 'form-status' });
    const tools = h('div', { class: 'post-tools' });
    put(tools, status, p.state === 'VISIBLE' && reactions(art, tools), actions(art, slot, own));
    art.slot = slot;
    put(art,
      h('header', { class: 'post-head' },
        h('h2', { id: headId, class: 'post-by' }, p.author || t('post.someone'), own && h('span', { class: 'you' }, ' ' + t('home.you'))),
        h('p', { class: 'post-meta' },
          h('span', {}, timeEl(p.createdAt)),
          p.editedAt && p.state !== 'DELETED' && h('span', { class: 'edited', title: date(p.editedAt) }, t('post.edited')),
          p.inReplyTo && h('span', {}, replyLink(target)),
          // A reply from elsewhere in a thread from that same place says nothing new; in one of ours it does.
          p.origin && !sameOrigin(p.origin, s.thread.origin) && originOf(p.origin),
          initialRead >= 0 && p.seq > initialRead && !own && h('span', { class: 'mark mark-new' }, t('post.new')),
          s.mod && p.crisisFlag && h('span', { class: 'mark mark-crisis' }, t('post.crisisFlag')))),
      words(p, own),
      tools,
      slot);
  };

  const replyLink = (target) => {
    if (!target) return t('post.inReplyToEarlier');
    const a = h('a', { href: '#p' + target.seq }, target.author || t('post.someone'));
    // The browser scrolls to the post; focus follows so keyboard and screen reader go on from there.
    a.addEventListener('click', () => setTimeout(() => {
      const el = document.getElementById('p' + target.seq);
      if (el) el.focus({ preventScroll: true });
    }, 0));
    return [t('post.inReplyTo') + ' ', a];
  };

  const words = (p, own) => {
    const text = () => (p.contentWarning
      ? behindWarning(p.contentWarning, postBody(p.html, lang), lang)
      : postBody(p.html, lang));
    switch (p.state) {
      case 'DELETED':
        return h('p', { class: 'tombstone' }, t('post.deleted'));
      case 'HIDDEN':
        return h('p', { class: 'hidden-notice', 'data-test': 'hidden-notice' }, t('post.hidden'));
      case 'HIDDEN_VISIBLE_TO_YOU': {
        const why = own && reasonOf(s, (n) => n.postId === p.id, 'HIDE_POST');
        return [h('div', { class: 'hidden-notice', 'data-test': 'hidden-notice' },
          h('p', {}, t(own ? 'post.hiddenYours' : 'post.hiddenMod')),
          why && h('p', {}, t('modf.theirReason') + ' ', h('q', { lang }, why))), text()];
      }
      default:
        return text();
    }
  };

  // ---- reactions: words beside the emoji, a count, and aria-pressed for "mine" ----
  const reactions = (art, tools) => {
    const p = art.post;
    return h('div', { class: 'reactions', role: 'group', 'aria-label': t('react.label', { p: p.author || t('post.someone') }) },
      KINDS.map((k) => {
        const b = h('button', { type: 'button', class: 'react', 'data-kind': k });
        const paint = () => {
          const n = Number((p.reactions || {})[k] || 0);
          const mine = (p.myReactions || []).includes(k);
          b.setAttribute('aria-pressed', String(mine));
          put(b, h('span', { class: 'react-mark', 'aria-hidden': 'true' }, REACTION_MARK[k]), ' ', t('react.' + k),
            n > 0 && h('span', { class: 'react-count' }, h('span', { 'aria-hidden': 'true' }, String(n)),
              h('span', { class: 'sr' }, ', ' + tn('react.people', n))));
        };
        paint();
        b.addEventListener('click', () => busy(tools, async () => {
          const mine = (p.myReactions || []).includes(k);
          await fapi(ctx.api + '/forum/posts/' + enc(p.id) + '/reactions/' + k, mine ? 'DELETE' : 'PUT');
          p.reactions = Object.assign({}, p.reactions);
          p.reactions[k] = Math.max(0, Number(p.reactions[k] || 0) + (mine ? -1 : 1));
          p.myReactions = mine ? p.myReactions.filter((x) => x !== k) : (p.myReactions || []).concat(k);
          paint();
        }));
        return b;
      }));
  };

  // ---- what one can do with a post ----
  const actions = (art, slot, own) => {
    const p = art.post;
    const visible = p.state === 'VISIBLE';
    const deleted = p.state === 'DELETED';
    const open = !s.thread.locked || s.canModerate;
    const whose = h('span', { class: 'sr' }, ' ' + t('post.whose', { p: p.author || t('post.someone') }));
    const btn = (test, label, fn) => {
      const b = h('button', { type: 'button', class: 'link-button', 'data-test': test }, label, whose.cloneNode(true));
      b.addEventListener('click', () => fn(b));
      return b;
    };
    const list = [];
    if (visible && open && (!openingHidden(s) || s.canModerate)) list.push(btn('reply', t('post.reply'), (b) => replyTo(art, b)));
    if (own && !deleted && open) list.push(btn('edit', t('post.edit'), (b) => slot.open((close) => editForm(art, close), b)));
    if (own && !deleted) list.push(btn('delete', t('post.delete'), (b) => slot.open((close) => deleteBox(art, close), b)));
    if (!own && visible) {
      list.push(btn('report', t('post.report'), (b) => slot.open((close) => reasonForm({
        title: t('report.title'), hint: t('report.hint'), label: t('report.reason'), reasonHint: t('report.reasonHint'),
        submit: t('report.send'), test: 'report-form', close,
        run: async (why) => {
          await fapi(ctx.api + '/reports', 'POST', { postId: p.id, reason: why });
          const done = h('p', { class: 'flash small', role: 'status', tabindex: '-1' }, t('report.thanks'));
          slot.replaceChildren(done);
          done.focus();
        },
      }), b)));
    }
    if ((own || s.canModerate) && p.editedAt && !deleted) list.push(btn('history', t('post.history'), (b) => slot.open((close) => historyBox(p, close), b)));
    if (s.canModerate && !deleted) {
      const hidden = p.state !== 'VISIBLE';
      list.push(btn(hidden ? 'restore-post' : 'hide-post', t(hidden ? 'modf.restorePost' : 'modf.hidePost'), (b) => slot.open((close) => reasonForm({
        title: t(hidden ? 'modf.restorePostTitle' : 'modf.hidePostTitle'), hint: t(hidden ? 'modf.restorePostHint' : 'modf.hidePostHint'),
        submit: t(hidden ? 'modf.restorePost' : 'modf.hidePost'), close,
        run: async (why) => {
          await fapi(ctx.api + '/moderation/posts/' + enc(p.id) + '/' + (hidden ? 'restore' : 'hide'), 'POST', { reason: why });
          p.state = hidden ? 'VISIBLE' : 'HIDDEN_VISIBLE_TO_YOU';
          fill(art);
          art.focus();
          announce(t(hidden ? 'modf.postRestored' : 'modf.postHidden'));
        },
      }), b)));
    }
    return list.length ? h('div', { class: 'post-actions' }, list) : null;
  };

  const editForm = (art, close) => {
    const p = art.post;
    const titleIn = p.seq === 0 && h('input', { name: 'title', type: 'text', required: true, maxlength: '150', value: s.thread.title || '' });
    const body = h('textarea', { name: 'body', rows: '8', required: true, maxlength: '20000', value: p.source || '' });
    const cw = h('input', { name: 'contentWarning', type: 'text', maxlength: '200', value: p.contentWarning || '' });
    const cancel = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
    cancel.addEventListener('click', close);
    const titleId = newId('edit');
    const form = h('form', { class: 'stack inline-form', 'data-test': 'edit-form', 'aria-labelledby': titleId },
      h('h3', { id: titleId }, t('post.editTitle')),
      titleIn && field(t('compose.titleLabel'), titleIn),
      field(t('compose.body'), body, t('compose.bodyHint')),
      formatHelp(),
      field(t('compose.cw'), cw, t('compose.cwHint')),
      formEnd(h('button', { type: 'submit', class: 'button' }, t('post.save')), cancel));
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !form.dataset.busy) close(); });
    onSubmit(form, async () => {
      if (!check(() => {
        if (titleIn && !titleIn.value.trim()) throw new Invalid(titleIn, 'title_invalid', t('compose.titleRequired'));
        if (!body.value.trim()) throw new Invalid(body, 'body_invalid', t('compose.bodyRequired'));
      })) return;
      const req = { body: body.value, contentWarning: cw.value.trim() || null };
      if (titleIn) req.title = titleIn.value.trim();
      const w = await fapi(ctx.api + '/forum/posts/' + enc(p.id), 'PUT', req);
      Object.assign(p, { html: w.post.html, source: w.post.source, contentWarning: w.post.contentWarning, editedAt: w.post.editedAt, state: w.post.state });
      if (titleIn) { s.thread.title = req.title; paintHead(); }
      fill(art);
      afterWriting(art, w, t('post.saved'));
    }, (code) => ({ title_invalid: titleIn || null, body_invalid: body, content_warning_invalid: cw }[code] || null));
    form.first = titleIn || body;
    return form;
  };

  const deleteBox = (art, close) => {
    const p = art.post;
    const q = h('p', { class: 'confirm-q', tabindex: '-1' }, t(p.seq === 0 ? 'post.deleteOpeningQ' : 'post.deleteQ'));
    const yes = h('button', { type: 'button', class: 'button danger', 'data-test': 'confirm-delete' }, t('post.deleteYes'));
    const no = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
    const box = h('div', { class: 'confirm-box' }, q, formEnd(yes, no));
    no.addEventListener('click', close);
    yes.addEventListener('click', () => busy(box, async () => {
      await fapi(ctx.api + '/forum/posts/' + enc(p.id), 'DELETE');
      Object.assign(p, { state: 'DELETED', html: null, source: null, contentWarning: null });
      if (p.seq === 0) { s.thread.title = null; paintHead(); }
      fill(art);
      art.focus();
      announce(t('post.deletedDone'));
    }, yes));
    box.first = q;
    return box;
  };

  const historyBox = (p, close) => {
    const titleId = newId('hist');
    const closeB = h('button', { type: 'button', class: 'button secondary' }, t('post.historyClose'));
    closeB.addEventListener('click', close);
    const body = h('div', {}, h('p', { class: 'loading', role: 'status' }, t('loading')));
    const box = h('section', { class: 'panel history', 'aria-labelledby': titleId, tabindex: '-1' },
      h('h3', { id: titleId }, t('post.historyTitle')), h('p', { class: 'hint' }, t('post.historyHint')), body,
      h('div', { class: 'form-status' }), h('div', { class: 'actions' }, closeB));
    busy(box, async () => {
      const revs = await fapi(ctx.api + '/forum/posts/' + enc(p.id) + '/history');
      body.replaceChildren(revs.length ? h('ol', { class: 'revisions' }, revs.map((r) => h('li', {},
        h('p', { class: 'hint' }, t('post.replaced', { date: date(r.replacedAt) })),
        r.title && h('p', {}, h('strong', {}, t('compose.titleLabel') + ': '), h('span', { lang }, r.title)),
        r.contentWarning && h('p', {}, h('strong', {}, t('post.cw') + ' '), h('span', { lang }, r.contentWarning)),
        h('pre', { class: 'source', lang }, r.source || '')))) : h('p', {}, t('post.noHistory')));
    }).then(() => { if (box.querySelector('.error')) body.replaceChildren(); });
    box.first = box;
    return box;
  };

  /** After a reply or an edit: the crisis-support panel if the words called for it, else a quiet word. */
  const afterWriting = (art, w, said) => {
    if (w.crisisSupport && w.crisisSupport.length) {
      const panel = supportPanel(w.crisisSupport, lang, null);
      art.slot.replaceChildren(panel);
      panel.heading.focus();
      announce(said);
    } else {
      art.focus();
      announce(said);
    }
  };

  // ---- more posts ----
  const more = h('button', { type: 'button', class: 'button secondary', 'data-test': 'load-more' }, t('thread.more'));
  const moreBox = h('div', { class: 'more-box' }, h('div', { class: 'form-status' }), more);
  const append = async (page) => {
    const added = take(page);
    await reasonsFor(s, added);
    added.forEach((p) => list.append(postItem(p)));
    moreBox.hidden = !s.hasMore;
    paintHead();
    return added;
  };
  /** Everything written since this page last asked: after a reply, an invitation, a moderator's action. */
  const catchUp = async () => {
    let added = [];
    do { added = added.concat(await append(await fapi(s.url + '?from=' + s.nextSeq))); } while (s.hasMore && added.length < 500);
    return added;
  };
  more.addEventListener('click', () => busy(moreBox, async () => {
    const added = await append(await fapi(s.url + '?from=' + s.nextSeq));
    announce(tn('thread.loaded', added.length));
    if (added.length) document.getElementById('p' + added[0].seq).focus();
    markRead(s);
  }, more));

  // ---- replying: one form, under the thread or under the post it answers ----
  const replyHome = h('section', { class: 'reply', 'aria-labelledby': 'reply-title' });
  const replyTitle = h('h2', { id: 'reply-title', tabindex: '-1' }, t('reply.title'));
  const replyBody = h('textarea', { name: 'body', rows: '5', required: true, maxlength: '20000' });
  const replyCw = h('input', { name: 'contentWarning', type: 'text', maxlength: '200', autocomplete: 'off' });
  const toThread = h('button', { type: 'button', class: 'link-button', hidden: true }, t('reply.toThread'));
  let answering = null;
  const cwBox = h('details', { class: 'more' }, h('summary', {}, t('reply.addCw')), field(t('compose.cw'), replyCw, t('compose.cwHint')));
  const replyForm = h('form', { class: 'stack reply-form', 'data-test': 'reply-form', 'aria-labelledby': 'reply-title' },
    replyTitle,
    toThread,
    field(t('reply.label'), replyBody, [shareNotice, t('compose.bodyHint')]),
    formatHelp(),
    cwBox,
    s.thread.locked && s.canModerate && h('p', { class: 'hint' }, t('reply.lockedMod')),
    notEmergency(ctx.c),
    formEnd(h('button', { type: 'submit', class: 'button' }, t('reply.submit'))));
  const replyTo = (art, from) => {
    answering = { art, from };
    replyTitle.textContent = t('reply.toPost', { p: art.post.author || t('post.someone') });
    toThread.hidden = false;
    art.parentElement.append(replyForm);
    replyBody.focus();
  };
  const home = () => {
    answering = null;
    replyTitle.textContent = t('reply.title');
    toThread.hidden = true;
    replyHome.append(replyForm);
  };
  toThread.addEventListener('click', () => { home(); replyBody.focus(); });
  replyForm.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !answering || replyForm.dataset.busy) return;
    const back = answering.from;
    home();
    if (back && back.isConnected) back.focus();
  });
  onSubmit(replyForm, async () => {
    if (!check(() => {
      if (!replyBody.value.trim()) throw new Invalid(replyBody, 'body_invalid', t('reply.empty'));
    })) return;
    const req = { body: replyBody.value, contentWarning: replyCw.value.trim() || null };
    if (answering) req.inReplyTo = answering.art.post.id;
    const w = await fapi(s.url + '/posts', 'POST', req);
    replyBody.value = '';
    replyCw.value = '';
    cwBox.open = false;
    home();
    await catchUp().catch(() => {});
    if (!s.byId.has(w.post.id)) {
      // Could not fetch the page again: show the post as the server returned it.
      w.post.reactions = {};
      w.post.myReactions = [];
      s.posts.push(w.post);
      s.byId.set(w.post.id, w.post);
      list.append(postItem(w.post));
    }
    afterWriting(items.get(w.post.id), w, t('reply.posted'));
    markRead(s);
  }, (code) => ({ body_invalid: replyBody, content_warning_invalid: replyCw }[code] || null), (code) => {
    if (code !== 'reply_target_gone' || !answering) return null;
    const b = h('button', { type: 'button', class: 'link-button' }, t('reply.toThread'));
    b.addEventListener('click', () => { home(); replyBody.focus(); });
    return b;
  });

  const replySection = () => {
    if (s.thread.locked && !s.canModerate) {
      return h('section', { class: 'reply', 'aria-labelledby': 'reply-title' },
        h('h2', { id: 'reply-title' }, t('reply.title')), h('p', { class: 'locked-notice', 'data-test': 'locked-notice' }, t('reply.locked')));
    }
    if (openingHidden(s) && !s.canModerate) {
      return h('section', { class: 'reply', 'aria-labelledby': 'reply-title' },
        h('h2', { id: 'reply-title' }, t('reply.title')), h('p', { class: 'locked-notice' }, t('reply.hiddenThread')));
    }
    replyHome.append(replyForm);
    return replyHome;
  };

  // ---- the page ----
  sharingBox = sharingSection(s, paintHead);
  paintHead();
  s.posts.forEach((p) => list.append(postItem(p)));
  moreBox.hidden = !s.hasMore;
  const refresh = async () => { await catchUp(); paintHead(); };
  const nodes = [
    backLink(ctx.href + '/forum', t('forum.title')),
    title, marksBox, meta, hiddenBox,
    firstNew && !isOwn(s, firstNew) && h('p', { class: 'jump' }, h('a', { href: '#p' + firstNew.seq }, t('thread.firstNew'))),
    s.thread.visibility === 'CIRCLE' && circleSection(s, refresh),
    sharingBox,
    s.canModerate && modTools(s, refresh),
    list, moreBox,
    replySection(),
  ];
  return { nodes, article: (postId) => items.get(postId) || null };
}

// ---- the moderators' tools for the thread ----

const FLAGS = { pin: ['pinned', true], unpin: ['pinned', false], lock: ['locked', true], unlock: ['locked', false],
  hide: ['hidden', true], restore: ['hidden', false] };

function modTools(s, refresh) {
  const { ctx } = s;
  const slot = formSlot();
  const row = h('div', { class: 'actions' });
  const actionsNow = () => [s.thread.pinned ? 'unpin' : 'pin', s.thread.locked ? 'unlock' : 'lock',
    s.thread.hidden ? 'restore' : 'hide', s.cats.length > 1 && 'move'].filter(Boolean);
  const paint = () => {
    row.replaceChildren(...actionsNow().map((a, i) => {
      const b = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'thread-' + a }, t('modf.' + a));
      b.addEventListener('click', () => slot.open((close) => {
        const select = a === 'move' && h('select', { name: 'categoryId' },
          s.cats.filter((x) => x.id !== s.thread.categoryId).map((x) => h('option', { value: x.id }, x.name)));
        return reasonForm({
          title: t('modf.title.' + a), hint: t('modf.hint.' + a), submit: t('modf.' + a), close, danger: a === 'hide',
          extra: select ? [field(t('modf.moveTo'), select)] : [],
          run: async (why) => {
            await fapi(ctx.api + '/moderation/threads/' + enc(s.thread.id) + '/' + a, 'POST',
              { reason: why, categoryId: select ? select.value : null });
            await refresh().catch(() => {
              // The action stood; only the page is behind. Show what changed from what we know.
              if (FLAGS[a]) s.thread[FLAGS[a][0]] = FLAGS[a][1];
              if (a === 'move') s.thread.categoryId = select.value;
            });
            slot.close(false);
            paint();
            row.children[Math.min(i, row.children.length - 1)].focus();
            announce(t('modf.done.' + a));
          },
        });
      }, b));
      return b;
    }));
  };
  paint();
  return h('section', { class: 'panel mod-tools', 'aria-labelledby': 'mod-tools-title' },
    h('h2', { id: 'mod-tools-title' }, t('modf.tools')),
    h('p', { class: 'hint' }, t('modf.toolsHint')),
    row, slot);
}

// ---- sharing beyond the community: the author decides, a moderator may only ask ----

/**
 * For the author: share the thread with the communities this one federates with, stop sharing, or
 * answer a moderator's request. For moderators: ask the author. Nobody else sees this box (the thread's
 * mark says that it is shared). changed() repaints what else depends on sharing.
 */
function sharingSection(s, changed) {
  const { ctx } = s;
  const starter = s.posts.length > 0 && s.posts[0].seq === 0 ? s.posts[0] : null;
  const mine = Boolean(starter && isOwn(s, starter));
  if (s.thread.visibility !== 'COMMUNITY' || (!mine && !s.canModerate)) return null;
  const url = ctx.api + '/forum/threads/' + enc(s.thread.id) + '/sharing';
  const heading = h('h2', { id: 'sharing-title', tabindex: '-1' });
  const text = h('div', {});
  const row = h('div', { class: 'actions' });
  const box = h('section', { class: 'panel sharing', 'data-test': 'sharing', 'aria-labelledby': 'sharing-title' },
    heading, text, h('div', { class: 'form-status' }), row);

  const button = (test, label, secondary, said, call) => {
    const b = h('button', { type: 'button', class: 'button' + (secondary ? ' secondary' : ''), 'data-test': test }, label);
    b.addEventListener('click', () => busy(box, async () => {
      s.thread.sharing = await call();
      changed();
      heading.focus();
      announce(t(said));
    }, b));
    return b;
  };
  const setShared = (shared) => () => fapi(url, 'PUT', { shared });

  box.paint = () => {
    const sh = s.thread.sharing || { shared: false, requested: false };
    let view = null;
    if (mine && sh.shared) {
      view = ['share.sharedTitle', ['share.sharedText'], [button('stop-sharing', t('share.stop'), true, 'share.stopped', setShared(false))]];
    } else if (mine && !s.thread.hidden && sh.requested) {
      view = ['share.requestedTitle', ['share.requestedText', 'share.what'], [
        button('accept-sharing', t('share.accept'), false, 'share.done', setShared(true)),
        button('decline-sharing', t('share.decline'), true, 'share.declined', () => fapi(url + '/decline', 'POST'))]];
    } else if (mine && !s.thread.hidden) {
      view = ['share.title', ['share.what'], [button('share', t('share.share'), false, 'share.done', setShared(true))]];
    } else if (!mine && !s.thread.hidden && !sh.shared && sh.requested) {
      view = ['share.askedTitle', ['share.askedText'], []];
    } else if (!mine && !s.thread.hidden && !sh.shared) {
      view = ['share.askTitle', ['share.askText'],
        [button('ask-sharing', t('share.ask'), true, 'share.asked', () => fapi(url + '/request', 'POST'))]];
    }
    box.hidden = !view;
    if (!view) return;
    heading.textContent = t(view[0]);
    text.replaceChildren(...view[1].map((k) => h('p', { class: k === 'share.what' ? 'hint' : null }, t(k))));
    row.replaceChildren(...view[2]);
  };
  return box;
}

// ---- a closed circle: who is in it, inviting, taking out, leaving ----

function circleSection(s, refresh) {
  const { ctx } = s;
  const starter = s.posts.length > 0 && s.posts[0].seq === 0 ? s.posts[0] : null;
  const mine = starter && isOwn(s, starter);
  const list = h('ul', { class: 'circle-members' });
  const heading = h('h2', { id: 'circle-title', tabindex: '-1' }, t('circle.who'));
  const status = h('div', { class: 'form-status' });
  const box = h('section', { class: 'panel circle', 'aria-labelledby': 'circle-title' });

  const paint = () => {
    const shown = s.circle.filter((x) => mine || x.status === 'INVITED' || x.status === 'ACCEPTED');
    list.replaceChildren(
      h('li', {}, h('span', { class: 'who' }, s.thread.author || ''), starter && isOwn(s, starter) && h('span', { class: 'you' }, ' ' + t('home.you')),
        h('span', { class: 'circle-status' }, t('circle.status.STARTER'))),
      ...shown.map((x) => {
        const me = x.memberId === s.me;
        const li = h('li', { 'data-status': x.status }, h('span', { class: 'who' }, x.pseudonym || ''),
          me && h('span', { class: 'you' }, ' ' + t('home.you')),
          h('span', { class: 'circle-status' }, t('circle.status.' + x.status)));
        const active = x.status === 'INVITED' || x.status === 'ACCEPTED';
        if (mine && active && !me) {
          const b = h('button', { type: 'button', class: 'link-button' }, t('circle.remove'), h('span', { class: 'sr' }, ' ' + (x.pseudonym || '')));
          b.addEventListener('click', () => busy(box, async () => {
            await fapi(ctx.api + '/forum/threads/' + enc(s.thread.id) + '/circle/members/' + enc(x.memberId), 'DELETE');
            await refresh().catch(() => { x.status = 'REMOVED'; });
            paint();
            heading.focus();
            announce(t('circle.removed', { p: x.pseudonym || '' }));
          }, b));
          li.append(b);
        }
        return li;
      }));
  };

  let invite = null;
  if (mine) {
    const name = h('input', { name: 'pseudonym', type: 'text', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', maxlength: '32' });
    invite = h('form', { class: 'stack invite-form', 'data-test': 'circle-invite' },
      field(t('circle.inviteLabel'), name, t('circle.inviteHint')),
      formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('circle.invite'))));
    onSubmit(invite, async () => {
      const who = name.value.trim().replace(/^@/, '');
      if (!check(() => { if (!who) throw new Invalid(name, 'member_not_found', t('circle.inviteEmpty')); })) return;
      await fapi(ctx.api + '/forum/threads/' + enc(s.thread.id) + '/circle/members', 'POST', { pseudonym: who });
      await refresh().catch(() => {});
      paint();
      name.value = '';
      invite.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, t('circle.invited', { p: who })));
      name.focus();
    }, (code) => (code === 'member_not_found' || code === 'already_in_circle' || code === 'pseudonym_invalid' ? name : null));
  }

  let leave = null;
  const meIn = s.circle.find((x) => x.memberId === s.me && x.status === 'ACCEPTED');
  if (!mine && meIn) {
    leave = h('div', {});
    const b = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'leave-circle' }, t('circle.leave'));
    b.addEventListener('click', () => {
      const q = h('p', { class: 'confirm-q', tabindex: '-1' }, t('circle.leaveQ'));
      const yes = h('button', { type: 'button', class: 'button danger' }, t('circle.leaveYes'));
      const no = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
      const c = h('div', { class: 'confirm-box' }, q, formEnd(yes, no));
      no.addEventListener('click', () => { leave.replaceChildren(b); b.focus(); });
      yes.addEventListener('click', () => busy(c, async () => {
        await fapi(ctx.api + '/forum/threads/' + enc(s.thread.id) + '/circle/members/' + enc(s.me), 'DELETE');
        app.flash = t('circle.left');
        app.navigate(ctx.href + '/forum');
      }, yes));
      leave.replaceChildren(c);
      q.focus();
    });
    leave.append(b);
  }

  paint();
  put(box, heading, h('p', { class: 'hint' }, t('circle.private')), status, list, invite, leave);
  return box;
}

