// What the meetup pages share: dates and times as people read them (in the meetup's own time zone,
// which is the community's), the words for an answer, and the link to a date's page.
import { h } from './dom.js';
import { enc } from './api.js';
import { app, t } from './ui.js';

const locale = () => (app.lang === 'nb' ? 'nb-NO' : 'en-GB');

/** "Thursday 3 December, 18:00–20:00" in the meetup's zone, whatever the phone's zone. */
export function whenText(d) {
  const opts = { timeZone: d.timeZone };
  try {
    const day = new Intl.DateTimeFormat(locale(), { ...opts, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      .format(new Date(d.start));
    const time = new Intl.DateTimeFormat(locale(), { ...opts, hour: '2-digit', minute: '2-digit' });
    return day + ', ' + time.format(new Date(d.start)) + '–' + time.format(new Date(d.end));
  } catch (e) {
    return d.localStart.replace('T', ' ') + '–' + d.localEnd.slice(11);
  }
}

export const dateHref = (ctx, d) => ctx.href + '/meetups/' + enc(d.meetupId) + '/' + enc(d.id);

/** A date's status for me, in words (never colour alone). */
export function mineText(mine) {
  if (!mine) return null;
  if (mine.status === 'WAITING' && mine.waitingPosition) return t('meetup.mine.WAITING_AT', { n: mine.waitingPosition });
  return t('meetup.mine.' + mine.status);
}

export function places(d) {
  return d.capacity ? t('meetup.places', { going: d.going, capacity: d.capacity }) : t('meetup.goingCount', { n: d.going });
}

export const cancelledMark = () => h('span', { class: 'mark mark-cancelled', 'data-test': 'cancelled' }, t('meetup.cancelled'));
