// My network map: people and services around me in three circles, and how each helps.
import { itemsPage, opt, words } from './common.js';

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  return itemsPage(kit, {
    kind: 'network', titleKey: 'network', newKey: 'newContact', changeKey: 'changeContact',
    fields: [
      { name: 'name', label: 'name', required: true, max: 100 },
      { name: 'relation', label: 'relation', max: 100 },
      { name: 'closeness', label: 'closeness', type: 'select', options: ['inner', 'middle', 'outer'], optionKey: 'circle.',
        required: true, from: (c) => c.circle, initial: 'inner' },
      { name: 'helps', label: 'helps', type: 'textarea', rows: 3 },
    ],
    errorField: { name_invalid: 'name', closeness_invalid: 'closeness', text_too_long: 'helps', validation_failed: 'relation' },
    heading: (c) => c.name,
    group: (c) => 'circle.' + c.circle,
    sort: (list) => list.slice().sort((a, b) => a.closeness - b.closeness || a.name.localeCompare(b.name)),
    toBody: (v) => ({ name: v.name.trim(), relation: opt(v.relation), closeness: v.closeness, helps: opt(v.helps) }),
    show: (c) => [
      c.relation ? h('p', { class: 'meta' }, c.relation) : null,
      c.helps ? h('p', { class: 'tb-text' }, h('strong', {}, t('helps') + ': '), c.helps) : null,
    ],
  });
}
