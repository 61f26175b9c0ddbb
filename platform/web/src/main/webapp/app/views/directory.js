// "/": every community on this server, and how to get in.
import { h } from '../dom.js';
import { api, enc } from '../api.js';
import { app, t, tn, h1, langName, policyText } from '../ui.js';

export default async function directory() {
  const [list, me] = await Promise.all([api('/communities'), app.getMe().catch(() => null)]);
  const mine = new Map(((me && me.communities) || []).map((m) => [m.slug, m]));
  return {
    title: t('dir.title'),
    nodes: [
      h1(t('dir.title')),
      h('p', { class: 'lead' }, t('dir.lead')),
      me && me.platformAdmin && h('p', {}, h('a', { href: '/new', class: 'button secondary' }, t('nav.new'))),
      list.length ? h('ul', { class: 'cards' }, list.map((c) => card(c, mine.get(c.slug))))
        : h('p', {}, t('dir.empty')),
    ],
  };
}

function card(c, m) {
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: '/c/' + enc(c.slug), 'data-test': 'community-link', lang: c.language }, c.name)),
    c.description && h('p', { class: 'desc', lang: c.language }, c.description),
    h('ul', { class: 'meta' },
      h('li', {}, langName(c.language)),
      h('li', {}, tn('members', c.memberCount)),
      h('li', {}, policyText(c.registrationPolicy))),
    m && h('p', { class: 'badge' }, m.status === 'PENDING'
      ? t('dir.pending', { p: m.pseudonym }) : t('dir.member', { p: m.pseudonym })));
}
