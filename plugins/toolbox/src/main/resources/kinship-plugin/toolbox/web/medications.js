// My medication overview: name, dose, times of day, what it is for, the side effects I notice.
import { itemsPage, opt, words } from './common.js';

const UNITS = ['mg', 'g', 'mcg', 'ml', 'iu', 'tablet', 'capsule', 'drop', 'puff', 'patch', 'sachet', 'dose'];

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  const amount = (a) => (kit.lang === 'nb' ? String(a).replace('.', ',') : String(a));
  return itemsPage(kit, {
    kind: 'medications', titleKey: 'medications', newKey: 'newMedication', changeKey: 'changeMedication',
    fields: [
      { name: 'name', label: 'name', required: true, max: 100 },
      { name: 'doseAmount', label: 'doseAmount', type: 'number', required: true, from: (m) => amount(m.doseAmount) },
      { name: 'doseUnit', label: 'doseUnit', type: 'select', options: UNITS, optionKey: 'unit.', required: true, initial: 'mg' },
      { name: 'times', label: 'times', hint: 'timesHint', from: (m) => m.times.join(', ') },
      { name: 'purpose', label: 'purpose', max: 500 },
      { name: 'sideEffects', label: 'sideEffects', type: 'textarea', rows: 3 },
    ],
    errorField: { name_invalid: 'name', dose_invalid: 'doseAmount', time_invalid: 'times', text_too_long: 'sideEffects' },
    heading: (m) => m.name,
    toBody: (v) => ({
      name: v.name.trim(), doseAmount: v.doseAmount.trim(), doseUnit: v.doseUnit,
      times: v.times.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean).map((s) => (/^\d:\d\d$/.test(s) ? '0' + s : s)),
      purpose: opt(v.purpose), sideEffects: opt(v.sideEffects),
    }),
    show: (m) => [
      h('p', {}, t('dose', { amount: amount(m.doseAmount), unit: t('unit.' + m.doseUnit) })),
      m.times.length ? h('p', {}, t('at', { times: m.times.join(', ') })) : null,
      m.purpose ? h('p', {}, h('strong', {}, t('purpose') + ': '), m.purpose) : null,
      m.sideEffects ? h('p', { class: 'tb-text' }, h('strong', {}, t('sideEffects') + ': '), m.sideEffects) : null,
    ],
  });
}
