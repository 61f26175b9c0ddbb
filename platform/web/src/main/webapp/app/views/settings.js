// "/c/{slug}/settings": an admin's settings form and the members' roles.
// settingsForm() is shared with "/new".
import { h, newId } from '../dom.js';
import { api, enc, ApiError } from '../api.js';
import {
  app, t, h1, backLink, field, formEnd, onSubmit, check, Invalid, announce, refusal, roleName, busy, showError,
  confirmAction, errorText,
} from '../ui.js';
import { formSlot } from '../forum.js';
import { forgetPlugins, inLang } from './plugin.js';
import { federationSettings } from './federation.js';

const LANGS = [['nb', 'Norsk bokmål'], ['nn', 'Norsk nynorsk'], ['se', 'Davvisámegiella'], ['en', 'English'],
  ['sv', 'Svenska'], ['da', 'Dansk'], ['fi', 'Suomi']];
const POLICIES = ['OPEN', 'APPROVAL', 'INVITATION'];
const ROLES = ['MEMBER', 'MODERATOR', 'ADMIN', 'PROVIDER'];
const PHONE = /^[+0-9 ()-]{2,32}$/;
export const MAX_CRISIS = 10;

export default async function settings({ params: [slug] }) {
  const base = '/communities/' + enc(slug);
  const [c, me] = await Promise.all([api(base), app.getMe()]);
  if (!me.authenticated) throw new ApiError(401, 'not_authenticated', '');
  const m = c.membership;
  if (!m || m.status !== 'ACTIVE' || m.role !== 'ADMIN') throw refusal('forbidden', t('set.onlyAdmins', { name: c.name }));
  const [members, cats, plugins, federation] = await Promise.all([api(base + '/members'), api(base + '/forum/categories'),
    // The rest of the settings stay usable when the plugin list or the federation settings cannot be had;
    // their sections say so.
    api(base + '/plugins').catch((err) => ({ failed: err })),
    api(base + '/federation').catch((err) => ({ failed: err }))]);
  const title = t('set.title', { name: c.name });

  const s = settingsForm(c);
  const form = h('form', { class: 'stack', 'aria-labelledby': 'set-form-title' },
    h('h2', { id: 'set-form-title' }, t('set.formTitle')), s.fields,
    formEnd(h('button', { type: 'submit', class: 'button' }, t('set.save'))));
  onSubmit(form, async () => {
    if (!check(s.validate)) return;
    const saved = await api(base + '/settings', 'PUT', s.read());
    const status = form.querySelector('.form-status');
    status.replaceChildren(h('p', { class: 'flash', role: 'status' }, t('set.saved')));
    document.title = t('set.title', { name: saved.name }) + ' · Kinship';
  }, s.fieldFor);
  form.addEventListener('input', () => {
    const ok = form.querySelector('.form-status .flash');
    if (ok) ok.remove();
  });

  return {
    title,
    nodes: [backLink('/c/' + enc(c.slug), c.name), h1(title), form,
      h('p', { class: 'hint' }, t('set.crisisWords'), ' ',
        h('a', { href: '/c/' + enc(c.slug) + '/safety', 'data-test': 'safety-link' }, t('set.crisisWordsLink'))),
      categories(c, cats), pluginSettings(c, plugins), federationSettings(c, federation), roles(c, m, members)],
  };
}

/** The fields a community is configured with. values: current details, or defaults for a new one. */
export function settingsForm(values, withSlug = false) {
  const v = values || {};
  const slug = withSlug && h('input', { name: 'slug', type: 'text', required: true, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', maxlength: '40' });
  const name = h('input', { name: 'name', type: 'text', required: true, maxlength: '80', value: v.name || '' });
  const description = h('textarea', { name: 'description', rows: '5', maxlength: '2000', value: v.description || '' });
  const langs = LANGS.some(([code]) => code === v.language) || !v.language ? LANGS : LANGS.concat([[v.language, v.language]]);
  const language = h('select', { name: 'language' },
    langs.map(([code, label]) => h('option', { value: code, lang: code, selected: code === (v.language || app.lang) }, label)));
  const zoneList = newId('zones');
  const timeZone = h('input', { name: 'timeZone', type: 'text', required: true, list: zoneList, value: v.timeZone || 'Europe/Oslo', autocomplete: 'off', spellcheck: 'false' });
  const zones = h('datalist', { id: zoneList });
  timeZone.addEventListener('focus', () => {
    if (zones.firstChild || !Intl.supportedValuesOf) return;
    zones.append(...Intl.supportedValuesOf('timeZone').map((z) => h('option', { value: z })));
  }, { once: true });

  const policyName = newId('policy');
  const policy = h('fieldset', { class: 'choices' }, h('legend', {}, t('set.policy')),
    POLICIES.map((p) => {
      const id = newId('p');
      return h('div', { class: 'choice' },
        h('input', { type: 'radio', name: policyName, id, value: p, checked: p === (v.registrationPolicy || 'APPROVAL'), 'aria-describedby': id + '-hint' }),
        h('label', { for: id }, t('policy.' + p)),
        h('p', { class: 'hint', id: id + '-hint' }, t('set.policyHint.' + p)));
    }));

  const rows = h('div', { class: 'crisis-rows' });
  const add = h('button', { type: 'button', class: 'button secondary' }, t('set.crisisAdd'));
  const renumber = () => {
    [...rows.children].forEach((r, i) => {
      r.querySelector('legend').textContent = t('set.crisisN', { n: i + 1 });
      r.querySelector('.remove .sr').textContent = ' ' + t('set.crisisN', { n: i + 1 });
    });
    add.hidden = rows.children.length >= MAX_CRISIS;
  };
  const addRow = (r = {}) => {
    const label = h('input', { type: 'text', name: 'crisisLabel', maxlength: '80', value: r.label || '' });
    const phone = h('input', { type: 'tel', name: 'crisisPhone', maxlength: '32', value: r.phone || '' });
    const desc = h('input', { type: 'text', name: 'crisisDescription', maxlength: '300', value: r.description || '' });
    const remove = h('button', { type: 'button', class: 'link-button remove' }, t('set.crisisRemove'), h('span', { class: 'sr' }));
    const row = h('fieldset', { class: 'crisis-row' }, h('legend', {}),
      field(t('set.crisisLabel'), label, t('set.crisisLabelHint')),
      field(t('set.crisisPhone'), phone),
      field(t('set.crisisDesc'), desc, t('set.crisisDescHint')),
      remove);
    row.inputs = { label, phone, desc };
    remove.addEventListener('click', () => {
      const prev = row.previousElementSibling;
      row.remove();
      renumber();
      announce(t('set.crisisRemoved'));
      (prev ? prev.querySelector('.remove') : add).focus();
    });
    rows.append(row);
    renumber();
    return row;
  };
  (v.crisisResources || []).forEach((r) => addRow(r));
  if (!rows.children.length) addRow();
  add.addEventListener('click', () => addRow().inputs.label.focus());
  const crisis = h('fieldset', { class: 'crisis-set' }, h('legend', {}, t('set.crisis')),
    h('p', { class: 'hint' }, t('set.crisisHint')), rows, add);

  const filled = (row) => Object.values(row.inputs).some((i) => i.value.trim());
  const resources = () => [...rows.children].filter(filled).map((row) => ({
    label: row.inputs.label.value.trim(), phone: row.inputs.phone.value.trim(),
    description: row.inputs.desc.value.trim() || null,
  }));

  const validate = () => {
    if (slug && !/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(slug.value.trim())) throw new Invalid(slug, 'slug_invalid', t('err.slug_format'));
    if (!name.value.trim()) throw new Invalid(name, 'validation_failed', t('set.nameRequired'));
    try { new Intl.DateTimeFormat('en', { timeZone: timeZone.value.trim() }); } catch (e) {
      if (e instanceof RangeError) throw new Invalid(timeZone, 'validation_failed', t('set.zoneBad'));
    }
    for (const row of rows.children) {
      if (!filled(row)) continue;
      if (!row.inputs.label.value.trim()) throw new Invalid(row.inputs.label, 'validation_failed', t('set.crisisLabelRequired'));
      if (!PHONE.test(row.inputs.phone.value.trim())) throw new Invalid(row.inputs.phone, 'validation_failed', t('set.crisisPhoneBad'));
    }
  };

  const read = () => {
    const checked = policy.querySelector('input:checked');
    const body = {
      name: name.value.trim(), description: description.value.trim() || null, language: language.value,
      timeZone: timeZone.value.trim(), registrationPolicy: checked ? checked.value : 'APPROVAL', crisisResources: resources(),
    };
    if (slug) body.slug = slug.value.trim();
    return body;
  };

  const fieldFor = (code) => (code === 'slug_invalid' || code === 'slug_taken' ? slug : null);

  return {
    fields: [
      slug && field(t('new.slug'), slug, t('new.slugHint')),
      field(t('set.name'), name),
      field(t('set.description'), description, t('set.descriptionHint')),
      field(t('set.language'), language),
      field(t('set.timeZone'), timeZone, t('set.timeZoneHint')), zones,
      policy, crisis,
    ],
    validate, read, fieldFor,
  };
}

// ---- forum categories: add, rename, describe, reorder, say who may start threads, delete ----

const STARTERS = ['MEMBERS', 'MODERATORS'];

function categories(c, list) {
  const base = '/communities/' + enc(c.slug) + '/forum/categories';
  const items = list.slice().sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  const heading = h('h2', { id: 'cats-title', tabindex: '-1' }, t('cat.title'));
  const ol = h('ol', { class: 'cat-list' });
  const box = h('section', { 'aria-labelledby': 'cats-title', 'data-test': 'categories' });
  const emptyNote = h('p', {}, t('cat.none'));

  /** The fields of a category, for adding or editing. */
  const fields = (x = {}) => {
    const name = h('input', { name: 'name', type: 'text', required: true, maxlength: '80', value: x.name || '' });
    const description = h('textarea', { name: 'description', rows: '2', maxlength: '500', value: x.description || '' });
    const who = h('select', { name: 'whoMayStart' }, STARTERS.map((w) => h('option', { value: w, selected: w === (x.whoMayStart || 'MEMBERS') }, t('cat.who.' + w))));
    return {
      name, description, who,
      rows: [field(t('cat.name'), name), field(t('cat.description'), description, t('cat.descriptionHint')), field(t('cat.whoMayStart'), who)],
      read: (sortOrder) => ({ name: name.value.trim(), description: description.value.trim() || null, sortOrder, whoMayStart: who.value }),
      check: () => check(() => { if (!name.value.trim()) throw new Invalid(name, 'validation_failed', t('cat.nameRequired')); }),
      fieldFor: (code) => (code === 'category_name_taken' || code === 'validation_failed' ? name : null),
    };
  };

  /** Gives every category its place in the list as its order, saving only the ones that moved. */
  const renumber = async () => {
    for (const [i, x] of items.entries()) {
      if (x.sortOrder === i) continue;
      Object.assign(x, await api(base + '/' + enc(x.id), 'PUT',
        { name: x.name, description: x.description, sortOrder: i, whoMayStart: x.whoMayStart }));
    }
  };

  const paint = () => {
    ol.replaceChildren(...items.map((x, i) => row(x, i)));
    ol.hidden = !items.length;
    emptyNote.hidden = items.length > 0;
  };

  const row = (x, i) => {
    const slot = formSlot();
    const name = h('h3', { tabindex: '-1' }, x.name);
    const sr = (text) => h('span', { class: 'sr' }, ' ' + text);
    const up = i > 0 && h('button', { type: 'button', class: 'button secondary small', 'data-move': 'up' }, t('cat.up'), sr(x.name));
    const down = i < items.length - 1 && h('button', { type: 'button', class: 'button secondary small', 'data-move': 'down' }, t('cat.down'), sr(x.name));
    const edit = h('button', { type: 'button', class: 'button secondary small' }, t('cat.edit'), sr(x.name));
    const del = h('button', { type: 'button', class: 'button secondary small' }, t('cat.delete'), sr(x.name));
    const card = h('div', { class: 'card cat' }, name,
      x.description && h('p', { class: 'desc-full', lang: c.language }, x.description),
      h('p', { class: 'hint' }, t('cat.who.' + x.whoMayStart)),
      h('div', { class: 'form-status' }),
      h('div', { class: 'actions' }, up, down, edit, del), slot);
    const li = h('li', { 'data-id': x.id }, card);
    const move = async (d, button) => {
      if (ol.dataset.busy) return;
      ol.dataset.busy = '1';
      (d < 0 ? up : down).textContent = t('working');
      items.splice(i, 1);
      items.splice(i + d, 0, x);
      let failed = null;
      try {
        await renumber();
      } catch (err) {
        // Part of the new order may be saved: show what the server has now.
        failed = err;
        const now = await api(base).catch(() => null);
        if (now) items.splice(0, items.length, ...now.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name)));
      }
      paint();
      delete ol.dataset.busy;
      const moved = ol.querySelector('[data-id="' + x.id + '"]') || ol.firstElementChild;
      if (!moved) return heading.focus();
      (moved.querySelector('[data-move="' + button + '"]') || moved.querySelector('h3')).focus();
      if (failed) showError(moved.querySelector('.card'), failed);
      else announce(t('cat.moved', { name: x.name, n: items.indexOf(x) + 1 }));
    };
    if (up) up.addEventListener('click', () => move(-1, 'up'));
    if (down) down.addEventListener('click', () => move(1, 'down'));
    edit.addEventListener('click', () => slot.open((close) => {
      const f = fields(x);
      const cancel = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
      cancel.addEventListener('click', close);
      const form = h('form', { class: 'stack inline-form', 'aria-label': t('cat.editing', { name: x.name }) }, f.rows,
        formEnd(h('button', { type: 'submit', class: 'button' }, t('cat.save')), cancel));
      onSubmit(form, async () => {
        if (!f.check()) return;
        Object.assign(x, await api(base + '/' + enc(x.id), 'PUT', f.read(x.sortOrder)));
        paint();
        ol.querySelector('[data-id="' + x.id + '"] h3').focus();
        announce(t('cat.saved', { name: x.name }));
      }, f.fieldFor);
      form.first = f.name;
      return form;
    }, edit));
    del.addEventListener('click', () => slot.open((close) => {
      const q = h('p', { class: 'confirm-q', tabindex: '-1' }, t('cat.deleteQ', { name: x.name }));
      const yes = h('button', { type: 'button', class: 'button danger' }, t('cat.deleteYes'));
      const no = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
      const confirm = h('div', { class: 'confirm-box' }, q, formEnd(yes, no));
      no.addEventListener('click', close);
      yes.addEventListener('click', () => busy(confirm, async () => {
        await api(base + '/' + enc(x.id), 'DELETE');
        items.splice(items.indexOf(x), 1);
        paint();
        heading.focus();
        announce(t('cat.deleted', { name: x.name }));
      }, yes));
      confirm.first = q;
      return confirm;
    }, del));
    return li;
  };

  const f = fields();
  const add = h('form', { class: 'stack panel', 'aria-labelledby': 'cat-new-title', 'data-test': 'category-form' },
    h('h3', { id: 'cat-new-title' }, t('cat.new')), f.rows,
    formEnd(h('button', { type: 'submit', class: 'button' }, t('cat.add'))));
  onSubmit(add, async () => {
    if (!f.check()) return;
    const order = items.reduce((n, x) => Math.max(n, x.sortOrder + 1), 0);
    const made = await api(base, 'POST', f.read(order));
    items.push(made);
    paint();
    f.name.value = '';
    f.description.value = '';
    add.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, t('cat.added', { name: made.name })));
    f.name.focus();
  }, f.fieldFor);

  paint();
  box.append(heading, h('p', { class: 'hint' }, t('cat.hint')), emptyNote, ol, add);
  return box;
}

/**
 * The plugins the server has, each switched on or off for this community. Off hides its pages and
 * answers its endpoints "not enabled" but keeps its data, which only then may be deleted.
 */
function pluginSettings(c, list) {
  const base = '/communities/' + enc(c.slug) + '/plugin-settings/';
  const heading = h('h2', { id: 'plugins-title', tabindex: '-1' }, t('set.plugins'));
  const box = h('section', { 'aria-labelledby': 'plugins-title', 'data-test': 'plugin-settings' }, heading,
    h('p', { class: 'hint' }, t('set.pluginsHint')));
  if (!Array.isArray(list)) {
    box.append(h('p', { role: 'alert' }, errorTextOf(list.failed)));
    return box;
  }
  if (!list.length) {
    box.append(h('p', {}, t('set.pluginsNone')));
    return box;
  }
  const sorted = list.slice().sort((a, b) => inLang(a.names).localeCompare(inLang(b.names)));
  box.append(h('ul', { class: 'cards plugin-list' }, sorted.map((p) => pluginRow(c, base, p))));
  return box;
}

function pluginRow(c, base, p) {
  const li = h('li', { 'data-test': 'plugin-row', 'data-plugin': p.id });
  const name = () => inLang(p.names);
  const paint = (message) => {
    const id = newId('plugin');
    const toggle = h('input', { type: 'checkbox', role: 'switch', id, checked: !!p.enabled, 'data-test': 'plugin-switch',
      'aria-describedby': id + '-state' });
    const status = h('div', { class: 'form-status' },
      message && h('p', { class: 'flash small', role: 'status', 'data-test': 'plugin-saved' }, message));
    const card = h('div', { class: 'card' },
      h('h3', {}, name()),
      inLang(p.descriptions) && h('p', { class: 'desc-full' }, inLang(p.descriptions)),
      h('p', { class: 'hint' }, t('set.pluginVersion', { v: p.version })),
      h('div', { class: 'choice' }, toggle, h('label', { for: id }, t('set.pluginOn', { name: name() }))),
      h('p', { class: 'hint', id: id + '-state', 'data-test': 'plugin-state' }, t(p.enabled ? 'set.pluginIsOn' : 'set.pluginIsOff')),
      status,
      // Only while off: the host refuses to delete the data of a plugin in use (plugin_enabled).
      !p.enabled && confirmAction({
        label: t('set.pluginDelete'),
        question: t('set.pluginDeleteQ', { name: name(), community: c.name }),
        yes: t('set.pluginDeleteYes'),
        run: async () => {
          await api(base + enc(p.id) + '/data', 'DELETE');
          const done = t('set.pluginDeleted', { name: name() });
          paint(done);
          li.querySelector('h3').focus();
          announce(done);
        },
      }));
    toggle.addEventListener('change', () => busy(card, async () => {
      const want = toggle.checked;
      let saved;
      try {
        saved = await api(base + enc(p.id), 'PUT', { enabled: want });
      } catch (err) {
        toggle.checked = !want;
        throw err;
      }
      Object.assign(p, saved);
      forgetPlugins(c.slug);
      const done = t(p.enabled ? 'set.pluginSwitchedOn' : 'set.pluginSwitchedOff', { name: name() });
      paint(done);
      li.querySelector('[data-test="plugin-switch"]').focus();
      announce(done);
    }));
    li.replaceChildren(card);
    li.querySelector('h3').setAttribute('tabindex', '-1');
  };
  paint();
  return li;
}

const errorTextOf = (err) => (err && err.code ? errorText(err) : t('err.unexpected'));

function roles(c, me, members) {
  const base = '/communities/' + enc(c.slug) + '/members/';
  const rank = (r) => ROLES.indexOf(r) === 0 ? 9 : ROLES.indexOf(r);
  members.sort((a, b) => rank(a.role) - rank(b.role) || a.pseudonym.localeCompare(b.pseudonym));
  const list = h('ul', { class: 'role-list' }, members.map((x) => {
    const select = h('select', { name: 'role' }, ROLES.map((r) => h('option', { value: r, selected: r === x.role }, roleName(r))));
    select.id = newId('role');
    const save = h('button', { type: 'submit', class: 'button secondary small' }, t('set.roleSave'),
      h('span', { class: 'sr' }, ' ' + t('set.roleFor', { p: x.pseudonym })));
    const form = h('form', { class: 'role-row' },
      h('label', { for: select.id }, x.pseudonym, x.memberId === me.memberId && h('span', { class: 'you' }, ' ' + t('home.you'))),
      h('div', { class: 'role-controls' }, select, save),
      h('div', { class: 'form-status' }));
    onSubmit(form, async () => {
      const updated = await api(base + enc(x.memberId) + '/role', 'PUT', { role: select.value }).catch((err) => {
        select.value = x.role;
        throw err;
      });
      x.role = updated.role;
      const msg = t('set.roleChanged', { p: x.pseudonym, role: roleName(updated.role) });
      form.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, msg));
      if (x.memberId === me.memberId && updated.role !== 'ADMIN') {
        await app.getMe(true).catch(() => {});
        app.flash = msg;
        app.navigate('/c/' + enc(c.slug));
      }
    }, () => select);
    const li = h('li', {}, form);
    li.dataset.name = x.pseudonym.toLocaleLowerCase();
    return li;
  }));

  const filter = h('input', { type: 'search', name: 'filter', autocomplete: 'off' });
  let timer;
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const li of list.children) {
      li.hidden = !!q && !li.dataset.name.includes(q);
      if (!li.hidden) shown++;
    }
    clearTimeout(timer);
    timer = setTimeout(() => announce(t('set.shown', { n: shown })), 500);
  });

  return h('section', { 'aria-labelledby': 'roles-title' },
    h('h2', { id: 'roles-title' }, t('set.roles')),
    h('ul', { class: 'hint role-help' }, ROLES.map((r) => h('li', {}, h('strong', {}, roleName(r)), ': ', t('set.roleHelp.' + r)))),
    members.length > 8 && field(t('set.filter'), filter),
    list);
}
