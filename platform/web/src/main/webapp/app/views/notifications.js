// "/c/{slug}/notifications": what happened that concerns this member: replies, mentions,
// invitations to closed circles, and what moderators did and why (their reason in full).
import { h } from '../dom.js';
import { t, tn, h1, backLink, busy, announce } from '../ui.js';
import { fapi, memberOf, outcome, timeEl, threadHref } from '../forum.js';

export default async function notifications({ params: [slug] }) {
  const ctx = await memberOf(slug);
  const list = await fapi(ctx.api + '/notifications');
  const title = t('notes.title');
  const unread = list.filter((n) => !n.read).length;

  const count = h('p', { class: 'hint', role: 'status' }, unread ? tn('notes.unread', unread) : t('notes.allRead'));
  const markAll = h('button', { type: 'button', class: 'button secondary', 'data-test': 'mark-all-read' }, t('notes.markAll'));
  const ul = h('ul', { class: 'notes' }, list.map((n) => item(ctx, n)));
  const box = h('div', {}, h('div', { class: 'form-status' }), unread > 0 && h('div', { class: 'actions' }, markAll));
  markAll.addEventListener('click', () => busy(box, async () => {
    await fapi(ctx.api + '/notifications/read', 'POST');
    ul.querySelectorAll('.note-new').forEach((e) => e.remove());
    ul.querySelectorAll('.unread-note').forEach((e) => e.classList.remove('unread-note'));
    count.textContent = t('notes.allRead');
    markAll.parentElement.remove();
    announce(t('notes.markedRead'));
    document.querySelector('main h1').focus();
  }, markAll));

  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [
      backLink(ctx.href, ctx.c.name),
      h1(title),
      count,
      box,
      list.length ? ul : h('p', {}, t('notes.none')),
      h('p', {}, h('a', { href: ctx.href + '/forum' }, t('notes.toForum'))),
      h('p', { class: 'hint' }, t('notes.byMail'), ' ', h('a', { href: ctx.href + '/digest', 'data-test': 'digest-link' }, t('notes.digest'))),
    ],
  };
}

/** What one notification says, and where it leads. */
function item(ctx, n) {
  const who = n.actor || t('post.someone');
  let text;
  let extra = null;
  let link = n.threadId && h('a', { href: threadHref(ctx, n.threadId, n.postId) }, t(n.postId ? 'notes.openPost' : 'notes.openThread'));
  switch (n.kind) {
    case 'REPLY':
      text = t('notes.reply', { p: who });
      break;
    case 'MENTION':
      text = t('notes.mention', { p: who });
      break;
    case 'CIRCLE_INVITATION':
      text = t('notes.circle', { p: who });
      link = h('a', { href: ctx.href + '/forum' }, t('notes.seeInvitation'));
      break;
    case 'MODERATION': {
      const o = outcome(n.detail);
      text = o.what;
      extra = o.reason && h('p', { class: 'note-reason' }, h('span', { class: 'label' }, t('modf.theirReason')), ' ', h('q', { lang: ctx.c.language }, o.reason));
      if (o.action === 'BAN' || o.action === 'MUTE' || o.action === 'UNMUTE') link = null;
      break;
    }
    case 'MEETUP_CANCELLED':
    case 'MEETUP_CHANGED':
    case 'MEETUP_MESSAGE':
      text = t('notes.' + n.kind, { p: who });
      extra = n.detail && h('p', { class: 'note-reason' }, h('q', { lang: ctx.c.language }, n.detail));
      break;
    case 'MEETUP_PLACE':
    case 'MEETUP_REMINDER':
      text = t('notes.' + n.kind + '.' + n.detail);
      break;
    case 'COMPANY_OFFERED':
    case 'COMPANY_MATCHED':
      text = t('notes.' + n.kind, { p: who });
      break;
    default:
      text = n.detail || n.kind;
  }
  if (n.meetupId && n.dateId) {
    link = h('a', { href: ctx.href + '/meetups/' + n.meetupId + '/' + n.dateId, 'data-test': 'meetup-note-link' }, t('notes.openMeetup'));
  }
  return h('li', { class: 'note' + (n.read ? '' : ' unread-note'), 'data-test': 'notification', 'data-kind': n.kind },
    h('p', { class: 'note-head' }, !n.read && h('span', { class: 'mark note-new' }, t('notes.new')), ' ', h('span', { class: 'note-what' }, text)),
    extra,
    h('p', { class: 'note-meta' }, timeEl(n.at), link && [' · ', link]));
}

