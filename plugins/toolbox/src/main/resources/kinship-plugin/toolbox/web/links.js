// Local activities and user organisations the community's admins link to.
import { itemsPage, opt, words } from './common.js';

export default async function page(kit) {
  const { h } = kit;
  const t = words(kit);
  return itemsPage(kit, {
    kind: 'links', titleKey: 'links', newKey: 'newLink', changeKey: 'changeLink', curated: true,
    fields: [
      { name: 'title', label: 'title', required: true, max: 150 },
      { name: 'url', label: 'url', required: true, max: 2000 },
      { name: 'kind', label: 'kind', type: 'select', options: ['activity', 'organisation'], optionKey: 'kind.', required: true, initial: 'activity' },
      { name: 'description', label: 'description', type: 'textarea', rows: 3 },
    ],
    errorField: { title_invalid: 'title', url_invalid: 'url', kind_invalid: 'kind', text_too_long: 'description' },
    heading: (l) => l.title,
    group: (l) => 'kind.' + l.kind,
    toBody: (v) => ({ title: v.title.trim(), url: v.url.trim(), kind: v.kind, description: opt(v.description) }),
    show: (l) => [
      h('p', {}, h('a', { href: l.url, rel: 'noopener noreferrer nofollow' }, l.url)),
      l.description ? h('p', { class: 'tb-text' }, l.description) : null,
    ],
  });
}
