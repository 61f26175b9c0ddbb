// "/c/{slug}/forum/new": start a thread in a category, or a closed circle with people one names.
import { h, newId } from '../dom.js';
import { enc } from '../api.js';
import { app, t, h1, backLink, field, formEnd, onSubmit, check, Invalid, emergencyNotice } from '../ui.js';
import { fapi, memberOf, isModerator, supportPanel, threadHref } from '../forum.js';

export const CIRCLE = 'circle';
const MAX_TITLE = 150;
const MAX_BODY = 20000;
const MAX_CW = 200;

export default async function compose({ params: [slug], query }) {
  const ctx = await memberOf(slug);
  const cats = await fapi(ctx.api + '/forum/categories');
  const mod = isModerator(ctx.m);
  const title = t('compose.title');

  const wanted = query.get('circle') ? CIRCLE : query.get('category');
  const open = cats.filter((x) => mod || x.whoMayStart !== 'MODERATORS');
  const category = h('select', { name: 'category', required: true },
    h('option', { value: '' }, t('compose.choose')),
    cats.map((x) => h('option', { value: x.id, disabled: !open.includes(x), selected: x.id === wanted && open.includes(x) },
      x.name + (open.includes(x) ? '' : ' ' + t('compose.modsOnly')))),
    h('option', { value: CIRCLE, selected: wanted === CIRCLE }, t('compose.circleOption')));
  if (!category.value && open.length === 1 && wanted !== CIRCLE) category.value = open[0].id;

  const circle = h('textarea', { name: 'circle', rows: '3', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' });
  const circleRow = field(t('compose.circleWho'), circle, t('compose.circleHint'));
  const circleNote = h('p', { class: 'note-ok', id: newId('circle-note') }, t('compose.circleNote'));
  const circleBox = h('div', { class: 'stack' }, circleNote, circleRow);
  const catHint = h('p', { class: 'hint', id: newId('cat-desc'), lang: ctx.c.language });
  const showChoice = () => {
    circleBox.hidden = category.value !== CIRCLE;
    const x = cats.find((c) => c.id === category.value);
    catHint.textContent = x && x.description ? x.description : '';
    catHint.hidden = !catHint.textContent;
  };
  category.addEventListener('change', showChoice);

  const titleIn = h('input', { name: 'title', type: 'text', required: true, maxlength: String(MAX_TITLE), autocomplete: 'off' });
  const body = h('textarea', { name: 'body', rows: '10', required: true, maxlength: String(MAX_BODY) });
  const cw = h('input', { name: 'contentWarning', type: 'text', maxlength: String(MAX_CW), autocomplete: 'off' });

  const submit = h('button', { type: 'submit', class: 'button' }, t('compose.submit'));
  const catRow = field(t('compose.where'), category, t('compose.whereHint'));
  catRow.append(catHint);
  const form = h('form', { class: 'stack', 'data-test': 'thread-form', 'aria-labelledby': 'compose-form-title' },
    h('h2', { id: 'compose-form-title', class: 'sr' }, title),
    catRow,
    circleBox,
    field(t('compose.titleLabel'), titleIn, t('compose.titleHint')),
    field(t('compose.body'), body, t('compose.bodyHint')),
    formatHelp(),
    field(t('compose.cw'), cw, t('compose.cwHint')),
    formEnd(submit));
  showChoice();

  const wrap = h('div', {}, form);
  onSubmit(form, async () => {
    const where = category.value;
    const names = circle.value.split(/[,\n]/).map((s) => s.trim().replace(/^@/, '')).filter(Boolean);
    if (!check(() => {
      if (!where) throw new Invalid(category, 'category_not_found', t('compose.chooseFirst'));
      if (!titleIn.value.trim()) throw new Invalid(titleIn, 'title_invalid', t('compose.titleRequired'));
      if (!body.value.trim()) throw new Invalid(body, 'body_invalid', t('compose.bodyRequired'));
      if (where === CIRCLE && !names.length) throw new Invalid(circle, 'member_not_found', t('compose.circleEmpty'));
    })) return;
    const req = { title: titleIn.value.trim(), body: body.value, contentWarning: cw.value.trim() || null };
    if (where === CIRCLE) req.circle = names;
    else req.categoryId = where;
    const made = await fapi(ctx.api + '/forum/threads', 'POST', req);
    const href = threadHref(ctx, made.threadId);
    if (made.crisisSupport && made.crisisSupport.length) {
      const panel = supportPanel(made.crisisSupport, ctx.c.language,
        h('p', {}, h('a', { href, class: 'button' }, t('support.toThread'))));
      // The panel carries the numbers now: the general notice and the lead above it would only repeat.
      wrap.parentElement.querySelectorAll('.emergency, .lead').forEach((el) => el.remove());
      wrap.replaceChildren(panel);
      panel.heading.focus();
      return;
    }
    app.flash = t(where === CIRCLE ? 'compose.circleDone' : 'compose.done');
    app.navigate(href);
  }, (code) => ({
    title_invalid: titleIn, body_invalid: body, content_warning_invalid: cw, category_not_found: category,
    category_closed: category, member_not_found: circle, validation_failed: category.value === CIRCLE ? circle : null,
  }[code] || null));

  return {
    title: title + ' · ' + ctx.c.name,
    nodes: [backLink(ctx.href + '/forum', t('forum.title')), h1(title),
      h('p', { class: 'lead' }, t('compose.lead')), emergencyNotice(ctx.c), wrap],
  };
}

/** A short, folded guide to the Markdown people may use; shared with replies and edits. */
export function formatHelp() {
  const row = (typed, result) => h('li', {}, h('code', {}, typed), ' ', h('span', { 'aria-hidden': 'true' }, '→'), ' ', result);
  return h('details', { class: 'more format-help' },
    h('summary', {}, t('format.title')),
    h('ul', { class: 'hint' },
      row('*' + t('format.italic') + '*', h('em', {}, t('format.italic'))),
      row('**' + t('format.bold') + '**', h('strong', {}, t('format.bold'))),
      row('- ' + t('format.item'), t('format.list')),
      row('> ' + t('format.quoted'), t('format.quote')),
      h('li', {}, t('format.paragraph')),
      h('li', {}, t('format.links'))));
}
