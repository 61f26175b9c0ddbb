// "/c/{slug}/p/crisis-plan": my own crisis plan. The crisis numbers first, then the plan as a form of labelled
// lists (add and remove rows), who may read it (share by pseudonym, stop sharing), and who has read it.
// Print uses a read-only copy of the saved plan and a print stylesheet that leaves out everything else.
import { words, errorText, when, stylesheet, apiBase, crisisBox, planView } from './common.js';

const LISTS = ['warningSigns', 'selfHelp', 'othersCanDo'];
const MAX_ITEMS = 30;
const MAX_CONTACTS = 20;
let uid = 0;
const newId = (p) => 'cp-' + p + '-' + (++uid);

export default async function page(kit) {
  const h = kit.h;
  const t = words(kit);
  if (!kit.member) {
    return { title: t('title.mine'), nodes: [stylesheet(kit), h('h1', { tabindex: '-1' }, t('title.mine')), h('p', {}, t('signIn'))] };
  }
  const [plan, shares, views] = await Promise.all([kit.api('/plan'), kit.api('/plan/shares'), kit.api('/plan/views')]);
  let version = plan.version;
  let saved = plan;

  // ---- a status line under a form: saved, or the server's refusal with its code ----
  const status = (box) => box.querySelector('.form-status');
  const showError = (box, err) => {
    const p = h('p', { class: 'error', role: 'alert', 'data-test': 'form-error', 'data-code': (err && err.code) || 'unexpected' },
      h('span', { class: 'error-mark', 'aria-hidden': 'true' }, '!'), ' ', errorText(kit, t, err || {}));
    status(box).replaceChildren(p);
  };
  const showOk = (box, text, test) => {
    status(box).replaceChildren(h('p', { class: 'flash', role: 'status', 'data-test': test }, text));
    kit.announce(text);
  };
  async function busy(box, button, fn) {
    if (box.dataset.busy) return;
    box.dataset.busy = '1';
    status(box).replaceChildren();
    button.setAttribute('aria-disabled', 'true');
    try {
      await fn();
    } catch (err) {
      showError(box, err);
    }
    button.removeAttribute('aria-disabled');
    delete box.dataset.busy;
  }

  // ---- one list of lines, each row labelled by its place ("Warning sign 2") ----
  function listEditor(key, items) {
    const legendId = newId('legend');
    const ol = h('ol', { class: 'cp-rows', 'data-test': 'list-' + key });
    const add = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'add-' + key }, t('list.' + key + '.add'));
    const relabel = () => {
      [...ol.children].forEach((li, i) => {
        const what = t('list.' + key + '.item', { n: i + 1 });
        li.querySelector('input').setAttribute('aria-label', what);
        li.querySelector('button').setAttribute('aria-label', t('removeItem', { what }));
      });
      add.hidden = ol.children.length >= MAX_ITEMS;
    };
    const row = (value) => {
      const input = h('input', { type: 'text', value: value || '', maxlength: '300', 'data-test': 'item' });
      const remove = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'remove-item' }, t('remove'));
      const li = h('li', { class: 'cp-row' }, input, remove);
      remove.addEventListener('click', () => {
        const next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        relabel();
        dirty();
        (next ? next.querySelector('input') : add).focus();
      });
      return li;
    };
    items.forEach((i) => ol.append(row(i)));
    add.addEventListener('click', () => {
      const li = row('');
      ol.append(li);
      relabel();
      li.querySelector('input').focus();
    });
    relabel();
    const el = h('fieldset', { class: 'cp-list', 'aria-describedby': legendId + '-hint' },
      h('legend', { id: legendId }, t('list.' + key)),
      h('p', { class: 'hint', id: legendId + '-hint' }, t('list.' + key + '.hint')),
      ol, add);
    return { el, values: () => [...ol.querySelectorAll('input')].map((i) => i.value.trim()).filter((v) => v) };
  }

  // ---- who to call: each person a small fieldset of its own ----
  function contactsEditor(contacts) {
    const box = h('div', { class: 'cp-contact-rows', 'data-test': 'contacts' });
    const add = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'add-contact' }, t('contact.add'));
    const relabel = () => {
      [...box.children].forEach((fs, i) => {
        fs.querySelector('legend').textContent = t('contact', { n: i + 1 });
        fs.querySelector('[data-test="remove-contact"]').textContent = t('contact.remove', { n: i + 1 });
      });
      add.hidden = box.children.length >= MAX_CONTACTS;
    };
    const field = (label, control) => {
      control.id = newId('f');
      return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
    };
    const row = (c) => {
      const name = h('input', { type: 'text', name: 'name', value: c.name || '', maxlength: '100', autocomplete: 'off' });
      const relation = h('input', { type: 'text', name: 'relation', value: c.relation || '', maxlength: '100', autocomplete: 'off' });
      const phone = h('input', { type: 'tel', name: 'phone', value: c.phone || '', maxlength: '32', autocomplete: 'off', inputmode: 'tel' });
      const group = newId('kind');
      const kinds = ['personal', 'professional'].map((k) => {
        const id = newId('k');
        return h('span', { class: 'choice' },
          h('input', { type: 'radio', name: group, id, value: k, checked: (c.kind || 'personal') === k, 'data-test': 'kind-' + k }),
          h('label', { for: id }, t('contact.' + k)));
      });
      const remove = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'remove-contact' });
      const fs = h('fieldset', { class: 'cp-contact', 'data-test': 'contact' }, h('legend', {}),
        field(t('contact.name'), name), field(t('contact.relation'), relation), field(t('contact.phone'), phone),
        h('fieldset', { class: 'choices cp-kind' }, h('legend', {}, t('contact.kind')), kinds),
        remove);
      remove.addEventListener('click', () => {
        fs.remove();
        relabel();
        dirty();
        add.focus();
      });
      return fs;
    };
    contacts.forEach((c) => box.append(row(c)));
    add.addEventListener('click', () => {
      const fs = row({});
      box.append(fs);
      relabel();
      fs.querySelector('input').focus();
    });
    relabel();
    const el = h('fieldset', { class: 'cp-list', 'aria-describedby': 'cp-contacts-hint' },
      h('legend', {}, t('contacts')), h('p', { class: 'hint', id: 'cp-contacts-hint' }, t('contacts.hint')), box, add);
    const values = () => [...box.children].map((fs) => ({
      name: fs.querySelector('[name="name"]').value.trim(),
      relation: fs.querySelector('[name="relation"]').value.trim(),
      phone: fs.querySelector('[name="phone"]').value.trim(),
      kind: (fs.querySelector('input[type="radio"]:checked') || {}).value || 'personal',
    })).filter((c) => c.name || c.relation || c.phone);
    return { el, values };
  }

  // ---- the plan form ----
  const lists = Object.fromEntries(LISTS.map((k) => [k, listEditor(k, plan[k])]));
  const contacts = contactsEditor(plan.contacts);
  const text = h('textarea', { id: 'cp-if', name: 'ifCannotSpeak', rows: '5', maxlength: '4000', 'aria-describedby': 'cp-if-hint' },
    plan.ifCannotSpeak);
  const unsaved = h('p', { class: 'hint', 'data-test': 'unsaved', hidden: true }, t('unsaved'));
  function dirty() {
    unsaved.hidden = false;
  }
  const saveButton = h('button', { type: 'submit', class: 'button', 'data-test': 'save-plan' }, t('save'));
  const form = h('form', { class: 'stack cp-form', novalidate: true, 'aria-labelledby': 'cp-title', 'data-test': 'plan-form' },
    LISTS.map((k) => lists[k].el), contacts.el,
    h('div', { class: 'field' }, h('label', { for: 'cp-if' }, t('ifCannotSpeak')),
      h('p', { class: 'hint', id: 'cp-if-hint' }, t('ifCannotSpeak.hint')), text),
    unsaved, h('div', { class: 'form-status' }), h('div', { class: 'actions' }, saveButton));
  form.addEventListener('input', dirty);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, saveButton, async () => {
      const body = {
        expectedVersion: version,
        warningSigns: lists.warningSigns.values(),
        selfHelp: lists.selfHelp.values(),
        othersCanDo: lists.othersCanDo.values(),
        contacts: contacts.values(),
        ifCannotSpeak: text.value,
      };
      saved = await kit.api('/plan', { method: 'PUT', body });
      version = saved.version;
      unsaved.hidden = true;
      printCopy.replaceChildren(...printable());
      showOk(form, t('saved'), 'plan-saved');
    });
  });

  // ---- print and download ----
  const printable = () => [h('h1', {}, t('title.mine')), crisisBox(kit, t, saved.crisisNumbers), planView(kit, t, saved)].flat().filter(Boolean);
  const printCopy = h('div', { class: 'cp-print', 'data-test': 'print-copy' }, ...printable());
  const printButton = h('button', { type: 'button', class: 'button secondary', 'data-test': 'print' }, t('print'));
  printButton.addEventListener('click', () => window.print());
  const tools = h('div', { class: 'cp-tools' },
    h('div', { class: 'actions' }, printButton,
      h('a', { class: 'button secondary', href: apiBase(kit) + '/plan/download', download: 'crisis-plan.html',
        'data-test': 'download', 'aria-describedby': 'cp-download-hint' }, t('download'))),
    h('p', { class: 'hint', id: 'cp-download-hint' }, t('download.hint')));

  // ---- sharing ----
  const shareList = h('ul', { class: 'cp-shares', 'data-test': 'share-list' });
  const shareNone = h('p', { class: 'hint', 'data-test': 'shares-none' }, t('shares.none'));
  const pseudonym = h('input', { type: 'text', id: 'cp-share-name', name: 'pseudonym', maxlength: '32', autocomplete: 'off',
    autocapitalize: 'off', spellcheck: 'false', 'aria-describedby': 'cp-share-hint' });
  const shareButton = h('button', { type: 'submit', class: 'button', 'data-test': 'share' }, t('shares.add'));
  const shareForm = h('form', { class: 'stack', novalidate: true, 'data-test': 'share-form' },
    h('div', { class: 'field' }, h('label', { for: 'cp-share-name' }, t('shares.pseudonym')),
      h('p', { class: 'hint', id: 'cp-share-hint' }, t('shares.hint')), pseudonym),
    h('div', { class: 'form-status' }), h('div', { class: 'actions' }, shareButton));
  function showShares(list) {
    shareNone.hidden = list.length > 0;
    shareList.replaceChildren(...list.map((s) => {
      const name = s.pseudonym || t('shares.left');
      const revoke = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'revoke' }, t('shares.revoke', { name }));
      const li = h('li', { 'data-test': 'share', 'data-member': s.memberId },
        h('span', {}, h('strong', {}, name), ' ', h('span', { class: 'hint' }, t('shares.since', { when: when(kit, s.since) }))),
        h('div', { class: 'form-status' }), revoke);
      revoke.addEventListener('click', () => busy(li, revoke, async () => {
        const answer = await kit.api('/plan/shares/' + encodeURIComponent(s.memberId), { method: 'DELETE' });
        showShares(answer.shares);
        showOk(shareForm, t('shares.revoked', { name }), 'share-revoked');
        pseudonym.focus();
      }));
      return li;
    }));
  }
  showShares(shares.shares);
  shareForm.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(shareForm, shareButton, async () => {
      const name = pseudonym.value.trim();
      if (!name) throw { code: 'share_target_required' };
      const answer = await kit.api('/plan/shares', { method: 'POST', body: { pseudonym: name } });
      showShares(answer.shares);
      pseudonym.value = '';
      const added = answer.shares.find((s) => s.pseudonym && s.pseudonym.toLowerCase() === name.toLowerCase());
      showOk(shareForm, t('shares.added', { name: added ? added.pseudonym : name }), 'share-added');
    });
  });

  // ---- the view log ----
  const viewList = h('ul', { class: 'cp-views', 'data-test': 'view-log' });
  const viewNone = h('p', { class: 'hint', 'data-test': 'views-none' }, t('views.none'));
  const more = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'views-more' }, t('views.more'));
  let next = views.next;
  const viewItem = (v) => h('li', { 'data-test': 'view', 'data-viewer': v.viewerId || '', 'data-how': v.how },
    h('strong', {}, v.pseudonym || t('views.deleted')), ' ', t('how.' + v.how), ' ',
    h('span', { class: 'hint' }, h('time', { datetime: v.viewedAt }, when(kit, v.viewedAt))));
  function addViews(page) {
    viewList.append(...page.views.map(viewItem));
    next = page.next;
    more.hidden = next == null;
    viewNone.hidden = viewList.children.length > 0;
  }
  addViews(views);
  more.addEventListener('click', async () => {
    const page = await kit.api('/plan/views?before=' + encodeURIComponent(next));
    addViews(page);
  });

  return {
    title: t('title.mine'),
    nodes: [
      stylesheet(kit),
      h('div', { class: 'cp-screen', 'data-test': 'crisis-plan-page' },
        h('h1', { id: 'cp-title', tabindex: '-1' }, t('title.mine')),
        h('p', { class: 'lead' }, t('lead.mine')),
        crisisBox(kit, t, plan.crisisNumbers),
        !plan.exists && h('p', { class: 'panel', 'data-test': 'not-written' }, t('notWritten')),
        tools,
        form,
        h('section', { class: 'panel', 'aria-labelledby': 'cp-shares-title', 'data-test': 'shares' },
          h('h2', { id: 'cp-shares-title' }, t('shares.title')), shareNone, shareList, shareForm),
        h('section', { class: 'panel', 'aria-labelledby': 'cp-views-title', 'data-test': 'views' },
          h('h2', { id: 'cp-views-title' }, t('views.title')), viewNone, viewList, more)),
      printCopy,
    ],
  };
}
