// "/c/{slug}": the community page. Non-members see the way in; members see their home here.
import { h } from '../dom.js';
import { api, enc } from '../api.js';
import { app, t, tn, h1, emergencyNotice, confirmAction, roleName, langName, policyText } from '../ui.js';
import { joinForm, signInBlock } from './join.js';
import { pluginsOf, navigationEntries } from './plugin.js';

const RANK = { ADMIN: 0, MODERATOR: 1, PROVIDER: 2, MEMBER: 3 };

export default async function community({ params: [slug] }) {
  const [c, me] = await Promise.all([api('/communities/' + enc(slug)), app.getMe()]);
  const m = c.membership || null;
  if (m && m.status === 'ACTIVE') {
    const base = '/communities/' + enc(c.slug);
    const [members, notes, rooms, plugins] = await Promise.all([api(base + '/members'),
      // The counts are a nicety: the page shows without them when they cannot be had. So are plugins' entries.
      api(base + '/notifications').catch(() => null), api(base + '/chat/rooms').catch(() => []),
      pluginsOf(c.slug, { fresh: true }).catch(() => [])]);
    return home(c, m, members, notes && notes.filter((n) => !n.read).length, rooms.reduce((n, r) => n + Number(r.unread || 0), 0),
      navigationEntries(c.slug, plugins));
  }
  return outside(c, m, me);
}

function about(c) {
  return [
    c.description && h('p', { class: 'lead desc-full', lang: c.language }, c.description),
    h('ul', { class: 'meta' },
      h('li', {}, langName(c.language)),
      h('li', {}, tn('members', c.memberCount)),
      h('li', {}, policyText(c.registrationPolicy))),
  ];
}

/** Not a member (yet): what the community is, and the way in. */
function outside(c, m, me) {
  let way;
  if (m && m.status === 'PENDING') {
    way = h('section', { class: 'panel', 'aria-labelledby': 'pending-title' },
      h('h2', { id: 'pending-title' }, t('pending.title')),
      h('p', {}, t('pending.text', { p: m.pseudonym, name: c.name })),
      confirmAction({
        label: t('pending.withdraw'),
        question: t('pending.withdrawQ'),
        yes: t('pending.withdrawYes'),
        run: async () => {
          await api('/communities/' + enc(c.slug) + '/members/me', 'DELETE');
          await app.getMe(true).catch(() => {});
          app.flash = t('pending.withdrawn');
          app.navigate('/c/' + enc(c.slug));
        },
      }));
  } else if (me.authenticated) {
    way = joinForm(c);
  } else {
    way = h('section', { 'aria-labelledby': 'way-in' },
      h('h2', { id: 'way-in' }, t('join.title', { name: c.name })),
      h('p', {}, t('join.how.' + c.registrationPolicy)),
      signInBlock(c, '/c/' + enc(c.slug) + '/join'));
  }
  const pending = m && m.status === 'PENDING';
  return {
    title: c.name,
    nodes: [h1(c.name, { lang: c.language }), emergencyNotice(c), pending ? [way, about(c)] : [about(c), way]],
  };
}

/** A member's home in the community. */
function home(c, m, members, unread, chatUnread, pluginEntries) {
  const base = '/c/' + enc(c.slug);
  const tools = [];
  if (m.role === 'MODERATOR' || m.role === 'ADMIN') {
    tools.push(h('li', {}, h('a', { href: base + '/moderation' }, t('home.moderation'))));
  }
  if (m.role === 'ADMIN') {
    tools.push(h('li', {}, h('a', { href: base + '/settings' }, t('home.settings'))));
    tools.push(h('li', {}, h('a', { href: base + '/safety', 'data-test': 'safety-link' }, t('home.safety'))));
  }
  tools.push(h('li', {}, h('a', { href: base + '/digest', 'data-test': 'digest-link' }, t('home.digest'))));

  members.sort((a, b) => RANK[a.role] - RANK[b.role] || a.pseudonym.localeCompare(b.pseudonym));
  const list = (xs) => h('ul', { class: 'members' }, xs.map((x) => h('li', {},
    h('span', { class: 'who' }, x.pseudonym),
    x.memberId === m.memberId && h('span', { class: 'you' }, ' ' + t('home.you')),
    x.role !== 'MEMBER' && h('span', { class: 'role' }, roleName(x.role)))));
  // A long list folds away, but who moderates stays in sight.
  const staff = members.filter((x) => x.role !== 'MEMBER');
  const membersBox = members.length > 20
    ? [staff.length && h('h3', {}, t('home.staff')), staff.length && list(staff),
      h('details', { class: 'more' }, h('summary', {}, t('home.showMembers', { n: members.length })), list(members))]
    : list(members);

  return {
    title: c.name,
    nodes: [
      h1(c.name, { lang: c.language }),
      h('div', { class: 'welcome', 'data-test': 'member-home' },
        h('p', { class: 'hello' }, t('home.welcome', { p: m.pseudonym })),
        h('p', {}, t('home.youAre.' + m.role))),
      emergencyNotice(c),
      h('nav', { class: 'tools', 'aria-labelledby': 'tools-title' },
        h('h2', { id: 'tools-title' }, t('home.tools')), h('ul', {}, tools)),
      // The forum (with meetups and notifications beside it) and the chat.
      h('section', { id: 'community-features', class: 'features', 'aria-labelledby': 'features-title' },
        h('h2', { id: 'features-title' }, t('home.forumTitle')),
        h('p', {}, t('home.forumText')),
        h('div', { class: 'actions' },
          h('a', { href: base + '/forum', class: 'button', 'data-test': 'forum-link' }, t('home.forum')),
          h('a', { href: base + '/meetups', class: 'button secondary', 'data-test': 'meetups-link' }, t('home.meetups')),
          h('a', { href: base + '/notifications', class: 'button secondary', 'data-test': 'notifications-link' }, t('notes.title'),
            unread > 0 && [' ', h('span', { class: 'count' }, tn('notes.unread', unread))]))),
      h('section', { class: 'features', 'aria-labelledby': 'chat-feature-title' },
        h('h2', { id: 'chat-feature-title' }, t('home.chatTitle')),
        h('p', {}, t('home.chatText')),
        h('div', { class: 'actions' },
          h('a', { href: base + '/chat', class: 'button', 'data-test': 'chat-link' }, t('home.chat'),
            chatUnread > 0 && [' ', h('span', { class: 'count' }, tn('chat.unread', chatUnread))]))),
      // What the plugins this community switched on add, each page the plugin offers for navigation.
      pluginEntries.length > 0 && h('section', { class: 'features', 'aria-labelledby': 'plugins-feature-title', 'data-test': 'plugin-entries' },
        h('h2', { id: 'plugins-feature-title' }, t('home.pluginsTitle')),
        h('div', { class: 'actions' }, pluginEntries.map((e) =>
          h('a', { href: e.href, class: 'button secondary', 'data-test': 'plugin-link', 'data-plugin': e.plugin }, e.title)))),
      h('section', { 'aria-labelledby': 'about-title' }, h('h2', { id: 'about-title' }, t('home.about')), about(c)),
      h('section', { 'aria-labelledby': 'members-title' },
        h('h2', { id: 'members-title' }, t('home.members')), membersBox),
      h('section', { class: 'leave', 'aria-labelledby': 'leave-title' },
        h('h2', { id: 'leave-title' }, t('home.leaveTitle')),
        h('p', {}, t('home.leaveText')),
        confirmAction({
          label: t('home.leave'),
          question: t('home.leaveQ', { name: c.name }),
          yes: t('home.leaveYes'),
          run: async () => {
            await api('/communities/' + enc(c.slug) + '/members/me', 'DELETE');
            await app.getMe(true).catch(() => {});
            app.flash = t('home.left', { name: c.name });
            app.navigate('/');
          },
        })),
    ],
  };
}
