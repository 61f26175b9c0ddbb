// The toolbox's start page: what is here, how private it is, and how much of each the member has.
import { frame, words } from './common.js';

const PAGES = [
  ['goals', (o) => o.counts.goals, 'count'],
  ['planner', (o) => o.counts.activities, 'count'],
  ['network', (o) => o.counts.network, 'count'],
  ['medications', (o) => o.counts.medications, 'count'],
  ['exercises', (o) => o.exercises, 'countCurated'],
  ['links', (o) => o.links, 'countCurated'],
  ['shared', (o) => o.sharedWithMe, 'countShared'],
];

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  const o = await kit.api('');
  const { nodes } = frame(kit, null, h('p', { class: 'lead tb-privacy' }, t('privacy')),
    h('ul', { class: 'cards tb-tiles', 'data-test': 'toolbox-pages' }, PAGES.map(([path, n, countKey]) => {
      const key = path === 'shared' ? 'sharedWithMe' : path;
      return h('li', { class: 'card' },
        h('h2', {}, h('a', { href: kit.href(path) }, t(key))),
        h('p', { class: 'desc' }, t(key + '.about')),
        h('p', { class: 'hint' }, t(countKey, { n: n(o) })));
    })));
  return { title: t('toolbox'), nodes };
}
