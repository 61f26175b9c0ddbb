// "/c/{slug}/moderation": the approval queue and invitation links, for moderators and admins.
import { h } from '../dom.js';
import { api, enc, ApiError } from '../api.js';
import {
  app, t, tn, h1, date, backLink, field, formEnd, onSubmit, check, Invalid, announce, copyBox, busy, refusal,
} from '../ui.js';

const VALIDITY = [24, 72, 168, 336, 720, 2160];

export default async function moderation({ params: [slug] }) {
  const base = '/communities/' + enc(slug);
  const [c, me] = await Promise.all([api(base), app.getMe()]);
  const m = c.membership;
  if (!me.authenticated) throw new ApiError(401, 'not_authenticated', '');
  if (!m || m.status !== 'ACTIVE' || (m.role !== 'MODERATOR' && m.role !== 'ADMIN')) {
    throw refusal('forbidden', t('mod.onlyMods', { name: c.name }));
  }
  const [apps, invs] = await Promise.all([api(base + '/applications'), api(base + '/invitations')]);
  const title = t('mod.title', { name: c.name });
  return {
    title,
    nodes: [backLink('/c/' + enc(c.slug), c.name), h1(title), queue(c, apps), invitations(c, invs)],
  };
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
