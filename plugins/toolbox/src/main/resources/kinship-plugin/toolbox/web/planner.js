// The week planner: seven days, Monday first (or from a chosen date), each with what I planned; links to
// the weeks before and after; a form to plan something. Dates and times are the community's local time.
import { frame, words, itemForm, opt, say, sharePanel, busy, dayName, fill } from './common.js';

const SPEC = {
  kind: 'activities', newKey: 'newActivity', changeKey: 'changeActivity',
  fields: [
    { name: 'title', label: 'title', required: true, max: 150 },
    { name: 'date', label: 'date', type: 'date', required: true },
    { name: 'start', label: 'start', type: 'time', required: true },
    { name: 'end', label: 'end', type: 'time' },
    { name: 'note', label: 'note', type: 'textarea', rows: 3 },
  ],
  errorField: { title_invalid: 'title', date_invalid: 'date', time_invalid: 'start', text_too_long: 'note' },
  toBody: (v) => ({ title: v.title.trim(), date: v.date, start: v.start, end: opt(v.end), note: opt(v.note) }),
};

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  const q = kit.query || new URLSearchParams();
  const params = q.get('week') ? '?week=' + encodeURIComponent(q.get('week'))
    : q.get('from') ? '?from=' + encodeURIComponent(q.get('from')) : '';
  const week = await kit.api('/planner' + params);
  const { nodes, status } = frame(kit, 'planner', h('p', { class: 'lead' }, t('planner.about')));
  const at = (from) => kit.href('planner') + '?from=' + from;
  const short = { day: 'numeric', month: 'short' };

  const days = h('ol', { class: 'tb-week', 'data-test': 'planner-week' });
  const render = (w) => {
    days.replaceChildren(...w.days.map((d) => {
      const isToday = d.date === w.today;
      const headingId = 'tb-day-' + d.date;
      return h('li', { class: 'tb-day' + (isToday ? ' tb-today' : ''), 'aria-labelledby': headingId },
        h('h3', { id: headingId }, dayName(kit, d.date), isToday ? h('span', { class: 'tb-badge' }, ' ' + t('today')) : null),
        d.activities.length
          ? h('ul', { class: 'tb-day-list' }, d.activities.map((a) => activity(a, w)))
          : h('p', { class: 'empty' }, t('nothingPlanned')));
    }));
  };

  const activity = (a, w) => {
    const li = h('li', { class: 'tb-activity', 'data-test': 'planner-activity' });
    const show = () => {
      const del = h('button', { type: 'button', class: 'button secondary small' }, t('remove'), h('span', { class: 'sr' }, ': ' + a.title));
      del.addEventListener('click', () => busy(kit, li, async () => {
        await kit.api('/activities/' + a.id, { method: 'DELETE' });
        await reload();
        say(kit, status, t('removed'));
      }));
      const edit = h('button', { type: 'button', class: 'button secondary small' }, t('edit'), h('span', { class: 'sr' }, ': ' + a.title));
      edit.addEventListener('click', () => {
        const form = itemForm(kit, SPEC, a, async () => { await reload(); say(kit, status, t('saved')); }, () => { show(); edit.focus(); });
        li.replaceChildren(form);
        form.querySelector('input').focus();
      });
      fill(li,
        h('p', { class: 'tb-when' }, h('time', {}, a.start), a.end ? [' – ', h('time', {}, a.end)] : null),
        h('p', { class: 'tb-what' }, a.title),
        a.note ? h('p', { class: 'tb-text hint' }, a.note) : null,
        h('div', { class: 'actions' }, edit, del),
        h('details', { class: 'tb-share-details' }, h('summary', {}, t('shareTitle') + ' (' + (a.sharedWith || []).length + ')'),
          sharePanel(kit, status, 'activities', a)),
        h('div', { class: 'tb-form-status' }));
    };
    // The week lists items without their shares; the share panel needs them, so ask once when opened.
    show();
    li.querySelector('details').addEventListener('toggle', async (e) => {
      if (!e.target.open || a.sharedWith) return;
      a.sharedWith = await kit.api('/activities/' + a.id + '/shares');
      show();
      li.querySelector('details').open = true;
    });
    return li;
  };

  let current = week;
  const heading = h('h2', { id: 'tb-week-heading' });
  const nav = h('nav', { class: 'tb-week-nav', 'aria-label': t('planner') });
  const setHeading = (w) => {
    heading.textContent = t('weekOf', { week: w.week.split('-W')[1], from: dayName(kit, w.from, short), to: dayName(kit, w.to, short) });
    nav.replaceChildren(
      h('a', { href: at(w.previous), class: 'button secondary small', rel: 'prev' }, h('span', { 'aria-hidden': 'true' }, '← '), t('prevWeek')),
      h('a', { href: kit.href('planner'), class: 'button secondary small' }, t('thisWeek')),
      h('a', { href: at(w.next), class: 'button secondary small', rel: 'next' }, t('nextWeek'), h('span', { 'aria-hidden': 'true' }, ' →')));
  };
  const reload = async () => {
    current = await kit.api('/planner?from=' + current.from);
    setHeading(current);
    render(current);
  };
  setHeading(week);
  render(week);

  const addSlot = h('div', {});
  const showAdd = () => {
    const inWeek = week.today >= week.from && week.today <= week.to ? week.today : week.from;
    const form = itemForm(kit, SPEC, null, async (saved) => {
      if (saved.date < current.from || saved.date > current.to) {
        current = await kit.api('/planner?from=' + saved.date);
      }
      await reload();
      say(kit, status, t('added'));
      showAdd();
    });
    form.querySelector('input[name="date"]').value = inWeek;
    addSlot.replaceChildren(form);
  };
  showAdd();
  nodes.push(h('section', { class: 'tb-planner', 'aria-labelledby': 'tb-week-heading' }, heading, nav,
    h('p', { class: 'hint' }, t('timeZone', { zone: week.timeZone })), days), addSlot);
  return { title: t('planner'), nodes };
}
