// "/c/{slug}/meetups/{id}/{dateId}": one date of a meetup, for someone deciding whether to go: when
// and where, whether the place suits them, who else is going (as far as each allowed), answering,
// finding company for the way there, and the organiser's tools.
import { h, newId } from '../dom.js';
import { enc } from '../api.js';
import { app, t, tn, h1, backLink, busy, formEnd, onSubmit, field, check, Invalid, announce, confirmAction } from '../ui.js';
import { fapi, memberOf, threadHref } from '../forum.js';
import { whenText, mineText, places, cancelledMark, dateHref } from '../meetups.js';

const ANSWERS = ['GOING', 'MAYBE', 'NOT_GOING'];

export default async function meetup({ params: [slug, meetupId, dateId] }) {
  const ctx = await memberOf(slug);
  const path = ctx.api + '/meetups/' + enc(meetupId) + '/dates/' + enc(dateId);
  const page = await fapi(path);
  const m = page.meetup;
  const d = page.date;
  const cancelled = d.status === 'CANCELLED';
  const over = new Date(d.end) < new Date();
  const reload = () => app.navigate(location.pathname, { replace: true });

  // ---- facts ----
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, t('meetup.when')), h('dd', { 'data-test': 'when' }, whenText(d), ' ', h('span', { class: 'hint' }, '(' + d.timeZone + ')')),
    h('dt', {}, t('meetup.where')), h('dd', {}, m.address || t('meetup.online'),
      m.mapUrl && [' · ', h('a', { href: m.mapUrl, rel: 'noopener noreferrer' }, t('meetup.map'))],
      m.onlineUrl && [' · ', h('a', { href: m.onlineUrl, rel: 'noopener noreferrer' }, t('meetup.onlineLink'))]),
    m.accessibility && [h('dt', {}, t('meetup.accessibility')), h('dd', { lang: ctx.c.language }, m.accessibility)],
    h('dt', {}, t('meetup.organiser')), h('dd', {}, m.organiser || '—'),
    h('dt', {}, t('meetup.placesLabel')), h('dd', { 'data-test': 'going-count' }, places(d),
      page.waiting > 0 && [' · ', tn('meetup.waitingCount', page.waiting)]),
    m.recurrence && [h('dt', {}, t('meetup.repeats')), h('dd', {}, t('meetup.repeatsText'))]);

  // ---- my answer ----
  const name = newId('answer');
  const radios = ANSWERS.map((a) => h('input', { type: 'radio', name, id: newId('a'), value: a,
    checked: d.mine ? (d.mine.status === a || (a === 'GOING' && ['WAITING', 'REQUESTED'].includes(d.mine.status))) : false,
    'data-test': 'answer-' + a.toLowerCase() }));
  const show = h('input', { type: 'checkbox', id: newId('show'), checked: d.mine ? d.mine.showPseudonym : false, 'data-test': 'show-pseudonym' });
  const status = h('p', { class: 'my-status', role: 'status', 'data-test': 'my-status' }, mineText(d.mine) || t('meetup.mine.NONE'));
  const rsvpForm = h('form', { class: 'stack', 'data-test': 'rsvp-form', 'aria-labelledby': 'rsvp-title' },
    h('h2', { id: 'rsvp-title' }, t('meetup.answerTitle')),
    status,
    h('fieldset', { class: 'choices' }, h('legend', {}, t('meetup.answer')),
      radios.map((r) => h('div', { class: 'choice' }, r, h('label', { for: r.id }, t('meetup.a.' + r.value))))),
    h('div', { class: 'choice' }, show, h('label', { for: show.id }, t('meetup.showPseudonym'))),
    h('p', { class: 'hint' }, t('meetup.privacy')),
    formEnd(h('button', { type: 'submit', class: 'button' }, t('meetup.save'))));
  onSubmit(rsvpForm, async () => {
    const chosen = radios.find((r) => r.checked);
    if (!check(() => { if (!chosen) throw new Invalid(radios[0], 'answer_invalid', t('meetup.chooseAnswer')); })) return;
    const r = await fapi(path + '/rsvp', 'PUT', { answer: chosen.value, showPseudonym: show.checked });
    app.flash = mineText(r);
    reload();
  }, (code) => (code === 'answer_invalid' ? radios[0] : null));

  // ---- who is going ----
  const attendees = h('section', { 'aria-labelledby': 'who-title' },
    h('h2', { id: 'who-title' }, t('meetup.whoTitle')),
    h('p', {}, tn('meetup.goingCount2', page.going), page.maybe > 0 && [' · ', tn('meetup.maybeCount', page.maybe)]),
    page.attendees.length > 0 && h('ul', { class: 'members', 'data-test': 'attendees' }, page.attendees.map((a) => h('li', {},
      h('span', { class: 'who' }, a.pseudonym),
      a.status !== 'GOING' && h('span', { class: 'role' }, t('meetup.mine.' + a.status)),
      page.canManage && a.status === 'REQUESTED' && approveButtons(path, a, reload)))),
    h('p', { class: 'hint' }, page.canManage ? t('meetup.whoManager') : t('meetup.whoMember')));

  // ---- going together ----
  const together = h('section', { 'aria-labelledby': 'together-title', 'data-test': 'together' },
    h('h2', { id: 'together-title' }, t('together.title')), h('p', {}, t('together.lead')));
  const attending = d.mine && d.mine.status !== 'NOT_GOING';
  if (!cancelled && !over && (attending || page.canManage)) {
    const requests = await fapi(path + '/company').catch(() => []);
    const mine = requests.find((r) => r.mine);
    if (mine && mine.status === 'MATCHED') {
      together.append(h('p', { class: 'flash', 'data-test': 'together-matched' }, t('together.matched', { p: mine.companion })));
    } else if (mine) {
      const box = h('div', {}, h('p', { 'data-test': 'together-asked' }, t('together.asked')),
        mine.offers.length ? h('ul', { class: 'offers' }, mine.offers.map((o) => {
          const b = h('button', { type: 'button', class: 'button', 'data-test': 'accept-offer' }, t('together.accept', { p: o.pseudonym }));
          b.addEventListener('click', () => busy(box, async () => {
            await fapi(path + '/company/accept', 'POST', { offerId: o.id });
            app.flash = t('together.matched', { p: o.pseudonym });
            reload();
          }, b));
          return h('li', {}, t('together.offer', { p: o.pseudonym }), ' ', b);
        })) : h('p', { class: 'hint' }, t('together.noOffers')),
        formEnd());
      const withdraw = h('button', { type: 'button', class: 'button secondary' }, t('together.withdraw'));
      withdraw.addEventListener('click', () => busy(box, async () => { await fapi(path + '/company', 'DELETE'); reload(); }, withdraw));
      box.querySelector('.actions').append(withdraw);
      together.append(box);
    } else if (attending) {
      const note = h('input', { type: 'text', name: 'note', maxlength: '300' });
      const ask = h('form', { class: 'stack', 'data-test': 'together-form' }, field(t('together.note'), note, t('together.noteHint')),
        formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('together.ask'))));
      onSubmit(ask, async () => {
        await fapi(path + '/company', 'POST', { note: note.value });
        app.flash = t('together.askedFlash');
        reload();
      });
      together.append(ask);
    }
    const others = requests.filter((r) => !r.mine && r.status === 'OPEN');
    if (others.length) {
      const box = h('div', {}, h('h3', {}, t('together.othersTitle')));
      box.append(h('ul', { class: 'offers' }, others.map((r) => {
        const b = h('button', { type: 'button', class: 'button secondary', 'data-test': 'offer-company' }, t('together.offerGo'));
        b.addEventListener('click', () => busy(box, async () => {
          await fapi(path + '/company/' + enc(r.id) + '/offer', 'POST');
          b.replaceWith(h('span', { class: 'hint' }, t('together.offered')));
          announce(t('together.offered'));
        }, b));
        return h('li', {}, h('span', { class: 'who' }, r.pseudonym), r.note && [': ', h('q', {}, r.note)], ' ',
          r.offeredByMe ? h('span', { class: 'hint' }, t('together.offered')) : b);
      })), formEnd());
      together.append(box);
    }
  } else {
    together.append(h('p', { class: 'hint' }, t('together.answerFirst')));
  }

  // ---- organiser ----
  let tools = null;
  if (page.canManage && !cancelled && !over) {
    const text = h('textarea', { name: 'text', rows: '3', maxlength: '500' });
    const msg = h('form', { class: 'stack', 'data-test': 'message-form' }, field(t('meetup.messageLabel'), text),
      formEnd(h('button', { type: 'submit', class: 'button secondary' }, t('meetup.messageSend'))));
    onSubmit(msg, async () => {
      if (!check(() => { if (!text.value.trim()) throw new Invalid(text, 'body_invalid', t('meetup.messageEmpty')); })) return;
      const r = await fapi(path + '/message', 'POST', { text: text.value });
      text.value = '';
      const done = tn('meetup.messageSent', r.told);
      msg.querySelector('.form-status').replaceChildren(h('p', { class: 'flash', role: 'status' }, done));
    }, () => text);
    tools = h('section', { class: 'panel', 'aria-labelledby': 'org-title' },
      h('h2', { id: 'org-title' }, t('meetup.organiserTitle')), msg,
      confirmAction({
        label: t('meetup.cancelDate'), question: t('meetup.cancelQ'), yes: t('meetup.cancelYes'),
        run: async () => { await fapi(path + '/cancel', 'POST', { reason: null }); reload(); },
      }));
  }

  const other = m.dates.filter((x) => x.id !== d.id);
  return {
    title: m.title + ' · ' + ctx.c.name,
    nodes: [
      backLink(ctx.href + '/meetups', t('meetups.title')),
      h1(m.title),
      cancelled && h('p', { class: 'notice', 'data-test': 'cancelled-notice' }, cancelledMark(), ' ', t('meetup.cancelledText')),
      facts,
      m.description && h('p', { class: 'description', lang: ctx.c.language }, m.description),
      m.threadId && h('p', {}, h('a', { href: threadHref(ctx, m.threadId) }, t('meetup.discussion'))),
      !cancelled && !over && rsvpForm,
      attendees,
      together,
      tools,
      other.length > 0 && h('section', { 'aria-labelledby': 'other-title' }, h('h2', { id: 'other-title' }, t('meetup.otherDates')),
        h('ul', {}, other.map((x) => h('li', {}, h('a', { href: dateHref(ctx, x) }, whenText(x)),
          x.status === 'CANCELLED' && [' ', cancelledMark()])))),
    ],
  };
}

function approveButtons(path, a, reload) {
  const yes = h('button', { type: 'button', class: 'button', 'data-test': 'approve' }, t('meetup.approve'));
  const no = h('button', { type: 'button', class: 'button secondary' }, t('meetup.decline'));
  const box = h('span', { class: 'approve' }, yes, ' ', no, h('span', { class: 'form-status' }));
  yes.addEventListener('click', () => busy(box, async () => { await fapi(path + '/rsvps/' + enc(a.memberId) + '/approve', 'POST'); reload(); }, yes));
  no.addEventListener('click', () => busy(box, async () => { await fapi(path + '/rsvps/' + enc(a.memberId) + '/decline', 'POST'); reload(); }, no));
  return box;
}
