// "/c/{slug}/safety": the community's crisis word list. Admins edit it (add, remove, save) or go back
// to the default list for the community's language; moderators may read it. Whether someone may is
// the server's decision: this page asks for the list and shows the server's refusal as it comes.
import { h, put, newId } from '../dom.js';
import { api, enc, ApiError } from '../api.js';
import {
  app, t, tn, h1, backLink, field, formEnd, onSubmit, check, Invalid, announce, busy, langName, confirmAction,
} from '../ui.js';

const MAX_PHRASE = 80;

export default async function safety({ params: [slug] }) {
  const base = '/communities/' + enc(slug);
  const [c, me] = await Promise.all([api(base), app.getMe()]);
  if (!me.authenticated) throw new ApiError(401, 'not_authenticated', '');
  const list = await api(base + '/safety/phrases');
  const admin = !!c.membership && c.membership.status === 'ACTIVE' && c.membership.role === 'ADMIN';
  const title = t('safety.title');
  const lang = list.language;

  const state = h('p', { class: 'safety-state', 'data-test': 'safety-state' });
  const defaultsBox = h('div', {});
  const showState = (l) => {
    const n = l.phrases.length;
    state.textContent = t('safety.' + (l.custom ? 'stateCustom' : 'stateDefault') + (n === 1 ? '.one' : '.other'),
      { n, lang: langName(l.language) });
    defaultsBox.replaceChildren(l.custom ? h('details', { class: 'more' },
      h('summary', {}, t('safety.showDefaults', { lang: langName(l.language) })),
      phraseList(l.defaults, l.language, 'default-phrases')) : '');
  };
  showState(list);

  return {
    title: title + ' · ' + c.name,
    nodes: [
      backLink('/c/' + enc(c.slug), c.name),
      h1(title),
      h('p', { class: 'lead' }, t('safety.lead')),
      state,
      rules(),
      admin ? editor(base, list, showState) : [
        h('p', { class: 'note-ok', 'data-test': 'safety-readonly' }, t('safety.readOnly')),
        phraseList(list.phrases, lang, 'phrases'),
      ],
      defaultsBox,
    ],
  };
}

/** How a phrase matches, folded away: what an admin needs to write a good one. */
function rules() {
  return h('details', { class: 'more format-help' },
    h('summary', {}, t('safety.rulesTitle')),
    h('ul', {}, ['words', 'case', 'between', 'star', 'limits', 'never'].map((k) => h('li', {}, t('safety.rule.' + k)))));
}

/** A numbered read-only list: the number is the "line" the server names when it refuses a phrase. */
function phraseList(phrases, lang, test) {
  return h('ol', { class: 'phrase-list', 'data-test': test }, phrases.map((p) => h('li', {}, h('span', { class: 'phrase', lang }, p))));
}

/** The editing an admin does: add and remove on a working copy, then save it all, or reset to the defaults. */
function editor(base, list, showState) {
  const path = base + '/safety/phrases';
  let lang = list.language;
  let custom = list.custom;
  let saved = list.phrases.slice();
  let working = list.phrases.slice();
  const key = (p) => p.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const dirty = () => working.length !== saved.length || working.some((p, i) => p !== saved[i]);

  const heading = h('h2', { id: 'phrases-title', tabindex: '-1' });
  const ol = h('ol', { class: 'phrase-list editable', 'data-test': 'phrases' });
  const empty = h('p', { class: 'empty' }, t('safety.empty'));
  const unsaved = h('p', { class: 'unsaved', 'data-test': 'unsaved' }, t('safety.unsaved'));

  const input = h('input', { type: 'text', name: 'phrase', maxlength: String(MAX_PHRASE), autocomplete: 'off',
    autocapitalize: 'off', spellcheck: 'false', lang, 'data-test': 'new-phrase' });
  const add = h('form', { class: 'stack panel add-phrase', 'aria-labelledby': 'add-phrase-title', 'data-test': 'add-phrase' },
    h('h3', { id: 'add-phrase-title' }, t('safety.addTitle')),
    field(t('safety.phrase'), input, t('safety.phraseHint')),
    formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('safety.add'))));

  const save = h('button', { type: 'button', class: 'button', 'data-test': 'save-phrases' }, t('safety.save'));
  const undo = h('button', { type: 'button', class: 'button secondary', 'data-test': 'undo-phrases' }, t('safety.undo'));
  const box = h('div', { class: 'save-box' }, unsaved, formEnd(save, undo));
  const resetSlot = h('div', { class: 'reset' });

  const paint = () => {
    heading.textContent = t('safety.listTitle') + ' (' + working.length + ')';
    ol.replaceChildren(...working.map((p, i) => item(p, i)));
    ol.hidden = !working.length;
    empty.hidden = working.length > 0;
    // Saving an unchanged list would only turn the defaults into a copy of their own: offered after a change.
    unsaved.hidden = !dirty();
    save.hidden = !dirty();
    undo.hidden = !dirty();
  };

  const item = (p, i) => {
    const remove = h('button', { type: 'button', class: 'link-button remove', 'data-test': 'remove-phrase' },
      t('safety.remove'), h('span', { class: 'sr' }, ' ' + p));
    remove.addEventListener('click', () => {
      working.splice(i, 1);
      add.querySelector('.form-status').replaceChildren();
      paint();
      const next = ol.children[i] || ol.children[i - 1];
      (next ? next.querySelector('.remove') : input).focus();
      announce(t('safety.removed', { p }));
    });
    return h('li', { 'data-phrase': p }, h('span', { class: 'phrase', lang }, p), remove);
  };

  onSubmit(add, async () => {
    const p = input.value.trim().replace(/\s+/g, ' ');
    if (!check(() => {
      if (!p) throw new Invalid(input, 'validation_failed', t('safety.phraseEmpty'));
      if ([...p].length > MAX_PHRASE) throw new Invalid(input, 'validation_failed', t('safety.phraseLong', { n: MAX_PHRASE }));
      if (p.includes('#')) throw new Invalid(input, 'validation_failed', t('safety.phraseHash'));
      if (working.some((x) => key(x) === key(p))) throw new Invalid(input, 'validation_failed', t('safety.phraseTwice', { p }));
    })) return;
    // At the top, where the admin sees it land; the server keeps its own order once saved.
    working.unshift(p);
    paint();
    input.value = '';
    input.focus();
    const msg = t('safety.added', { p });
    add.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, msg));
  }, () => input);
  input.addEventListener('input', () => {
    const ok = add.querySelector('.form-status .flash');
    if (ok) ok.remove();
  });

  /** Shows what the server now holds: its list replaces the working copy. */
  const took = (l, msg) => {
    lang = l.language;
    custom = l.custom;
    saved = l.phrases.slice();
    working = l.phrases.slice();
    add.querySelector('.form-status').replaceChildren();
    paint();
    showState(l);
    paintReset();
    box.querySelector('.form-status').replaceChildren(h('p', { class: 'flash', role: 'status', 'data-test': 'phrases-saved' }, msg));
    heading.focus();
    announce(msg);
  };

  save.addEventListener('click', () => busy(box, async () => {
    const l = await api(path, 'PUT', { phrases: working }).catch((err) => {
      // The server names each phrase it cannot use, by its number in the list: show that in full.
      if (err.code === 'validation_failed' && err.serverMessage && app.lang !== 'en') {
        err.text = t('safety.invalid') + ' ' + err.serverMessage;
      }
      throw err;
    });
    took(l, tn('safety.saved', l.phrases.length));
  }, save));
  undo.addEventListener('click', () => {
    working = saved.slice();
    paint();
    heading.focus();
    announce(t('safety.undone'));
  });

  // Resetting means something only once the community has a list of its own.
  const paintReset = () => put(resetSlot, custom
    ? [h('p', {}, t('safety.resetText', { lang: langName(lang) })), confirmAction({
      label: t('safety.reset'),
      question: t('safety.resetQ', { lang: langName(lang) }),
      yes: t('safety.resetYes'),
      run: async () => {
        const l = await api(path, 'DELETE');
        took(l, t('safety.resetDone', { lang: langName(l.language) }));
      },
    })]
    : h('p', { class: 'hint' }, t('safety.isDefault', { lang: langName(lang) })));

  paint();
  paintReset();
  const id = newId('reset');
  return [
    h('section', { 'aria-labelledby': 'phrases-title', 'data-test': 'phrase-editor' },
      heading, h('p', { class: 'hint' }, t('safety.editHint')), add, box, empty, ol),
    h('section', { class: 'leave', 'aria-labelledby': id, 'data-test': 'reset-box' },
      h('h2', { id }, t('safety.resetTitle')),
      resetSlot),
  ];
}
