// What others have shared with me: read-only, with whose it is. Nothing here can be changed.
import { frame, words, dayName } from './common.js';

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  const items = await kit.api('/shared-with-me');
  const { nodes } = frame(kit, 'sharedWithMe', h('p', { class: 'lead' }, t('sharedWithMe.about')));
  const body = (it) => {
    switch (it.kind) {
      case 'goals': return [
        h('p', {}, t('progressValue', { n: it.progress })),
        it.why ? h('p', { class: 'tb-text' }, it.why) : null,
        it.steps.length ? h('ul', {}, it.steps.map((s) => h('li', {}, s.done ? t('stepDone', { text: s.text }) : s.text))) : null];
      case 'activities': return [
        h('p', {}, dayName(kit, it.date), ', ', it.start, it.end ? ' – ' + it.end : ''),
        it.note ? h('p', { class: 'tb-text' }, it.note) : null];
      case 'network': return [
        h('p', {}, t('circle.' + it.circle), it.relation ? ' · ' + it.relation : ''),
        it.helps ? h('p', { class: 'tb-text' }, it.helps) : null];
      case 'medications': return [
        h('p', {}, t('dose', { amount: it.doseAmount, unit: t('unit.' + it.doseUnit) })),
        it.times.length ? h('p', {}, t('at', { times: it.times.join(', ') })) : null,
        it.purpose ? h('p', {}, h('strong', {}, t('purpose') + ': '), it.purpose) : null,
        it.sideEffects ? h('p', { class: 'tb-text' }, h('strong', {}, t('sideEffects') + ': '), it.sideEffects) : null];
      default: return [];
    }
  };
  nodes.push(items.length
    ? h('ul', { class: 'cards', 'data-test': 'toolbox-shared' }, items.map((it) => h('li', { class: 'card tb-item' },
      h('p', { class: 'meta' }, t('kinds.' + it.kind) + ' · ' + t('sharedBy', { name: it.owner.pseudonym })),
      h('h2', {}, it.title || it.name),
      body(it),
      h('p', { class: 'hint' }, t('readOnly', { name: it.owner.pseudonym })))))
    : h('p', { class: 'empty' }, t('empty')));
  return { title: t('sharedWithMe'), nodes };
}
