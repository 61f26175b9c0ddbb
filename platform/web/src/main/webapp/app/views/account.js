// "/account": the signed-in person's own account: their communities with the pseudonym in each (only
// they ever see these side by side), and deleting the account, which takes what they kept in plugins
// (toolbox, crisis plan) with it. Deleting asks first, then signs out.
import { h } from '../dom.js';
import { api } from '../api.js';
import { app, t, h1, signInLink, roleName, confirmAction } from '../ui.js';

export default async function account() {
  const me = await app.getMe();
  const title = t('account.title');
  if (!me.authenticated) {
    return { title, nodes: [h1(title), h('p', {}, t('account.signedOut')), signInLink('/account')] };
  }
  const mine = me.communities || [];
  const list = mine.length
    ? h('ul', { 'data-test': 'account-communities' }, mine.map((c) => h('li', {},
      h('a', { href: '/c/' + encodeURIComponent(c.slug) }, c.name), ' — ',
      t('account.as', { pseudonym: c.pseudonym, role: roleName(c.role) }))))
    : h('p', {}, t('account.none'));

  // The sign-out form in the header ends the Keycloak session too: after deleting, that is where we go.
  const signOut = () => {
    const form = document.querySelector('form.sign-out');
    if (form) form.submit();
    else location.assign('/');
  };
  const remove = confirmAction({
    label: t('account.delete'),
    question: t('account.deleteQ'),
    yes: t('account.deleteYes'),
    run: async () => {
      await api('/me', 'DELETE');
      signOut();
    },
  });

  return {
    title,
    nodes: [
      h1(title),
      h('section', { 'aria-labelledby': 'account-communities-title' },
        h('h2', { id: 'account-communities-title' }, t('account.communities')),
        h('p', { class: 'hint' }, t('account.onlyYou')),
        list),
      h('section', { class: 'panel', 'aria-labelledby': 'account-delete-title', 'data-test': 'account-delete' },
        h('h2', { id: 'account-delete-title' }, t('account.deleteTitle')),
        h('ul', {}, ['plugins', 'memberships', 'posts', 'login'].map((k) => h('li', {}, t('account.deleteWhat.' + k)))),
        remove),
    ],
  };
}
