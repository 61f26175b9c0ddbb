// "/c/{slug}/join": choose a pseudonym and join (or apply), with an invitation if there is one.
import { h } from '../dom.js';
import { api, enc } from '../api.js';
import {
  app, t, h1, field, formEnd, onSubmit, check, Invalid, signInLink, emergencyNotice, backLink,
} from '../ui.js';

export default async function joinPage({ params: [slug], query }) {
  const [c, me] = await Promise.all([api('/communities/' + enc(slug)), app.getMe()]);
  if (c.membership) return { redirect: '/c/' + enc(c.slug) };
  const token = query.get('invitation') || '';
  const title = t('join.title', { name: c.name });
  return {
    title,
    nodes: [
      backLink('/c/' + enc(c.slug), c.name),
      h1(title),
      h('p', { class: 'lead' }, t(token ? 'join.howInvited' : 'join.how.' + c.registrationPolicy)),
      emergencyNotice(c),
      me.authenticated ? joinForm(c, token) : signInBlock(c),
    ],
  };
}

/** For someone not signed in yet: the one step before joining. */
export function signInBlock(c, next) {
  return h('div', { class: 'panel' },
    h('p', {}, t('join.signInFirst')),
    h('p', { class: 'hint' }, t('join.anonymous')),
    h('p', {}, signInLink(next)));
}

/** Reads a token from what was typed: the token itself, or a whole invitation link. */
function tokenFrom(text) {
  const v = text.trim();
  if (!v.includes('invitation=')) return v;
  try {
    return new URL(v, location.origin).searchParams.get('invitation') || v;
  } catch (e) {
    return v;
  }
}

export function joinForm(c, token = '') {
  const policy = c.registrationPolicy;
  const pseudonym = h('input', {
    name: 'pseudonym', type: 'text', required: true, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
  });
  const invitation = h('input', {
    name: 'invitation', type: 'text', value: token, autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
    required: policy === 'INVITATION',
  });
  const note = h('textarea', { name: 'note', rows: '4', maxlength: '500' });

  const invRow = field(t('join.invitation'), invitation, t('join.invitationHint'));
  const noteRow = field(t('join.note'), note, t('join.noteHint'));
  let invWrap = invRow;
  if (token || policy === 'OPEN') invRow.hidden = true;
  else if (policy === 'APPROVAL') invWrap = h('details', { class: 'more' }, h('summary', {}, t('join.haveInvitation')), invRow);
  if (policy !== 'APPROVAL' || token) noteRow.hidden = true;

  const applying = policy === 'APPROVAL' && !token;
  const submit = h('button', { type: 'submit', class: 'button' }, t(applying ? 'join.apply' : 'join.submit'));
  const form = h('form', { class: 'stack', 'data-test': 'join-form', 'aria-labelledby': 'join-form-title' },
    h('h2', { id: 'join-form-title' }, t('join.formTitle')),
    token && h('p', { class: 'note-ok' }, t('join.withInvitation')),
    field(t('join.pseudonym'), pseudonym, t('join.pseudonymHint')),
    invWrap,
    noteRow,
    formEnd(submit));

  /** Shows the invitation field (it may have been hidden) and returns it for an error. */
  const revealInvitation = () => {
    invRow.hidden = false;
    if (invWrap.tagName === 'DETAILS') invWrap.open = true;
    if (policy === 'APPROVAL') noteRow.hidden = false;
    return invitation;
  };

  onSubmit(form, async () => {
    const name = pseudonym.value.trim().replace(/\s+/g, ' ');
    const tok = tokenFrom(invitation.value);
    const ok = check(() => {
      const len = [...name].length;
      if (len < 2 || len > 32) throw new Invalid(pseudonym, 'pseudonym_invalid', t('err.pseudonym_length'));
      if (policy === 'INVITATION' && !tok) throw new Invalid(revealInvitation(), 'invitation_required', t('err.invitation_required'));
    });
    if (!ok) return;
    const body = { pseudonym: name };
    if (tok) body.invitation = tok;
    if (!noteRow.hidden && note.value.trim()) body.note = note.value.trim();
    const m = await api('/communities/' + enc(c.slug) + '/members', 'POST', body);
    await app.getMe(true).catch(() => {});
    app.flash = m.status === 'ACTIVE' ? t('join.welcome', { p: m.pseudonym }) : t('join.applied');
    app.navigate('/c/' + enc(c.slug));
  }, (code) => {
    if (code.startsWith('pseudonym_')) return pseudonym;
    if (code.startsWith('invitation_')) return revealInvitation();
    return null;
  }, (code) => (code === 'already_member' || code === 'application_pending'
    ? h('a', { href: '/c/' + enc(c.slug) }, t('join.goToCommunity', { name: c.name })) : null));
  return form;
}
