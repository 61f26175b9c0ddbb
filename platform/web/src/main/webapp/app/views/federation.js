// The "Federation" section of a community's settings (admins only): whether and with whom the community
// federates, the allow- and block-lists, the communities elsewhere it follows and who follows it.
// Every change answers with the whole settings view, so each one repaints from what the server now holds.
import { h, newId } from '../dom.js';
import { api, enc } from '../api.js';
import { t, date, field, formEnd, onSubmit, check, Invalid, announce, busy, errorText, confirmAction } from '../ui.js';
import { remoteLink } from '../forum.js';

const MODES = ['off', 'allow_list', 'open'];

/** Words the server gives for a target the admin typed belong beside the box they typed it in. */
const TARGET_ERRORS = ['federation_target_invalid', 'remote_lookup_failed', 'remote_not_allowed', 'federation_entry_not_found',
  'validation_failed'];

/**
 * The section. view: GET /communities/{slug}/federation, or {failed: err} when it could not be had (the
 * rest of the settings stay usable).
 */
export function federationSettings(c, view) {
  const base = '/communities/' + enc(c.slug) + '/federation';
  const heading = h('h2', { id: 'fed-title', tabindex: '-1' }, t('fed.title'));
  const box = h('section', { 'aria-labelledby': 'fed-title', 'data-test': 'federation', class: 'federation' }, heading,
    h('p', { class: 'hint' }, t('fed.what')));
  if (!view || view.failed) {
    box.append(h('p', { role: 'alert' }, view && view.failed && view.failed.code ? errorText(view.failed) : t('err.unexpected')));
    return box;
  }
  let v = view;

  // ---- the mode: a radio group saved with its own button, so moving through it with arrow keys sends nothing ----
  const modeName = newId('fedmode');
  const state = h('p', { class: 'fed-state', 'data-test': 'fed-state' });
  const modeForm = h('form', { class: 'stack panel', 'data-test': 'fed-mode-form', 'aria-labelledby': 'fed-mode-title' },
    h('h3', { id: 'fed-mode-title' }, t('fed.mode')),
    state,
    h('fieldset', { class: 'choices' }, h('legend', {}, t('fed.modeLegend')),
      MODES.map((m) => {
        const id = newId('fm');
        return h('div', { class: 'choice' },
          h('input', { type: 'radio', name: modeName, id, value: m, checked: m === v.mode, 'aria-describedby': id + '-hint',
            'data-test': 'fed-mode-' + m }),
          h('label', { for: id }, t('fed.mode.' + m)),
          h('p', { class: 'hint', id: id + '-hint' }, t('fed.modeHint.' + m)));
      })),
    formEnd(h('button', { type: 'submit', class: 'button', 'data-test': 'fed-mode-save' }, t('fed.modeSave'))));
  onSubmit(modeForm, async () => {
    const checked = modeForm.querySelector('input:checked');
    if (!checked || checked.value === v.mode) {
      modeForm.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status' }, t('fed.modeSame')));
      return;
    }
    let next;
    try {
      next = await api(base + '/mode', 'PUT', { mode: checked.value });
    } catch (err) {
      checkMode();
      throw err;
    }
    repaint(next);
    const said = t('fed.modeSaved.' + v.mode);
    modeForm.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status', 'data-test': 'fed-mode-saved' }, said));
  });
  modeForm.addEventListener('change', () => {
    const ok = modeForm.querySelector('.form-status .flash');
    if (ok) ok.remove();
  });

  /** The radio of the mode the server has: after a refused change, the choice shown is the one in force. */
  const checkMode = () => modeForm.querySelectorAll('input[type="radio"]').forEach((r) => { r.checked = r.value === v.mode; });

  // repaint is hoisted: each part calls it with the view its change was answered with.
  const allowed = ruleList('allowed', base, () => v.allowed, repaint);
  const blocked = ruleList('blocked', base, () => v.blocked, repaint);
  const following = followingPart(base, () => v, repaint);
  const followers = followersPart(base, () => v, repaint);

  /** Takes the server's view and repaints every part from it; focus stays where the caller puts it. */
  function repaint(next) {
    v = next;
    state.replaceChildren(h('strong', {}, t('fed.now')), ' ', t('fed.mode.' + v.mode), '. ', t('fed.modeHint.' + v.mode));
    allowed.paint(v.mode === 'allow_list');
    blocked.paint(v.mode === 'open');
    following.paint();
    followers.paint();
  }
  repaint(v);

  box.append(modeForm, allowed.node, blocked.node, following.node, followers.node);
  return box;
}

/** The allow- or block-list: entries with Remove, and a box to add one. which: 'allowed' | 'blocked'. */
function ruleList(which, base, entries, repaint) {
  const titleId = 'fed-' + which + '-title';
  const heading = h('h3', { id: titleId, tabindex: '-1' }, t('fed.' + which));
  const use = h('p', { class: 'hint', 'data-test': 'fed-' + which + '-use' });
  const ul = h('ul', { class: 'fed-list', 'data-test': 'fed-' + which });
  const empty = h('p', { class: 'empty' }, t('fed.' + which + 'None'));
  const status = h('div', { class: 'form-status' });
  const input = h('input', { type: 'text', name: 'target', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
    maxlength: '2048', inputmode: 'url', 'data-test': 'fed-' + which + '-input' });
  const add = h('form', { class: 'stack', 'data-test': 'fed-' + which + '-form' },
    field(t('fed.' + which + 'Add'), input, t('fed.targetHint')),
    formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('fed.add'))));
  const part = {
    node: h('section', { class: 'panel fed-part', 'aria-labelledby': titleId }, heading, use, status, ul, empty, add),
  };
  const url = base + '/' + which;

  part.paint = (inUse) => {
    use.textContent = t('fed.' + which + (inUse ? 'InUse' : 'Idle'));
    const list = entries();
    ul.replaceChildren(...list.map((e) => {
      const remove = h('button', { type: 'button', class: 'button secondary small', 'data-test': 'fed-remove' }, t('fed.remove'),
        h('span', { class: 'sr' }, ' ' + e.target));
      const li = h('li', { 'data-test': 'fed-entry', 'data-target': e.target },
        h('span', { class: 'fed-name' }, e.target),
        h('span', { class: 'hint fed-when' }, t('fed.added', { date: date(e.addedAt) })),
        remove);
      remove.addEventListener('click', () => busy(part.node, async () => {
        const next = li.nextElementSibling || li.previousElementSibling;
        const nextTarget = next && next.dataset.target;
        repaint(await api(url + '?target=' + enc(e.target), 'DELETE'));
        const again = nextTarget && [...ul.children].find((x) => x.dataset.target === nextTarget);
        (again ? again.querySelector('button') : heading).focus();
        announce(t('fed.removed', { target: e.target }));
      }, remove));
      return li;
    }));
    ul.hidden = !list.length;
    empty.hidden = list.length > 0;
  };

  onSubmit(add, async () => {
    const typed = input.value.trim();
    if (!check(() => { if (!typed) throw new Invalid(input, 'federation_target_invalid', t('fed.targetEmpty')); })) return;
    const before = new Set(entries().map((e) => e.target));
    repaint(await api(url, 'POST', { target: typed }));
    // The server stores its own form of what was typed (a host in lower case, a handle as its address).
    const added = entries().find((e) => !before.has(e.target));
    input.value = '';
    add.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status', 'data-test': 'fed-added' },
      added ? t('fed.addedNow', { target: added.target }) : t('fed.already')));
    input.focus();
  }, (code) => (TARGET_ERRORS.includes(code) ? input : null));
  return part;
}

/** The communities elsewhere this one follows: follow one by its handle, see whether it accepted, unfollow. */
function followingPart(base, view, repaint) {
  const heading = h('h3', { id: 'fed-following-title', tabindex: '-1' }, t('fed.following'));
  const ul = h('ul', { class: 'fed-list', 'data-test': 'fed-following' });
  const empty = h('p', { class: 'empty' }, t('fed.followingNone'));
  const off = h('p', { class: 'hint', 'data-test': 'fed-follow-off' }, t('fed.followOff'));
  const input = h('input', { type: 'text', name: 'target', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
    maxlength: '2048', inputmode: 'email', 'data-test': 'fed-follow-input' });
  const form = h('form', { class: 'stack', 'data-test': 'fed-follow-form' },
    field(t('fed.followLabel'), input, t('fed.followHint')),
    formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('fed.follow'))));
  const part = {
    node: h('section', { class: 'panel fed-part', 'aria-labelledby': 'fed-following-title' }, heading,
      h('p', { class: 'hint' }, t('fed.followingWhat')), h('div', { class: 'form-status' }), ul, empty, off, form),
  };
  part.paint = () => {
    const list = view().following;
    ul.replaceChildren(...list.map((f) => followRow(base, f, heading, repaint, {
      state: t('fed.state.' + f.state),
      label: t('fed.unfollow'),
      question: t('fed.unfollowQ', { handle: f.handle }),
      yes: t('fed.unfollowYes'),
      done: t('fed.unfollowed', { handle: f.handle }),
    })));
    ul.hidden = !list.length;
    empty.hidden = list.length > 0;
    off.hidden = view().mode !== 'off';
  };
  onSubmit(form, async () => {
    const typed = input.value.trim();
    if (!check(() => { if (!typed) throw new Invalid(input, 'federation_target_invalid', t('fed.followEmpty')); })) return;
    repaint(await api(base + '/following', 'POST', { target: typed }));
    input.value = '';
    form.querySelector('.form-status').replaceChildren(h('p', { class: 'flash small', role: 'status', 'data-test': 'fed-followed' },
      t('fed.followSent', { handle: typed })));
    input.focus();
  }, (code) => (TARGET_ERRORS.includes(code) ? input : null));
  return part;
}

/** Who follows this community: each can be removed (they stop receiving its shared threads). */
function followersPart(base, view, repaint) {
  const heading = h('h3', { id: 'fed-followers-title', tabindex: '-1' }, t('fed.followers'));
  const ul = h('ul', { class: 'fed-list', 'data-test': 'fed-followers' });
  const empty = h('p', { class: 'empty' }, t('fed.followersNone'));
  const part = {
    node: h('section', { class: 'panel fed-part', 'aria-labelledby': 'fed-followers-title' }, heading,
      h('p', { class: 'hint' }, t('fed.followersWhat')), h('div', { class: 'form-status' }), ul, empty),
  };
  part.paint = () => {
    const list = view().followers;
    ul.replaceChildren(...list.map((f) => followRow(base, f, heading, repaint, {
      state: f.state === 'accepted' ? null : t('fed.followerState.' + f.state),
      label: t('fed.removeFollower'),
      question: t('fed.removeFollowerQ', { handle: f.handle }),
      yes: t('fed.removeFollowerYes'),
      done: t('fed.followerRemoved', { handle: f.handle }),
    })));
    ul.hidden = !list.length;
    empty.hidden = list.length > 0;
  };
  return part;
}

/** One follow, either way: who, since when, its state in words, and a button that asks before it ends it. */
function followRow(base, f, heading, repaint, words) {
  return h('li', { 'data-test': 'fed-follow', 'data-state': f.state, 'data-handle': f.handle },
    h('span', { class: 'fed-name' }, remoteLink(f.actor, f.handle)),
    words.state && h('span', { class: 'fed-follow-state', 'data-test': 'fed-follow-state' }, words.state),
    h('span', { class: 'hint fed-when' }, t('fed.since', { date: date(f.since) })),
    confirmAction({
      // Several rows have the same button: a screen reader hears whose it is.
      label: [words.label, h('span', { class: 'sr' }, ' ' + f.handle)],
      question: words.question,
      yes: words.yes,
      run: async () => {
        repaint(await api(base + '/follows/' + enc(f.id), 'DELETE'));
        heading.focus();
        announce(words.done);
      },
    }));
}
