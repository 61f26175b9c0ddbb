// "/c/{slug}/digest": the member's own e-mail digest in this community: off (the default), daily
// or weekly, and the one address it goes to. Turning it off makes the server forget the address.
import { h, newId } from '../dom.js';
import { t, h1, backLink, field, formEnd, onSubmit, check, Invalid, announce } from '../ui.js';
import { fapi, memberOf } from '../forum.js';

const FREQUENCIES = ['OFF', 'DAILY', 'WEEKLY'];

export default async function digest({ params: [slug] }) {
  const ctx = await memberOf(slug);
  const now = await fapi(ctx.api + '/digest');
  const title = t('digest.title');

  const name = newId('freq');
  const radios = FREQUENCIES.map((f) => {
    const id = newId('freq');
    return h('input', { type: 'radio', name, id, value: f, checked: f === now.frequency, 'aria-describedby': id + '-hint',
      'data-test': 'digest-' + f.toLowerCase() });
  });
  const frequency = h('fieldset', { class: 'choices' }, h('legend', {}, t('digest.frequency')),
    radios.map((r) => h('div', { class: 'choice' }, r,
      h('label', { for: r.id }, t('digest.f.' + r.value)),
      h('p', { class: 'hint', id: r.id + '-hint' }, t('digest.fHint.' + r.value)))));
  const email = h('input', {
    type: 'email', name: 'email', value: now.email || '', maxlength: '254', autocomplete: 'email',
    autocapitalize: 'off', spellcheck: 'false', inputmode: 'email',
  });
  const chosen = () => (radios.find((r) => r.checked) || radios[0]).value;

  const state = h('p', { class: 'digest-state', 'data-test': 'digest-state' });
  const showState = (s) => {
    state.textContent = s.frequency === 'OFF' ? t('digest.isOff') : t('digest.isOn.' + s.frequency, { email: s.email });
  };
  showState(now);

  const form = h('form', { class: 'stack', 'aria-labelledby': 'digest-form-title', 'data-test': 'digest-form' },
    h('h2', { id: 'digest-form-title' }, t('digest.formTitle')),
    frequency,
    field(t('digest.email'), email, t('digest.emailHint')),
    formEnd(h('button', { type: 'submit', class: 'button' }, t('digest.save'))));
  onSubmit(form, async () => {
    const f = chosen();
    if (!check(() => {
      if (f !== 'OFF' && !email.value.trim()) throw new Invalid(email, 'email_invalid', t('digest.emailNeeded'));
    })) return;
    const saved = await fapi(ctx.api + '/digest', 'PUT', { frequency: f, email: f === 'OFF' ? null : email.value.trim() });
    // What the server kept, not what was typed: OFF forgets the address.
    email.value = saved.email || '';
    radios.forEach((r) => { r.checked = r.value === saved.frequency; });
    showState(saved);
    const msg = saved.frequency === 'OFF' ? t('digest.savedOff') : t('digest.savedOn.' + saved.frequency, { email: saved.email });
    form.querySelector('.form-status').replaceChildren(h('p', { class: 'flash', role: 'status', 'data-test': 'digest-saved' }, msg));
    announce(msg);
  }, (code) => (code === 'email_invalid' ? email : code === 'validation_failed' ? radios[0] : null));
  form.addEventListener('input', () => {
    const ok = form.querySelector('.form-status .flash');
    if (ok) ok.remove();
  });

  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [
      backLink(ctx.href, ctx.c.name),
      h1(title),
      h('p', { class: 'lead' }, t('digest.lead', { name: ctx.c.name })),
      state,
      form,
      h('section', { class: 'panel digest-privacy', 'aria-labelledby': 'digest-privacy-title' },
        h('h2', { id: 'digest-privacy-title' }, t('digest.privacyTitle')),
        h('ul', {}, ['what', 'circles', 'address', 'leave'].map((k) => h('li', {}, t('digest.privacy.' + k))))),
    ],
  };
}
