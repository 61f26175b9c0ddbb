// "/c/{slug}/p/crisis-plan/shared": the crisis plans other members shared with me, and
// "/c/{slug}/p/crisis-plan/shared/{ownerId}": one of them, read-only. Each opening, print and download is
// recorded in the owner's log (the server does that), and the page says so.
import { words, errorText, when, stylesheet, apiBase, pageHref, crisisBox, planView } from './common.js';

const restOf = (kit) => (Array.isArray(kit.rest) ? kit.rest.join('/') : String(kit.rest || '')).replace(/^\/+|\/+$/g, '');

export default async function page(kit) {
  const h = kit.h;
  const t = words(kit);
  if (!kit.member) {
    return { title: t('title.shared'), nodes: [stylesheet(kit), h('h1', { tabindex: '-1' }, t('title.shared')), h('p', {}, t('signIn'))] };
  }
  const ownerId = restOf(kit);
  return ownerId ? one(kit, h, t, ownerId) : list(kit, h, t);
}

async function list(kit, h, t) {
  const answer = await kit.api('/shared-with-me');
  return {
    title: t('title.shared'),
    nodes: [
      stylesheet(kit),
      h('h1', { tabindex: '-1' }, t('title.shared')),
      h('p', { class: 'lead' }, t('lead.shared')),
      crisisBox(kit, t, answer.crisisNumbers),
      answer.plans.length === 0
        ? h('p', { class: 'panel', 'data-test': 'shared-none' }, t('shared.none'))
        : h('ul', { class: 'cards', 'data-test': 'shared-list' }, answer.plans.map((p) => h('li', { class: 'card', 'data-test': 'shared-plan',
          'data-owner': p.ownerId },
          h('h2', {}, h('a', { href: pageHref(kit, 'shared/' + encodeURIComponent(p.ownerId)) }, t('shared.open', { name: p.pseudonym }))),
          h('p', { class: 'meta' }, t('shared.updated', { when: when(kit, p.updatedAt) }))))),
    ],
  };
}

async function one(kit, h, t, ownerId) {
  const back = h('p', { class: 'back' }, h('a', { href: pageHref(kit, 'shared') }, h('span', { 'aria-hidden': 'true' }, '←'), t('shared.back')));
  let plan;
  try {
    plan = await kit.api('/plans/' + encodeURIComponent(ownerId));
  } catch (err) {
    if (!err || err.code !== 'plan_not_found') throw err;
    return {
      title: t('title.shared'),
      nodes: [stylesheet(kit), back, h('h1', { tabindex: '-1' }, t('title.shared')),
        h('p', { class: 'panel', role: 'status', 'data-test': 'plan-gone', 'data-code': err.code }, t('gone'))],
    };
  }
  const title = t('title.of', { name: plan.ownerPseudonym });
  const status = h('div', { class: 'form-status' });
  const printButton = h('button', { type: 'button', class: 'button secondary', 'data-test': 'print' }, t('print'));
  printButton.addEventListener('click', async () => {
    // The owner's log says "printed": ask the server first, so a print never goes unrecorded.
    status.replaceChildren();
    try {
      await kit.api('/plans/' + encodeURIComponent(ownerId) + '?how=print');
      window.print();
    } catch (err) {
      status.replaceChildren(h('p', { class: 'error', role: 'alert', 'data-test': 'form-error', 'data-code': err && err.code },
        errorText(kit, t, err || {})));
    }
  });
  return {
    title,
    nodes: [
      stylesheet(kit),
      h('div', { class: 'cp-shared-plan', 'data-test': 'shared-plan-view', 'data-owner': ownerId },
        h('div', { class: 'cp-noprint' }, back),
        h('h1', { tabindex: '-1' }, title),
        h('p', { class: 'lead cp-noprint' }, t('lead.of', { name: plan.ownerPseudonym })),
        crisisBox(kit, t, plan.crisisNumbers),
        h('div', { class: 'cp-tools cp-noprint' }, status, h('div', { class: 'actions' }, printButton,
          h('a', { class: 'button secondary', href: apiBase(kit) + '/plans/' + encodeURIComponent(ownerId) + '/download',
            download: 'crisis-plan.html', 'data-test': 'download' }, t('download')))),
        planView(kit, t, plan)),
    ],
  };
}
