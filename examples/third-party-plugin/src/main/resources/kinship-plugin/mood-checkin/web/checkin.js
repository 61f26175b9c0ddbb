// The mood check-in page. Kinship imports this module and calls its default export with a kit
// (see PluginPage in the plugin API's javadoc); everything the page needs comes from the kit.

const WORDS = {
  en: {
    title: 'Mood check-in',
    lead: 'Once a day, note how you feel. Only you can see your check-ins: not the moderators, not the admins.',
    membersOnly: 'Check-ins are for members of this community.',
    question: 'How are you today?',
    moods: ['Very low', 'Low', 'Okay', 'Good', 'Very good'],
    note: 'A note for yourself (optional)',
    noteHint: 'At most 500 characters.',
    save: 'Save today’s check-in',
    saving: 'Saving…',
    chooseMood: 'Choose how you feel today.',
    saved: 'Saved. You can change today’s check-in until the day is over.',
    history: 'Your last 30 days',
    none: 'No check-ins yet.',
    today: 'Today',
    forget: 'Delete',
    forgotten: 'Deleted the check-in of {day}.',
  },
  nb: {
    title: 'Humørsjekk',
    lead: 'Én gang om dagen noterer du hvordan du har det. Bare du ser sjekkene dine: ikke moderatorene, ikke administratorene.',
    membersOnly: 'Humørsjekken er for medlemmer av dette fellesskapet.',
    question: 'Hvordan har du det i dag?',
    moods: ['Svært dårlig', 'Dårlig', 'Greit', 'Bra', 'Svært bra'],
    note: 'Et notat til deg selv (valgfritt)',
    noteHint: 'Høyst 500 tegn.',
    save: 'Lagre dagens sjekk',
    saving: 'Lagrer …',
    chooseMood: 'Velg hvordan du har det i dag.',
    saved: 'Lagret. Du kan endre dagens sjekk helt til dagen er omme.',
    history: 'De siste 30 dagene dine',
    none: 'Ingen sjekker ennå.',
    today: 'I dag',
    forget: 'Slett',
    forgotten: 'Slettet sjekken fra {day}.',
  },
};

export default async function page(kit) {
  const w = WORDS[kit.lang] || WORDS.en;
  const { h } = kit;
  const heading = h('h1', { tabindex: '-1' }, w.title);
  if (!kit.member) {
    return { title: w.title, nodes: [heading, h('p', {}, w.membersOnly)] };
  }

  let data = await kit.api('/checkins');
  const dayText = (iso) => {
    if (iso === data.today) return w.today;
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(kit.lang === 'nb' ? 'nb-NO' : 'en-GB',
      { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  };

  // ---- today's form ----
  const todays = () => data.days.find((d) => d.day === data.today);
  const radios = w.moods.map((label, i) => {
    const id = 'mood-' + (i + 1);
    const input = h('input', { type: 'radio', name: 'mood', id, value: String(i + 1), 'data-test': 'mood-' + (i + 1) });
    return { input, row: h('div', { class: 'choice' }, input, h('label', { for: id }, (i + 1) + ' · ' + label)) };
  });
  const note = h('textarea', { id: 'mood-note', name: 'note', rows: '3', maxlength: '500', 'aria-describedby': 'mood-note-hint' });
  const status = h('div', { class: 'form-status', 'data-test': 'mood-status' });
  const button = h('button', { type: 'submit', class: 'button' }, w.save);
  const fill = () => {
    const t = todays();
    radios.forEach((r) => { r.input.checked = !!t && String(t.mood) === r.input.value; });
    note.value = (t && t.note) || '';
  };
  const say = (text, alert) => {
    status.replaceChildren(h('p', alert ? { class: 'error', role: 'alert' } : { class: 'flash', role: 'status' }, text));
    if (!alert) kit.announce(text);
  };

  const form = h('form', { class: 'stack', 'data-test': 'mood-form', novalidate: true },
    h('fieldset', { class: 'choices' }, h('legend', {}, w.question), radios.map((r) => r.row)),
    h('div', { class: 'field' }, h('label', { for: 'mood-note' }, w.note),
      h('p', { class: 'hint', id: 'mood-note-hint' }, w.noteHint), note),
    status,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (form.dataset.busy) return;
    const chosen = radios.find((r) => r.input.checked);
    if (!chosen) {
      say(w.chooseMood, true);
      radios[0].input.focus();
      return;
    }
    form.dataset.busy = '1';
    button.textContent = w.saving;
    try {
      await kit.api('/checkins', { method: 'POST', body: { mood: Number(chosen.input.value), note: note.value } });
      data = await kit.api('/checkins');
      paint();
      say(w.saved);
    } catch (err) {
      say(kit.errorText(err), true);
    } finally {
      delete form.dataset.busy;
      button.textContent = w.save;
    }
  });

  // ---- the last 30 days ----
  // Inline style: a plugin brings its own look rather than lean on the host's class names, which may change.
  const list = h('ol', { class: 'mood-days', 'data-test': 'mood-days', style: 'list-style: none; padding: 0; display: grid; gap: .75rem;' });
  const empty = h('p', {}, w.none);
  const paint = () => {
    list.replaceChildren(...data.days.map((d) => {
      const del = h('button', { type: 'button', class: 'link-button' }, w.forget,
        h('span', { class: 'sr' }, ' ' + dayText(d.day)));
      del.addEventListener('click', async () => {
        try {
          await kit.api('/checkins/' + encodeURIComponent(d.day), { method: 'DELETE' });
          data = await kit.api('/checkins');
          paint();
          kit.announce(w.forgotten.replace('{day}', dayText(d.day)));
          heading.focus();
        } catch (err) {
          say(kit.errorText(err), true);
        }
      });
      return h('li', { 'data-test': 'mood-day', 'data-day': d.day, 'data-mood': String(d.mood) },
        h('strong', {}, dayText(d.day)), ': ',
        h('span', { class: 'mood' }, d.mood + ' · ' + w.moods[d.mood - 1]),
        d.note && h('p', { class: 'mood-note' }, d.note), ' ', del);
    }));
    list.hidden = data.days.length === 0;
    empty.hidden = data.days.length > 0;
    fill();
  };
  paint();

  return {
    title: w.title,
    nodes: [heading, h('p', { class: 'lead' }, w.lead), form,
      h('section', { 'aria-labelledby': 'mood-history' }, h('h2', { id: 'mood-history' }, w.history), empty, list)],
  };
}
