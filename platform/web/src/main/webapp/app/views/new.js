// "/new": a platform admin creates a community and gets the link for its first admin.
import { h } from '../dom.js';
import { api, enc, ApiError } from '../api.js';
import { app, t, h1, formEnd, onSubmit, check, refusal, copyBox, date } from '../ui.js';
import { settingsForm } from './settings.js';

export default async function newCommunity() {
  const me = await app.getMe();
  if (!me.authenticated) throw new ApiError(401, 'not_authenticated', '');
  if (!me.platformAdmin) throw refusal('forbidden', t('new.onlyPlatformAdmins'));
  const title = t('new.title');
  const s = settingsForm({ language: app.lang }, true);
  const form = h('form', { class: 'stack' }, s.fields,
    formEnd(h('button', { type: 'submit', class: 'button' }, t('new.create'))));
  const wrap = h('div', {}, h('p', { class: 'lead' }, t('new.lead')), form);
  onSubmit(form, async () => {
    if (!check(s.validate)) return;
    const made = await api('/communities', 'POST', s.read());
    const c = made.community;
    const inv = made.firstAdminInvitation;
    const days = Math.round((new Date(inv.expiresAt) - Date.now()) / 86400000);
    const heading = h('h2', { tabindex: '-1' }, t('new.done', { name: c.name }));
    wrap.replaceChildren(h('section', { class: 'panel fresh' },
      heading,
      h('p', { class: 'lead' }, t('new.sendLink')),
      copyBox(inv.url),
      h('p', {}, t(inv.maxUses === 1 ? 'new.once' : 'new.times', { n: inv.maxUses, days, date: date(inv.expiresAt) })),
      h('p', { class: 'hint' }, t('new.onlyOnce')),
      h('p', {}, h('a', { href: '/c/' + enc(c.slug) }, t('new.visit', { name: c.name })))));
    heading.focus();
  }, s.fieldFor);
  return { title, nodes: [h1(title), wrap] };
}
