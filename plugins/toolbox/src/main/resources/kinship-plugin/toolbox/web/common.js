// The toolbox's shared pieces: its words in English and Norwegian bokmål, and one way of showing a list
// of items with a form to add and change them and a panel to share each one. Built only from the kit the
// host hands each page (kit.h, kit.api, kit.announce, ...): no imports from the platform's own code.

const WORDS = {
  en: {
    toolbox: 'Toolbox',
    privacy: 'Only you can see what you write here. You can share one item at a time with someone you name, such as your health provider or a peer. They can read it, never change it, and you can stop sharing at any time.',
    back: 'Toolbox',
    loading: 'Loading…',
    add: 'Add',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Change',
    remove: 'Delete',
    removeQ: 'Delete “{title}”? This cannot be undone.',
    removeYes: 'Yes, delete',
    removed: 'Deleted.',
    saved: 'Saved.',
    added: 'Added.',
    working: 'Working…',
    empty: 'Nothing here yet.',
    optional: '(optional)',
    share: 'Share',
    shareTitle: 'Shared with',
    shareNone: 'Not shared with anyone. Only you can see it.',
    shareWho: 'Pseudonym of the person to share with',
    shareHint: 'A member of this community, for example your health provider.',
    shared: 'Shared with {name}.',
    unshare: 'Stop sharing with {name}',
    unshared: 'No longer shared with {name}.',
    readOnly: 'Shared with you by {name}. You can read it, not change it.',
    curatedBy: 'Chosen by the community’s admins.',
    // pages
    goals: 'Goals', planner: 'Week planner', network: 'My network', medications: 'Medications',
    exercises: 'Exercises', links: 'Local links', sharedWithMe: 'Shared with me',
    'goals.about': 'What you want to reach, why, and the steps on the way.',
    'planner.about': 'What you plan to do this week, day by day.',
    'network.about': 'The people and services around you, and how they help.',
    'medications.about': 'Your medicines, doses, times, and the side effects you notice.',
    'exercises.about': 'Mindfulness, coping and symptom management.',
    'links.about': 'Local activities and user organisations.',
    'sharedWithMe.about': 'What others have shared with you to read.',
    count: '{n} saved', countCurated: '{n} available', countShared: '{n} shared with you',
    // goals
    title: 'Title', why: 'Why it matters to me', steps: 'Steps', stepsHint: 'One step per line.',
    progress: 'Progress', progressManual: 'Progress in percent (used when there are no steps)',
    progressValue: '{n}\u00a0% done', stepDone: 'Done: {text}',
    newGoal: 'New goal', changeGoal: 'Change goal',
    // planner
    newActivity: 'Plan an activity', changeActivity: 'Change activity',
    date: 'Date', start: 'Starts', end: 'Ends', note: 'Note',
    prevWeek: 'Previous week', nextWeek: 'Next week', thisWeek: 'This week',
    weekOf: 'Week {week}: {from} to {to}', today: 'today', nothingPlanned: 'Nothing planned.',
    timeZone: 'Times are in {zone}.',
    // network
    newContact: 'Add someone', changeContact: 'Change',
    name: 'Name', relation: 'Relation (for example sister, GP, neighbour)', closeness: 'How close',
    'circle.inner': 'Inner circle: closest', 'circle.middle': 'Middle circle', 'circle.outer': 'Outer circle',
    helps: 'How they help',
    // medications
    newMedication: 'Add a medicine', changeMedication: 'Change medicine',
    doseAmount: 'Dose', doseUnit: 'Unit', times: 'Times of day', timesHint: 'HH:MM, separated by commas, for example 08:00, 20:00',
    purpose: 'What it is for', sideEffects: 'Side effects I notice', dose: 'Dose: {amount} {unit}', at: 'Taken at {times}',
    'unit.mg': 'mg', 'unit.g': 'g', 'unit.mcg': 'microgram', 'unit.ml': 'ml', 'unit.iu': 'IU', 'unit.tablet': 'tablet(s)',
    'unit.capsule': 'capsule(s)', 'unit.drop': 'drop(s)', 'unit.puff': 'puff(s)', 'unit.patch': 'patch(es)',
    'unit.sachet': 'sachet(s)', 'unit.dose': 'dose(s)',
    // curated
    newExercise: 'Add an exercise', changeExercise: 'Change exercise', body: 'Instructions', minutes: 'Minutes',
    minutesValue: '{n} min', kind: 'Kind',
    'kind.mindfulness': 'Mindfulness', 'kind.coping': 'Coping', 'kind.symptom_management': 'Symptom management',
    newLink: 'Add a link', changeLink: 'Change link', url: 'Address (https://…)', description: 'Description',
    'kind.activity': 'Local activity', 'kind.organisation': 'User organisation',
    'kinds.goals': 'Goal', 'kinds.activities': 'Activity', 'kinds.network': 'Person or service', 'kinds.medications': 'Medicine',
    sharedBy: 'From {name}',
    // errors
    'err.malformed_request': 'Something went wrong sending this. Please try again.',
    'err.validation_failed': 'Something is missing or not allowed.',
    'err.title_invalid': 'Write a title of one line, at most 150 characters.',
    'err.name_invalid': 'Write a name of one line, at most 100 characters.',
    'err.text_too_long': 'This text is too long.',
    'err.date_invalid': 'Choose a valid date.',
    'err.time_invalid': 'Write times as HH:MM, for example 08:30. An end comes after its start.',
    'err.dose_invalid': 'Write the dose as a number above 0 (up to three decimals) and choose a unit.',
    'err.steps_invalid': 'At most 50 steps, each one line of at most 300 characters.',
    'err.progress_invalid': 'Progress is a whole number from 0 to 100.',
    'err.closeness_invalid': 'Choose how close.',
    'err.kind_invalid': 'Choose a kind.',
    'err.minutes_invalid': 'Minutes are a whole number from 1 to 240.',
    'err.url_invalid': 'Write a full address starting with https:// or http://.',
    'err.version_conflict': 'This was changed meanwhile, maybe in another window. Reload the page and try again.',
    'err.share_target_not_member': 'There is no member here with that pseudonym.',
    'err.share_with_self': 'This is already yours.',
    'err.not_owner': 'Only its owner can change this.',
    'err.item_not_found': 'This is not here any more.',
    'err.forbidden': 'Only the community’s admins can do this.',
  },
  nb: {
    toolbox: 'Verktøykasse',
    privacy: 'Bare du ser det du skriver her. Du kan dele ett og ett element med noen du velger, for eksempel behandleren din eller en likeperson. De kan lese det, aldri endre det, og du kan slutte å dele når du vil.',
    back: 'Verktøykasse',
    loading: 'Laster …',
    add: 'Legg til',
    save: 'Lagre',
    cancel: 'Avbryt',
    edit: 'Endre',
    remove: 'Slett',
    removeQ: 'Slette «{title}»? Dette kan ikke angres.',
    removeYes: 'Ja, slett',
    removed: 'Slettet.',
    saved: 'Lagret.',
    added: 'Lagt til.',
    working: 'Jobber …',
    empty: 'Ingenting her ennå.',
    optional: '(valgfritt)',
    share: 'Del',
    shareTitle: 'Delt med',
    shareNone: 'Ikke delt med noen. Bare du ser det.',
    shareWho: 'Pseudonymet til den du vil dele med',
    shareHint: 'Et medlem av dette fellesskapet, for eksempel behandleren din.',
    shared: 'Delt med {name}.',
    unshare: 'Slutt å dele med {name}',
    unshared: 'Ikke lenger delt med {name}.',
    readOnly: 'Delt med deg av {name}. Du kan lese, ikke endre.',
    curatedBy: 'Valgt av fellesskapets administratorer.',
    goals: 'Mål', planner: 'Ukeplan', network: 'Mitt nettverk', medications: 'Medisiner',
    exercises: 'Øvelser', links: 'Lokale lenker', sharedWithMe: 'Delt med meg',
    'goals.about': 'Det du vil nå, hvorfor, og stegene på veien.',
    'planner.about': 'Det du planlegger denne uka, dag for dag.',
    'network.about': 'Menneskene og tjenestene rundt deg, og hvordan de hjelper.',
    'medications.about': 'Medisinene dine, doser, tidspunkter og bivirkninger du merker.',
    'exercises.about': 'Oppmerksomt nærvær, mestring og symptomhåndtering.',
    'links.about': 'Lokale aktiviteter og brukerorganisasjoner.',
    'sharedWithMe.about': 'Det andre har delt med deg for lesing.',
    count: '{n} lagret', countCurated: '{n} tilgjengelig', countShared: '{n} delt med deg',
    title: 'Tittel', why: 'Hvorfor det betyr noe for meg', steps: 'Steg', stepsHint: 'Ett steg per linje.',
    progress: 'Fremdrift', progressManual: 'Fremdrift i prosent (brukes når det ikke er steg)',
    progressValue: '{n}\u00a0% gjort', stepDone: 'Gjort: {text}',
    newGoal: 'Nytt mål', changeGoal: 'Endre mål',
    newActivity: 'Planlegg en aktivitet', changeActivity: 'Endre aktivitet',
    date: 'Dato', start: 'Starter', end: 'Slutter', note: 'Notat',
    prevWeek: 'Forrige uke', nextWeek: 'Neste uke', thisWeek: 'Denne uka',
    weekOf: 'Uke {week}: {from} til {to}', today: 'i dag', nothingPlanned: 'Ingenting planlagt.',
    timeZone: 'Tidene er i {zone}.',
    newContact: 'Legg til noen', changeContact: 'Endre',
    name: 'Navn', relation: 'Relasjon (for eksempel søster, fastlege, nabo)', closeness: 'Hvor nær',
    'circle.inner': 'Indre sirkel: nærmest', 'circle.middle': 'Midtre sirkel', 'circle.outer': 'Ytre sirkel',
    helps: 'Hvordan de hjelper',
    newMedication: 'Legg til en medisin', changeMedication: 'Endre medisin',
    doseAmount: 'Dose', doseUnit: 'Enhet', times: 'Tidspunkter', timesHint: 'TT:MM, skilt med komma, for eksempel 08:00, 20:00',
    purpose: 'Hva den er for', sideEffects: 'Bivirkninger jeg merker', dose: 'Dose: {amount} {unit}', at: 'Tas klokka {times}',
    'unit.mg': 'mg', 'unit.g': 'g', 'unit.mcg': 'mikrogram', 'unit.ml': 'ml', 'unit.iu': 'IE', 'unit.tablet': 'tablett(er)',
    'unit.capsule': 'kapsel(er)', 'unit.drop': 'dråpe(r)', 'unit.puff': 'drag', 'unit.patch': 'plaster',
    'unit.sachet': 'dosepose(r)', 'unit.dose': 'dose(r)',
    newExercise: 'Legg til en øvelse', changeExercise: 'Endre øvelse', body: 'Fremgangsmåte', minutes: 'Minutter',
    minutesValue: '{n} min', kind: 'Type',
    'kind.mindfulness': 'Oppmerksomt nærvær', 'kind.coping': 'Mestring', 'kind.symptom_management': 'Symptomhåndtering',
    newLink: 'Legg til en lenke', changeLink: 'Endre lenke', url: 'Adresse (https://…)', description: 'Beskrivelse',
    'kind.activity': 'Lokal aktivitet', 'kind.organisation': 'Brukerorganisasjon',
    'kinds.goals': 'Mål', 'kinds.activities': 'Aktivitet', 'kinds.network': 'Person eller tjeneste', 'kinds.medications': 'Medisin',
    sharedBy: 'Fra {name}',
    'err.malformed_request': 'Noe gikk galt da dette ble sendt. Prøv igjen.',
    'err.validation_failed': 'Noe mangler eller er ikke tillatt.',
    'err.title_invalid': 'Skriv en tittel på én linje, høyst 150 tegn.',
    'err.name_invalid': 'Skriv et navn på én linje, høyst 100 tegn.',
    'err.text_too_long': 'Denne teksten er for lang.',
    'err.date_invalid': 'Velg en gyldig dato.',
    'err.time_invalid': 'Skriv klokkeslett som TT:MM, for eksempel 08:30. Slutt kommer etter start.',
    'err.dose_invalid': 'Skriv dosen som et tall over 0 (høyst tre desimaler) og velg en enhet.',
    'err.steps_invalid': 'Høyst 50 steg, hvert én linje på høyst 300 tegn.',
    'err.progress_invalid': 'Fremdrift er et helt tall fra 0 til 100.',
    'err.closeness_invalid': 'Velg hvor nær.',
    'err.kind_invalid': 'Velg en type.',
    'err.minutes_invalid': 'Minutter er et helt tall fra 1 til 240.',
    'err.url_invalid': 'Skriv en full adresse som begynner med https:// eller http://.',
    'err.version_conflict': 'Dette ble endret i mellomtiden, kanskje i et annet vindu. Last inn siden på nytt og prøv igjen.',
    'err.share_target_not_member': 'Det finnes ingen medlem her med det pseudonymet.',
    'err.share_with_self': 'Dette er allerede ditt.',
    'err.not_owner': 'Bare eieren kan endre dette.',
    'err.item_not_found': 'Dette finnes ikke lenger.',
    'err.forbidden': 'Bare fellesskapets administratorer kan gjøre dette.',
  },
};

/** The word for key in the kit's language, with {name} filled in. */
export function words(kit) {
  const table = WORDS[kit.lang] || WORDS.en;
  return (key, vars) => {
    const s = table[key] ?? WORDS.en[key] ?? key;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] == null ? m : String(vars[k]))) : s;
  };
}

/** An error in the page's language: ours for the toolbox's codes, the kit's for the platform's. */
export function errorWords(kit, err) {
  const t = words(kit);
  const key = 'err.' + (err && err.code);
  return (WORDS[kit.lang] || WORDS.en)[key] ? t(key) : kit.errorText(err);
}

const locale = (kit) => (kit.lang === 'nb' ? 'nb-NO' : 'en-GB');

/** 2026-11-24 → "Tuesday 24 November" in the page's language, without time-zone shifts. */
export function dayName(kit, iso, opts = { weekday: 'long', day: 'numeric', month: 'long' }) {
  const [y, m, d] = iso.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(locale(kit), Object.assign({ timeZone: 'UTC' }, opts)).format(new Date(Date.UTC(y, m - 1, d)));
  } catch (e) {
    return iso;
  }
}

/**
 * Replaces el's children the way kit.h adds them: arrays flattened, nothing for null, false or ''.
 * (The DOM's own replaceChildren would write an array as "[object HTMLParagraphElement],…" and null as "null".)
 */
export function fill(el, ...kids) {
  el.replaceChildren(...kids.flat(Infinity).filter((k) => k != null && k !== false && k !== '')
    .map((k) => (k instanceof Node ? k : String(k))));
  return el;
}

let uid = 0;
const newId = (p) => 'tb-' + p + '-' + (++uid);

/** The page's frame: the stylesheet, a way back, the one h1, the live status line and the privacy note. */
export function frame(kit, titleKey, ...content) {
  const { h } = kit;
  const t = words(kit);
  const status = h('p', { class: 'tb-status', role: 'status', 'aria-live': 'polite', 'data-test': 'toolbox-status' });
  const nodes = [
    h('link', { rel: 'stylesheet', href: '/app/plugins/toolbox/toolbox.css' }),
    titleKey ? h('p', { class: 'back' }, h('a', { href: kit.href('') }, h('span', { 'aria-hidden': 'true' }, '← '), t('back'))) : null,
    h('h1', { tabindex: '-1' }, t(titleKey || 'toolbox')),
    status,
  ].filter(Boolean);
  return { nodes: nodes.concat(content.flat().filter(Boolean)), status };
}

/** Says text in the status line and to screen readers. */
export function say(kit, status, text) {
  status.textContent = text;
  if (kit.announce) kit.announce(text);
}

/** A labelled control. */
export function field(kit, label, control, hint) {
  const { h } = kit;
  control.id = control.id || newId('f');
  const hid = control.id + '-hint';
  if (hint) control.setAttribute('aria-describedby', hid);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label),
    hint ? h('p', { class: 'hint', id: hid }, hint) : null, control);
}

function clearErrors(box) {
  box.querySelectorAll('.error').forEach((e) => e.remove());
  box.querySelectorAll('[aria-invalid]').forEach((c) => {
    c.removeAttribute('aria-invalid');
    const hint = c.id + '-hint';
    if (document.getElementById(hint)) c.setAttribute('aria-describedby', hint);
    else c.removeAttribute('aria-describedby');
  });
}

/** Shows an error on the control it is about (focused, tied with aria-describedby), else above the buttons. */
export function showError(kit, box, err, control) {
  const { h } = kit;
  const text = errorWords(kit, err);
  const id = newId('err');
  const p = h('p', { class: 'error', id, role: 'alert', 'data-code': err && err.code },
    h('span', { class: 'error-mark', 'aria-hidden': 'true' }, '!'), ' ', text);
  if (control) {
    control.before(p);
    control.setAttribute('aria-invalid', 'true');
    const hint = control.id + '-hint';
    control.setAttribute('aria-describedby', (document.getElementById(hint) ? hint + ' ' : '') + id);
    control.focus();
  } else {
    box.querySelector('.tb-form-status').replaceChildren(p);
  }
}

/** Runs fn once at a time for box, showing its failure; controlFor(code) names the control an error is about. */
export async function busy(kit, box, fn, controlFor = () => null) {
  if (box.dataset.busy) return;
  box.dataset.busy = '1';
  clearErrors(box);
  box.querySelectorAll('.tb-form-status').forEach((s) => s.replaceChildren());
  box.setAttribute('aria-busy', 'true');
  try {
    await fn();
  } catch (err) {
    showError(kit, box, err || {}, controlFor(err && err.code));
  } finally {
    delete box.dataset.busy;
    box.removeAttribute('aria-busy');
  }
}

/** A form control for a field spec: text, textarea, date, time, number, select. */
function control(kit, f, value) {
  const { h } = kit;
  const t = words(kit);
  const v = value == null ? '' : String(value);
  switch (f.type) {
    // As a child, not a value attribute: a textarea's content is its text, whichever way kit.h sets attributes.
    case 'textarea': return h('textarea', { name: f.name, rows: f.rows || 4, maxlength: f.max }, v);
    case 'select': return h('select', { name: f.name },
      f.options.map((o) => h('option', { value: o, selected: String(o) === v || null }, t(f.optionKey + o))));
    case 'date': return h('input', { type: 'date', name: f.name, value: v, required: f.required || null });
    case 'time': return h('input', { type: 'time', name: f.name, value: v, required: f.required || null });
    case 'number': return h('input', { type: 'text', inputmode: 'decimal', name: f.name, value: v, autocomplete: 'off' });
    default: return h('input', { type: 'text', name: f.name, value: v, maxlength: f.max, required: f.required || null, autocomplete: 'off' });
  }
}

/**
 * A form for one item kind: fields from spec.fields, values from item (to change) or empty (to add).
 * onSaved(item) runs after the server accepted it.
 */
export function itemForm(kit, spec, item, onSaved, onCancel) {
  const { h } = kit;
  const t = words(kit);
  const controls = {};
  const rows = spec.fields.map((f) => {
    const c = control(kit, f, item ? (f.from ? f.from(item) : item[f.name]) : f.initial);
    controls[f.name] = c;
    return field(kit, t(f.label) + (f.required ? '' : ' ' + t('optional')), c, f.hint && t(f.hint));
  });
  const submit = h('button', { type: 'submit', class: 'button' }, t(item ? 'save' : 'add'));
  const cancel = onCancel ? h('button', { type: 'button', class: 'button secondary', onclick: onCancel }, t('cancel')) : null;
  const headingId = newId('form');
  const form = h('form', { class: 'tb-form stack', 'aria-labelledby': headingId, novalidate: true },
    h('h2', { id: headingId }, t(item ? spec.changeKey : spec.newKey)),
    rows, h('div', { class: 'tb-form-status' }), h('div', { class: 'actions' }, submit, cancel));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(kit, form, async () => {
      const values = {};
      for (const f of spec.fields) values[f.name] = controls[f.name].value;
      const body = spec.toBody(values, item);
      if (item) body.version = item.version;
      const saved = item
        ? await kit.api('/' + spec.kind + '/' + item.id, { method: 'PUT', body })
        : await kit.api('/' + spec.kind, { method: 'POST', body });
      onSaved(saved);
    }, (code) => controls[(spec.errorField || {})[code]] || null);
  });
  return form;
}

/** Text or null: empty inputs are left out rather than sent as empty strings. */
export const opt = (s) => (s && s.trim() ? s.trim() : null);

/** The owner's sharing panel for one item: who has it, stop sharing, share with a pseudonym. */
export function sharePanel(kit, status, kind, item, onChange) {
  const { h } = kit;
  const t = words(kit);
  const headingId = newId('share');
  const list = h('ul', { class: 'tb-shares' });
  const box = h('section', { class: 'tb-share', 'aria-labelledby': headingId });
  const render = (people) => {
    list.replaceChildren(...(people.length ? people.map((p) => h('li', {},
      h('span', {}, p.pseudonym),
      h('button', { type: 'button', class: 'button secondary small', 'data-test': 'unshare',
        onclick: () => busy(kit, box, async () => {
          await kit.api('/' + kind + '/' + item.id + '/shares/' + encodeURIComponent(p.memberId), { method: 'DELETE' });
          const rest = people.filter((x) => x.memberId !== p.memberId);
          item.sharedWith = rest;
          render(rest);
          say(kit, status, t('unshared', { name: p.pseudonym }));
          if (onChange) onChange(rest);
        }) }, t('unshare', { name: p.pseudonym }))))
      : [h('li', { class: 'hint' }, t('shareNone'))]));
  };
  render(item.sharedWith || []);
  const who = h('input', { type: 'text', name: 'pseudonym', autocomplete: 'off', maxlength: 64 });
  const form = h('form', { class: 'tb-share-form', novalidate: true },
    field(kit, t('shareWho'), who, t('shareHint')), h('div', { class: 'tb-form-status' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button secondary' }, t('share'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(kit, box, async () => {
      const person = await kit.api('/' + kind + '/' + item.id + '/shares', { method: 'POST', body: { pseudonym: who.value.trim() } });
      const people = (item.sharedWith || []).filter((x) => x.memberId !== person.memberId).concat([person]);
      item.sharedWith = people;
      render(people);
      who.value = '';
      say(kit, status, t('shared', { name: person.pseudonym }));
      if (onChange) onChange(people);
    }, (code) => (code === 'share_target_not_member' || code === 'share_with_self' ? who : null));
  });
  box.append(h('h3', { id: headingId }, t('shareTitle')), list, form, h('div', { class: 'tb-form-status' }));
  return box;
}

/**
 * A page listing the member's (or the community's) items of one kind, each with change, delete and (for
 * personal kinds) share, and a form to add one. spec: kind, titleKey, fields, toBody, show(item) → nodes,
 * heading(item) → text, newKey, changeKey, errorField, curated, group(item) → key (optional).
 */
export async function itemsPage(kit, spec) {
  const { h } = kit;
  const t = words(kit);
  const { nodes, status } = frame(kit, spec.titleKey, h('p', { class: 'lead' }, t(spec.titleKey + '.about')),
    spec.curated ? h('p', { class: 'hint' }, t('curatedBy')) : null);
  let items = await kit.api('/' + spec.kind);
  const overview = spec.curated ? await kit.api('') : null;
  const mayChange = !spec.curated || (overview && overview.canCurate);
  const list = h('div', { class: 'tb-items', 'data-test': 'toolbox-items' });
  const addSlot = h('div', {});

  const render = () => {
    if (!items.length) {
      list.replaceChildren(h('p', { class: 'empty' }, t('empty')));
      return;
    }
    const groups = new Map();
    for (const it of items) {
      const g = spec.group ? spec.group(it) : '';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(it);
    }
    list.replaceChildren(...[...groups.entries()].map(([g, its]) => h('section', { class: 'tb-group' },
      g ? h('h2', {}, t(g)) : null,
      h('ul', { class: 'cards' }, its.map((it) => card(it, Boolean(g)))))));
  };

  const card = (item, grouped) => {
    const li = h('li', { class: 'card tb-item', 'data-test': 'toolbox-item' });
    const show = () => {
      const actions = mayChange ? h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button secondary small', onclick: () => edit() }, t('edit'),
          h('span', { class: 'sr' }, ': ' + spec.heading(item))),
        removeButton()) : null;
      fill(li, h(grouped ? 'h3' : 'h2', {}, spec.heading(item)), spec.show(item, { status, replace }),
        actions, !spec.curated && mayChange ? shareDetails() : null,
        h('div', { class: 'tb-form-status' }));
    };
    const shareDetails = () => {
      const summary = h('summary', {}, t('shareTitle') + ' (' + (item.sharedWith || []).length + ')');
      return h('details', { class: 'tb-share-details' }, summary,
        sharePanel(kit, status, spec.kind, item, (people) => {
          item.sharedWith = people;
          summary.textContent = t('shareTitle') + ' (' + people.length + ')';
        }));
    };
    const replace = (saved) => {
      items = items.map((x) => (x.id === saved.id ? saved : x));
      item = saved;
      show();
    };
    const edit = () => {
      const form = itemForm(kit, spec, item, (saved) => {
        replace(saved);
        say(kit, status, t('saved'));
        li.querySelector('h2, h3').setAttribute('tabindex', '-1');
        li.querySelector('h2, h3').focus();
      }, () => { show(); li.querySelector('button').focus(); });
      li.replaceChildren(form);
      form.querySelector('input, textarea, select').focus();
    };
    const removeButton = () => {
      const wrap = h('div', {});
      const open = h('button', { type: 'button', class: 'button secondary small' }, t('remove'),
        h('span', { class: 'sr' }, ': ' + spec.heading(item)));
      open.addEventListener('click', () => {
        const q = h('p', { class: 'confirm-q', tabindex: '-1' }, t('removeQ', { title: spec.heading(item) }));
        const yes = h('button', { type: 'button', class: 'button danger' }, t('removeYes'));
        const no = h('button', { type: 'button', class: 'button secondary' }, t('cancel'));
        const box = h('div', { class: 'confirm-box' }, q, h('div', { class: 'tb-form-status' }), h('div', { class: 'actions' }, yes, no));
        no.addEventListener('click', () => { wrap.replaceChildren(open); open.focus(); });
        yes.addEventListener('click', () => busy(kit, box, async () => {
          await kit.api('/' + spec.kind + '/' + item.id, { method: 'DELETE' });
          items = items.filter((x) => x.id !== item.id);
          render();
          say(kit, status, t('removed'));
          const h1 = document.querySelector('h1');
          if (h1) h1.focus();
        }));
        wrap.replaceChildren(box);
        q.focus();
      });
      wrap.append(open);
      return wrap;
    };
    show();
    return li;
  };

  const showAdd = () => {
    addSlot.replaceChildren(itemForm(kit, spec, null, (saved) => {
      items = spec.sort ? spec.sort(items.concat([saved])) : items.concat([saved]);
      render();
      say(kit, status, t('added'));
      showAdd();
    }));
  };
  render();
  if (mayChange) showAdd();
  if (spec.before) nodes.push(spec.before({ status }));
  nodes.push(list, addSlot);
  return { title: t(spec.titleKey), nodes };
}
