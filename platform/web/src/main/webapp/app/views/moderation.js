// "/c/{slug}/moderation": the approval queue and invitation links, for moderators and admins.
import { h } from '../dom.js';
import { api, enc, ApiError } from '../api.js';
import {
  app, t, tn, h1, date, backLink, field, formEnd, onSubmit, check, Invalid, announce, copyBox, busy, refusal,
} from '../ui.js';
import { fapi, formSlot, reasonForm, threadHref, timeEl } from '../forum.js';

const VALIDITY = [24, 72, 168, 336, 720, 2160];

export default async function moderation({ params: [slug] }) {
  const base = '/communities/' + enc(slug);
  const [c, me] = await Promise.all([api(base), app.getMe()]);
  const m = c.membership;
  if (!me.authenticated) throw new ApiError(401, 'not_authenticated', '');
  if (!m || m.status !== 'ACTIVE' || (m.role !== 'MODERATOR' && m.role !== 'ADMIN')) {
    throw refusal('forbidden', t('mod.onlyMods', { name: c.name }));
  }
  const [apps, invs, items] = await Promise.all([api(base + '/applications'), api(base + '/invitations'),
    fapi(base + '/moderation/queue')]);
  const title = t('mod.title', { name: c.name });
  return {
    title,
    nodes: [backLink('/c/' + enc(c.slug), c.name), h1(title), forumQueue(c, m, items), queue(c, apps), invitations(c, invs)],
  };
}

// ---- the forum's queue: crisis alerts (urgent, first), reports, newcomers to welcome ----

const MUTE_MINUTES = [60, 1440, 4320, 10080, 43200];

function forumQueue(c, m, items) {
  const ctx = { c, href: '/c/' + enc(c.slug) };
  const heading = h('h2', { id: 'fq-title', tabindex: '-1' });
  const list = h('ul', { class: 'cards queue' });
  const empty = h('p', {}, t('queue.none'));
  const count = () => {
    const n = list.children.length;
    const urgent = list.querySelectorAll('[data-urgent]').length;
    heading.textContent = t('queue.title') + (n ? ' (' + n + ')' : '');
    empty.hidden = n > 0;
    list.hidden = n === 0;
    summary.textContent = urgent ? tn('queue.urgentCount', urgent) : '';
    summary.hidden = !urgent;
  };
  const summary = h('p', { class: 'urgent-summary' });
  // The server sends urgent items first; kept that way here whatever it does.
  items.sort((a, b) => (b.urgent ? 1 : 0) - (a.urgent ? 1 : 0));
  for (const i of items) list.append(queueItem(ctx, i, (li) => {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    count();
    (next ? next.querySelector('h3') : heading).focus();
  }));
  count();
  return h('section', { 'aria-labelledby': 'fq-title' }, heading,
    h('p', { class: 'hint' }, t('queue.hint')), summary, empty, list,
    m.role === 'ADMIN' && h('p', {}, h('a', { href: ctx.href + '/moderation/log', 'data-test': 'log-link' }, t('log.link'))),
    m.role === 'ADMIN' && h('p', {}, h('a', { href: ctx.href + '/safety', 'data-test': 'safety-link' }, t('home.safety'))));
}

function queueItem(ctx, i, done) {
  const base = '/communities/' + enc(ctx.c.slug) + '/moderation';
  const lang = ctx.c.language;
  const who = i.member || t('post.someone');
  const slot = formSlot();
  const head = h('h3', { tabindex: '-1' }, t('queue.head.' + i.kind, { p: who }));
  // A crisis alert from a closed circle comes without the words (and the queue gives no title for a
  // circle). Without a title, anything else may be a circle or a thread whose opening post was deleted.
  const circleAlert = i.kind === 'CRISIS' && !i.excerpt;
  let where = null;
  if (i.threadTitle) where = h('p', {}, t('queue.inThread') + ' ', h('a', { href: threadHref(ctx, i.threadId, i.postId), lang }, i.threadTitle));
  else if (circleAlert) where = h('p', { class: 'hint' }, t('queue.inCircle'));
  else if (i.threadId) where = h('p', { class: 'hint' }, t('queue.noTitle') + ' ', h('a', { href: threadHref(ctx, i.threadId, i.postId) }, t('queue.tryOpen')));
  const box = h('div', { class: 'card queue-card' + (i.urgent ? ' urgent' : '') },
    h('p', { class: 'queue-kind' }, i.urgent && [h('strong', { class: 'urgent-word' }, t('queue.urgent')), ' · '], t('queue.kind.' + i.kind)),
    head,
    where,
    i.kind === 'REPORT' && h('p', {}, t('queue.reportedBy', { p: i.reporter || t('post.someone') }), ' ', h('q', { lang }, i.reason || '')),
    i.kind === 'CRISIS' && i.reason && h('p', {}, t('queue.words'), ' ', h('q', { lang }, i.reason)),
    i.kind === 'CRISIS' && h('p', { class: 'hint' }, t('queue.crisisHint')),
    i.excerpt ? h('div', { class: 'app-note' }, h('p', { class: 'label' }, t('queue.excerpt')), h('p', { class: 'note-text', lang }, i.excerpt))
      : i.kind === 'REPORT' && h('p', { class: 'hint' }, t('queue.noExcerpt')),
    h('p', { class: 'hint' }, t('queue.raised'), ' ', timeEl(i.createdAt)));
  const li = h('li', { 'data-test': 'queue-item', 'data-kind': i.kind, 'data-urgent': i.urgent ? '' : null }, box);

  const post = (path, body) => fapi(base + path, 'POST', body).catch((err) => {
    if (err.code === 'report_not_found') err.text = t('queue.gone');
    throw err;
  });
  const alsoResolve = () => {
    const id = 'r' + i.id;
    const cb = h('input', { type: 'checkbox', id, name: 'resolve', checked: true });
    return h('div', { class: 'choice' }, cb, h('label', { for: id }, t('queue.alsoResolve')));
  };
  const closeItem = async (why, said) => {
    await post('/items/' + enc(i.id) + '/resolve', { reason: why });
    announce(said);
    done(li);
  };
  const act = (test, label, form) => {
    // Every opener is quiet; only the last step of a ban is red.
    const b = h('button', { type: 'button', class: 'button small secondary', 'data-test': test }, label,
      h('span', { class: 'sr' }, ' · ' + t('queue.head.' + i.kind, { p: who })));
    b.addEventListener('click', () => slot.open((close) => form(close), b));
    return b;
  };
  const buttons = [
    act('resolve', t(i.kind === 'WELCOME' ? 'queue.welcomed' : 'queue.resolve'), (close) => reasonForm({
      title: t('queue.resolveTitle'), hint: t(i.kind === 'WELCOME' ? 'queue.welcomeHint' : 'queue.resolveHint'),
      submit: t('queue.resolve'), close,
      run: async (why) => {
        await post('/items/' + enc(i.id) + '/resolve', { reason: why });
        announce(t('queue.resolved'));
        done(li);
      },
    })),
    act('dismiss', t('queue.dismiss'), (close) => reasonForm({
      title: t('queue.dismissTitle'), hint: t('queue.dismissHint'), submit: t('queue.dismiss'), close,
      run: async (why) => {
        await post('/items/' + enc(i.id) + '/dismiss', { reason: why });
        announce(t('queue.dismissed'));
        done(li);
      },
    })),
    i.postId && i.kind !== 'WELCOME' && !circleAlert && act('hide-post', t('modf.hidePost'), (close) => {
      const also = alsoResolve();
      return reasonForm({
        title: t('modf.hidePostTitle'), hint: t('modf.hidePostHint'), submit: t('modf.hidePost'), close, after: [also],
        run: async (why) => {
          await post('/posts/' + enc(i.postId) + '/hide', { reason: why });
          if (also.querySelector('input').checked) return closeItem(why, t('modf.postHidden'));
          close();
          box.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, t('modf.postHidden')));
          return null;
        },
      });
    }),
    i.memberId && i.kind !== 'WELCOME' && act('mute', t('queue.mute'), (close) => {
      const also = alsoResolve();
      const minutes = h('select', { name: 'minutes' }, MUTE_MINUTES.map((n) => h('option', { value: String(n), selected: n === 1440 },
        n < 1440 ? tn('queue.hours', n / 60) : tn('inv.days', n / 1440))));
      return reasonForm({
        title: t('queue.muteTitle', { p: who }), hint: t('queue.muteHint'), submit: t('queue.mute'), close,
        extra: [field(t('queue.muteFor'), minutes)], after: [also],
        run: async (why) => {
          await post('/members/' + enc(i.memberId) + '/mute', { reason: why, minutes: Number(minutes.value) });
          if (also.querySelector('input').checked) return closeItem(why, t('queue.muted', { p: who }));
          close();
          box.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, t('queue.muted', { p: who })));
          return null;
        },
      });
    }),
    i.memberId && i.kind !== 'WELCOME' && act('ban', t('queue.ban'), (close) => {
      const also = alsoResolve();
      return reasonForm({
        title: t('queue.banTitle', { p: who }), hint: t('queue.banHint'), submit: t('queue.ban'), close, danger: true, after: [also],
        run: async (why) => {
          await post('/members/' + enc(i.memberId) + '/ban', { reason: why });
          if (also.querySelector('input').checked) return closeItem(why, t('queue.banned', { p: who }));
          close();
          box.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, t('queue.banned', { p: who })));
          return null;
        },
      });
    }),
  ].filter(Boolean);
  box.append(h('div', { class: 'form-status' }), h('div', { class: 'actions' }, buttons), slot);
  return li;
}

function queue(c, apps) {
  const heading = h('h2', { id: 'queue-title', tabindex: '-1' });
  const list = h('ul', { class: 'cards' });
  const empty = h('p', {}, t('mod.none'));
  const count = () => {
    const n = list.children.length;
    heading.textContent = t('mod.queue') + (n ? ' (' + n + ')' : '');
    empty.hidden = n > 0;
    list.hidden = n === 0;
  };
  apps.sort((a, b) => String(a.requestedAt).localeCompare(String(b.requestedAt)));
  for (const a of apps) list.append(application(c, a, (li) => {
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    count();
    (next ? next.querySelector('button') : heading).focus();
  }));
  count();
  return h('section', { 'aria-labelledby': 'queue-title' }, heading, h('p', { class: 'hint' }, t('mod.queueHint')), empty, list);
}

function application(c, a, done) {
  const url = '/communities/' + enc(c.slug) + '/applications/' + enc(a.memberId);
  const approve = h('button', { type: 'button', class: 'button', 'data-test': 'approve' },
    t('mod.approve'), h('span', { class: 'sr' }, ' ' + a.pseudonym));
  const decline = h('button', { type: 'button', class: 'button secondary', 'data-test': 'decline' },
    t('mod.decline'), h('span', { class: 'sr' }, ' ' + a.pseudonym));
  const box = h('div', { class: 'card' },
    h('h3', {}, a.pseudonym),
    h('p', { class: 'hint' }, t('mod.asked', { when: date(a.requestedAt) })),
    a.note ? h('div', { class: 'app-note' }, h('p', { class: 'label' }, t('mod.theirNote')), h('p', { class: 'note-text' }, a.note))
      : h('p', {}, t('mod.noNote')),
    formEnd(approve, decline));
  const li = h('li', { 'data-test': 'application' }, box);
  const act = (path, said) => () => busy(box, async () => {
    await api(url + path, 'POST').catch((err) => {
      if (err.code === 'not_pending') err.text = t('mod.gone');
      throw err;
    });
    announce(t(said, { p: a.pseudonym }));
    done(li);
  });
  approve.addEventListener('click', act('/approve', 'mod.approved'));
  decline.addEventListener('click', act('/decline', 'mod.declined'));
  return li;
}

function status(i) {
  if (i.revoked) return 'revoked';
  if (new Date(i.expiresAt) <= new Date()) return 'expired';
  if (i.uses >= i.maxUses) return 'usedUp';
  return 'active';
}

function invitations(c, invs) {
  const base = '/communities/' + enc(c.slug) + '/invitations';
  const list = h('ul', { class: 'cards' });
  const listWrap = h('div', {});
  const fresh = h('div', {});

  const show = (items) => {
    items.sort((a, b) => (status(a) === 'active' ? 0 : 1) - (status(b) === 'active' ? 0 : 1)
      || String(b.createdAt).localeCompare(String(a.createdAt)));
    list.replaceChildren(...items.map((i) => invitationItem(c, i, reload)));
    listWrap.replaceChildren(items.length ? list : h('p', {}, t('inv.none')));
  };
  const reload = async () => show(await api(base));

  const hours = h('select', { name: 'validHours' }, VALIDITY.map((v) => h('option', { value: String(v), selected: v === 168 },
    tn('inv.days', v / 24))));
  const uses = h('input', { name: 'maxUses', type: 'number', min: '1', max: '1000', value: '1', inputmode: 'numeric' });
  const form = h('form', { class: 'stack panel', 'aria-labelledby': 'inv-new-title' },
    h('h3', { id: 'inv-new-title' }, t('inv.new')),
    field(t('inv.validity'), hours),
    field(t('inv.maxUses'), uses, t('inv.maxUsesHint')),
    formEnd(h('button', { type: 'submit', class: 'button' }, t('inv.create'))));
  onSubmit(form, async () => {
    const n = Number(uses.value);
    if (!check(() => {
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Invalid(uses, 'validation_failed', t('inv.maxUsesBad'));
    })) return;
    const inv = await api(base, 'POST', { validHours: Number(hours.value), maxUses: n });
    const title = h('h3', { tabindex: '-1' }, t('inv.fresh'));
    fresh.replaceChildren(h('div', { class: 'panel fresh' }, title, copyBox(inv.url),
      h('p', {}, t('inv.freshHelp', { date: date(inv.expiresAt) }) + ' ' + tn('inv.usesAllowed', inv.maxUses)),
      h('p', { class: 'hint' }, t('inv.onlyOnce'))));
    title.focus();
    await reload().catch(() => {});
  }, (code) => (code === 'validation_failed' ? uses : null));

  show(invs);
  return h('section', { 'aria-labelledby': 'inv-title' },
    h('h2', { id: 'inv-title', tabindex: '-1' }, t('inv.title')),
    h('p', { class: 'hint' }, t('inv.intro')),
    form, fresh,
    h('h3', {}, t('inv.existing')), listWrap);
}

function invitationItem(c, i, reload) {
  const s = status(i);
  const box = h('div', { class: 'card inv' },
    h('p', { class: 'inv-status inv-' + s }, t('inv.status.' + s)),
    h('dl', {},
      h('dt', {}, t('inv.created')), h('dd', {}, date(i.createdAt)),
      h('dt', {}, t('inv.expires')), h('dd', {}, date(i.expiresAt)),
      h('dt', {}, t('inv.used')), h('dd', {}, t('inv.usedOf', { uses: i.uses, max: i.maxUses }))));
  if (s === 'active') {
    const revoke = h('button', { type: 'button', class: 'button secondary' }, t('inv.revoke'),
      h('span', { class: 'sr' }, ' ' + t('inv.revokeWhich', { date: date(i.createdAt) })));
    revoke.addEventListener('click', () => busy(box, async () => {
      await api('/communities/' + enc(c.slug) + '/invitations/' + enc(i.id), 'DELETE');
      announce(t('inv.revoked'));
      await reload();
      document.getElementById('inv-title').focus();
    }));
    box.append(...formEnd(revoke));
  } else {
    box.append(h('div', { class: 'form-status' }));
  }
  return h('li', {}, box);
}
