// "/c/{slug}/meetups": the community's coming meetups as a list by day (a calendar that works on a
// phone and with a screen reader), my answer beside each, and the calendar feeds.
import { h } from '../dom.js';
import { t, h1, backLink, busy, copyBox, formEnd, onSubmit, emergencyNotice } from '../ui.js';
import { fapi, memberOf, isModerator } from '../forum.js';
import { whenText, dateHref, mineText, places, cancelledMark } from '../meetups.js';

export default async function meetups({ params: [slug] }) {
  const ctx = await memberOf(slug);
  const [dates, settings] = await Promise.all([fapi(ctx.api + '/meetups'), fapi(ctx.api + '/meetups/settings')]);
  const title = t('meetups.title');
  const mayOrganise = isModerator(ctx.m) || settings.membersMayOrganise;

  // Grouped by month, in the meetups' own time zone.
  const groups = new Map();
  for (const d of dates) {
    const key = d.localStart.slice(0, 7);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(d);
  }
  const monthName = (key, zone) => {
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang === 'nb' ? 'nb-NO' : 'en-GB',
        { month: 'long', year: 'numeric', timeZone: zone }).format(new Date(key + '-15T12:00:00Z'));
    } catch (e) { return key; }
  };
  const list = [...groups.entries()].map(([key, ds]) => h('section', { class: 'month', 'aria-label': monthName(key, ds[0].timeZone) },
    h('h2', {}, monthName(key, ds[0].timeZone)),
    h('ul', { class: 'meetup-list' }, ds.map((d) => h('li', { class: 'meetup-item', 'data-test': 'meetup-item' },
      h('h3', {}, h('a', { href: dateHref(ctx, d) }, d.title)),
      h('p', { class: 'when' }, whenText(d)),
      h('p', { class: 'where' }, d.address || t('meetup.online')),
      h('p', { class: 'meta' }, d.status === 'CANCELLED' ? cancelledMark() : places(d),
        d.mine && d.mine.status !== 'NOT_GOING' && [' · ', h('span', { class: 'mark mark-mine' }, mineText(d.mine))]))))));

  const feedBox = h('div', { class: 'feed' });
  const feedButton = h('button', { type: 'button', class: 'button secondary', 'data-test': 'feed-button' }, t('meetups.feedGet'));
  const feedPanel = h('div', {}, feedBox, formEnd(feedButton));
  feedButton.addEventListener('click', () => busy(feedPanel, async () => {
    const feed = await fapi(ctx.api + '/meetups/feed', 'POST');
    feedBox.replaceChildren(h('p', {}, t('meetups.feedNew')), copyBox(feed.url));
    feedButton.textContent = t('meetups.feedRenew');
  }, feedButton));

  // Admins decide whether ordinary members may plan meetups too.
  let adminBox = null;
  if (ctx.m.role === 'ADMIN') {
    const allow = h('input', { type: 'checkbox', id: 'members-organise', checked: settings.membersMayOrganise,
      'data-test': 'members-organise' });
    adminBox = h('form', { class: 'panel stack', 'data-test': 'meetup-settings' },
      h('div', { class: 'choice' }, allow, h('label', { for: 'members-organise' }, t('meetups.membersMayOrganise'))),
      formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('meetups.saveSettings'))));
    onSubmit(adminBox, async () => {
      const saved = await fapi(ctx.api + '/meetups/settings', 'PUT', { membersMayOrganise: allow.checked });
      allow.checked = saved.membersMayOrganise;
      adminBox.querySelector('.form-status').replaceChildren(h('p', { class: 'flash', role: 'status' },
        t(saved.membersMayOrganise ? 'meetups.membersMay' : 'meetups.moderatorsOnly')));
    });
  }

  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [
      backLink(ctx.href, ctx.c.name),
      h1(title),
      emergencyNotice(ctx.c),
      h('p', { class: 'lead' }, t('meetups.lead')),
      mayOrganise && h('p', {}, h('a', { href: ctx.href + '/meetups/new', class: 'button', 'data-test': 'new-meetup' }, t('meetups.new'))),
      dates.length ? list : h('p', { 'data-test': 'no-meetups' }, t('meetups.none')),
      h('section', { class: 'panel', 'aria-labelledby': 'feed-title' },
        h('h2', { id: 'feed-title' }, t('meetups.feedTitle')),
        h('p', {}, t('meetups.feedText')),
        feedPanel),
      adminBox,
    ],
  };
}
