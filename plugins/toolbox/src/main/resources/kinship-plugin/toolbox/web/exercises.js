// Exercises the community's admins offer: read by every member, changed by the admins.
import { itemsPage, opt, words } from './common.js';

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  return itemsPage(kit, {
    kind: 'exercises', titleKey: 'exercises', newKey: 'newExercise', changeKey: 'changeExercise', curated: true,
    fields: [
      { name: 'title', label: 'title', required: true, max: 150 },
      { name: 'kind', label: 'kind', type: 'select', options: ['mindfulness', 'coping', 'symptom_management'], optionKey: 'kind.',
        required: true, initial: 'mindfulness' },
      { name: 'body', label: 'body', type: 'textarea', rows: 6, required: true },
      { name: 'minutes', label: 'minutes', type: 'number' },
    ],
    errorField: { title_invalid: 'title', kind_invalid: 'kind', validation_failed: 'body', text_too_long: 'body', minutes_invalid: 'minutes' },
    heading: (e) => e.title,
    group: (e) => 'kind.' + e.kind,
    toBody: (v) => {
      const body = { title: v.title.trim(), kind: v.kind, body: v.body };
      if (v.minutes.trim()) body.minutes = /^\d+$/.test(v.minutes.trim()) ? Number(v.minutes.trim()) : v.minutes.trim();
      return body;
    },
    show: (e) => [
      e.minutes ? h('p', { class: 'meta' }, t('minutesValue', { n: e.minutes })) : null,
      h('p', { class: 'tb-text' }, e.body),
    ],
  });
}
