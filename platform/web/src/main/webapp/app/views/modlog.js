// "/c/{slug}/moderation/log": the audit log, for admins: every moderator's action, with its reason.
import { h } from '../dom.js';
import { t, h1, backLink, date, refusal } from '../ui.js';
import { fapi, memberOf, threadHref, timeEl } from '../forum.js';

export default async function modlog({ params: [slug] }) {
  const ctx = await memberOf(slug);
  if (ctx.m.role !== 'ADMIN') throw refusal('forbidden', t('log.onlyAdmins', { name: ctx.c.name }));
  const actions = await fapi(ctx.api + '/moderation/log');
  const title = t('log.title');
  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [
      backLink(ctx.href + '/moderation', t('mod.title', { name: ctx.c.name })),
      h1(title),
      h('p', { class: 'hint' }, t('log.hint')),
      actions.length
        ? h('ol', { class: 'log', 'data-test': 'audit-log' }, actions.map((a) => entry(ctx, a)))
        : h('p', {}, t('log.none')),
    ],
  };
}

function entry(ctx, a) {
  const what = t('log.action.' + a.action);
  return h('li', { class: 'log-entry', 'data-action': a.action },
    h('p', { class: 'log-head' }, h('strong', {}, what === 'log.action.' + a.action ? a.action : what), ' · ', timeEl(a.at)),
    h('p', {}, t('log.by', { p: a.moderator || '?' }),
      a.member && ' · ' + t('log.concerning', { p: a.member }),
      a.until && ' · ' + t('log.until', { date: date(a.until) })),
    h('p', { class: 'log-reason' }, h('span', { class: 'label' }, t('log.reason')), ' ', h('q', { lang: ctx.c.language }, a.reason)),
    a.threadId && h('p', {}, h('a', { href: threadHref(ctx, a.threadId, a.postId) }, t(a.postId ? 'notes.openPost' : 'notes.openThread'))));
}
