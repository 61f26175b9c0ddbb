// "/c/{slug}/meetups/new": an organiser plans a meetup: when (in the community's time zone), where
// (an address, or an online link), who it suits (accessibility), how many, whether to repeat it, and
// where to talk about it in the forum.
import { h } from '../dom.js';
import { app, t, h1, backLink, field, formEnd, onSubmit, check, Invalid } from '../ui.js';
import { fapi, memberOf } from '../forum.js';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The RFC 5545 rule for a choice, from the first date ("2026-12-03" is the first Thursday). */
export function ruleFor(repeat, isoDate) {
  if (!repeat || !isoDate) return null;
  const d = new Date(isoDate + 'T12:00:00Z');
  const day = DAYS[d.getUTCDay()];
  if (repeat === 'WEEKLY') return 'FREQ=WEEKLY;BYDAY=' + day;
  if (repeat === 'MONTHLY_NTH') return 'FREQ=MONTHLY;BYDAY=' + Math.ceil(d.getUTCDate() / 7) + day;
  if (repeat === 'MONTHLY_LAST') return 'FREQ=MONTHLY;BYDAY=-1' + day;
  return null;
}

export default async function meetupNew({ params: [slug] }) {
  const ctx = await memberOf(slug);
  const categories = await fapi(ctx.api + '/forum/categories').catch(() => []);
  const title = t('meetupNew.title');
  const input = (name, attrs = {}) => h('input', Object.assign({ name, type: 'text' }, attrs));
  const f = {
    title: input('title', { maxlength: '120', required: true }),
    date: input('date', { type: 'date', required: true }),
    start: input('start', { type: 'time', required: true, value: '18:00' }),
    end: input('end', { type: 'time', required: true, value: '20:00' }),
    address: input('address', { maxlength: '300', autocomplete: 'off' }),
    mapUrl: input('mapUrl', { type: 'url', maxlength: '500' }),
    onlineUrl: input('onlineUrl', { type: 'url', maxlength: '500' }),
    accessibility: h('textarea', { name: 'accessibility', rows: '3', maxlength: '1000' }),
    description: h('textarea', { name: 'description', rows: '5', maxlength: '4000' }),
    capacity: input('capacity', { type: 'number', min: '1', max: '10000', inputmode: 'numeric' }),
    approval: h('input', { type: 'checkbox', name: 'approvalRequired', id: 'approval' }),
    repeat: h('select', { name: 'repeat' }, ['', 'WEEKLY', 'MONTHLY_NTH', 'MONTHLY_LAST']
      .map((r) => h('option', { value: r }, t('meetupNew.repeat.' + (r || 'NONE'))))),
    category: h('select', { name: 'category' }, h('option', { value: '' }, t('meetupNew.noThread')),
      categories.map((c) => h('option', { value: c.id }, c.name))),
  };
  const form = h('form', { class: 'stack', 'data-test': 'meetup-form' },
    field(t('meetupNew.f.title'), f.title),
    h('fieldset', { class: 'when-fields' }, h('legend', {}, t('meetupNew.when', { zone: ctx.c.timeZone })),
      field(t('meetupNew.f.date'), f.date), field(t('meetupNew.f.start'), f.start), field(t('meetupNew.f.end'), f.end),
      field(t('meetupNew.f.repeat'), f.repeat, t('meetupNew.repeatHint'))),
    h('fieldset', {}, h('legend', {}, t('meetupNew.where')),
      field(t('meetupNew.f.address'), f.address), field(t('meetupNew.f.mapUrl'), f.mapUrl),
      field(t('meetupNew.f.onlineUrl'), f.onlineUrl, t('meetupNew.whereHint'))),
    field(t('meetupNew.f.accessibility'), f.accessibility, t('meetupNew.accessibilityHint')),
    field(t('meetupNew.f.description'), f.description),
    field(t('meetupNew.f.capacity'), f.capacity, t('meetupNew.capacityHint')),
    h('div', { class: 'choice' }, f.approval, h('label', { for: 'approval' }, t('meetupNew.f.approval'))),
    categories.length > 0 && field(t('meetupNew.f.category'), f.category, t('meetupNew.categoryHint')),
    formEnd(h('button', { type: 'submit', class: 'button' }, t('meetupNew.save'))));

  onSubmit(form, async () => {
    if (!check(() => {
      if (!f.title.value.trim()) throw new Invalid(f.title, 'title_invalid', t('meetupNew.need.title'));
      if (!f.date.value) throw new Invalid(f.date, 'validation_failed', t('meetupNew.need.date'));
      if (!f.address.value.trim() && !f.onlineUrl.value.trim()) throw new Invalid(f.address, 'place_required', t('meetupNew.need.place'));
    })) return;
    // An end earlier than the start is taken to be after midnight.
    let endDate = f.date.value;
    if (f.end.value && f.end.value <= f.start.value) {
      const next = new Date(f.date.value + 'T12:00:00Z');
      next.setUTCDate(next.getUTCDate() + 1);
      endDate = next.toISOString().slice(0, 10);
    }
    const body = {
      title: f.title.value, description: f.description.value, address: f.address.value, mapUrl: f.mapUrl.value,
      onlineUrl: f.onlineUrl.value, accessibility: f.accessibility.value,
      capacity: f.capacity.value ? Number(f.capacity.value) : null, approvalRequired: f.approval.checked,
      start: f.date.value + 'T' + f.start.value, end: endDate + 'T' + f.end.value,
      recurrence: ruleFor(f.repeat.value, f.date.value), categoryId: f.category.value || null,
    };
    const made = await fapi(ctx.api + '/meetups', 'POST', body);
    app.flash = t('meetupNew.saved');
    app.navigate(ctx.href + '/meetups/' + made.id + '/' + made.dates[0].id);
  }, (code) => ({
    title_invalid: f.title, end_before_start: f.end, start_in_past: f.date, recurrence_invalid: f.repeat,
    place_required: f.address, category_not_found: f.category,
  })[code] || null);

  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [backLink(ctx.href + '/meetups', t('meetups.title')), h1(title), h('p', { class: 'lead' }, t('meetupNew.lead')), form],
  };
}
