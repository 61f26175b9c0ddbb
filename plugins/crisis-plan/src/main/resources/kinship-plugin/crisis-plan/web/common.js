// What both crisis-plan pages share: their words (en, nb), the crisis numbers box, the stylesheet, dates,
// and the read-only rendering of a plan used for printing and for the plans shared with me.

export const PLUGIN = 'crisis-plan';

const WORDS = {
  en: {
    'title.mine': 'My crisis plan',
    'title.shared': 'Crisis plans shared with me',
    'title.of': 'Crisis plan of {name}',
    'lead.mine': 'Only you can read this plan. Nobody else can, not the moderators and not the admins, unless you name them below. Each time someone you named reads, prints or downloads it, you see it in the log at the bottom.',
    'lead.shared': 'Members who chose to share their crisis plan with you. They see each time you read, print or download it.',
    'lead.of': '{name} shared this plan with you. {name} sees each time you read, print or download it.',
    'crisis.title': 'Crisis numbers',
    'crisis.lead': 'If you or someone else is in danger now, call:',
    'crisis.none': 'This community has not listed crisis numbers. If a life is in danger, call 112 (or your local emergency number).',
    'crisis.call': 'Call',
    'notEmergency': 'Kinship is not an emergency service.',
    'list.warningSigns': 'My warning signs',
    'list.warningSigns.hint': 'What tells you, or others, that things are getting worse.',
    'list.warningSigns.item': 'Warning sign {n}',
    'list.warningSigns.add': 'Add a warning sign',
    'list.selfHelp': 'What I can do myself',
    'list.selfHelp.hint': 'Things that have helped you before.',
    'list.selfHelp.item': 'What I can do, {n}',
    'list.selfHelp.add': 'Add something I can do',
    'list.othersCanDo': 'What others can do',
    'list.othersCanDo.hint': 'How people around you can help, and what they should not do.',
    'list.othersCanDo.item': 'What others can do, {n}',
    'list.othersCanDo.add': 'Add something others can do',
    'remove': 'Remove',
    'removeItem': 'Remove {what}',
    'contacts': 'Who to call',
    'contacts.hint': 'People close to you and professionals, in the order to try them.',
    'contact': 'Person {n}',
    'contact.name': 'Name',
    'contact.relation': 'Who they are to you (optional)',
    'contact.phone': 'Phone number',
    'contact.kind': 'Kind',
    'contact.personal': 'Personal',
    'contact.professional': 'Professional',
    'contact.add': 'Add a person to call',
    'contact.remove': 'Remove person {n}',
    'ifCannotSpeak': 'If I can\'t speak for myself',
    'ifCannotSpeak.hint': 'What you want people to know and respect if you cannot say it yourself.',
    'save': 'Save my plan',
    'saved': 'Saved. Only you and the people you named can read it.',
    'unsaved': 'You have changes that are not saved yet.',
    'print': 'Print',
    'download': 'Download a copy',
    'download.hint': 'A single file that opens without the internet: keep it on your phone.',
    'empty': 'Nothing written yet.',
    'updated': 'Last changed {when}.',
    'notWritten': 'You have not written a plan yet. Start with what you know; you can change it any time.',
    'shares.title': 'Who may read my plan',
    'shares.none': 'Nobody: your plan is private to you.',
    'shares.pseudonym': 'Share with (their pseudonym here)',
    'shares.hint': 'For example your health provider or someone you trust. You can stop sharing at any time; it takes effect at once.',
    'shares.add': 'Share my plan',
    'shares.since': 'since {when}',
    'shares.revoke': 'Stop sharing with {name}',
    'shares.added': 'Your plan is now shared with {name}.',
    'shares.revoked': '{name} can no longer read your plan.',
    'shares.left': 'a member who has left',
    'views.title': 'Who has read my plan',
    'views.none': 'Nobody else has read your plan.',
    'views.more': 'Show older',
    'views.deleted': 'Someone who has since deleted their account',
    'how.web': 'read it',
    'how.print': 'printed it',
    'how.download': 'downloaded a copy',
    'shared.none': 'Nobody has shared a crisis plan with you in this community.',
    'shared.open': 'Read {name}\'s plan',
    'shared.updated': 'changed {when}',
    'shared.back': 'Crisis plans shared with me',
    'gone': 'This plan is not shared with you, or no longer.',
    'err.share_target_not_member': 'There is no member with that pseudonym in this community.',
    'err.cannot_share_with_self': 'That is you: you can always read your own plan.',
    'err.already_shared': 'You already share your plan with this member.',
    'err.concurrent_update': 'Your plan was changed somewhere else meanwhile (another tab or device). Reload the page, then make your change again.',
    'err.plan_not_found': 'This plan is not shared with you, or no longer.',
    'err.not_owner': 'Only the person whose plan this is can change it.',
    'err.share_target_required': 'Write the pseudonym of the member to share with.',
    'signIn': 'Sign in and join this community to write your crisis plan.',
  },
  nb: {
    'title.mine': 'Min kriseplan',
    'title.shared': 'Kriseplaner delt med meg',
    'title.of': 'Kriseplanen til {name}',
    'lead.mine': 'Bare du kan lese denne planen. Ingen andre kan det, verken moderatorene eller administratorene, med mindre du velger dem nedenfor. Hver gang noen du har valgt leser, skriver ut eller laster ned planen, ser du det i loggen nederst.',
    'lead.shared': 'Medlemmer som har valgt å dele kriseplanen sin med deg. De ser hver gang du leser, skriver ut eller laster den ned.',
    'lead.of': '{name} har delt denne planen med deg. {name} ser hver gang du leser, skriver ut eller laster den ned.',
    'crisis.title': 'Krisenumre',
    'crisis.lead': 'Er du eller noen andre i fare nå, ring:',
    'crisis.none': 'Dette fellesskapet har ikke oppgitt krisenumre. Er et liv i fare, ring 113 (eller nødnummeret der du er).',
    'crisis.call': 'Ring',
    'notEmergency': 'Kinship er ikke en nødtjeneste.',
    'list.warningSigns': 'Mine varseltegn',
    'list.warningSigns.hint': 'Det som forteller deg, eller andre, at ting er i ferd med å bli verre.',
    'list.warningSigns.item': 'Varseltegn {n}',
    'list.warningSigns.add': 'Legg til et varseltegn',
    'list.selfHelp': 'Det jeg kan gjøre selv',
    'list.selfHelp.hint': 'Ting som har hjulpet deg før.',
    'list.selfHelp.item': 'Det jeg kan gjøre, {n}',
    'list.selfHelp.add': 'Legg til noe jeg kan gjøre',
    'list.othersCanDo': 'Det andre kan gjøre',
    'list.othersCanDo.hint': 'Hvordan folk rundt deg kan hjelpe, og hva de ikke bør gjøre.',
    'list.othersCanDo.item': 'Det andre kan gjøre, {n}',
    'list.othersCanDo.add': 'Legg til noe andre kan gjøre',
    'remove': 'Fjern',
    'removeItem': 'Fjern {what}',
    'contacts': 'Hvem jeg kan ringe',
    'contacts.hint': 'Folk som står deg nær og fagfolk, i den rekkefølgen du vil prøve dem.',
    'contact': 'Person {n}',
    'contact.name': 'Navn',
    'contact.relation': 'Hvem de er for deg (valgfritt)',
    'contact.phone': 'Telefonnummer',
    'contact.kind': 'Type',
    'contact.personal': 'Privat',
    'contact.professional': 'Profesjonell',
    'contact.add': 'Legg til en person å ringe',
    'contact.remove': 'Fjern person {n}',
    'ifCannotSpeak': 'Hvis jeg ikke kan snakke for meg selv',
    'ifCannotSpeak.hint': 'Det du vil at folk skal vite og respektere hvis du ikke kan si det selv.',
    'save': 'Lagre planen min',
    'saved': 'Lagret. Bare du og dem du har valgt kan lese den.',
    'unsaved': 'Du har endringer som ikke er lagret ennå.',
    'print': 'Skriv ut',
    'download': 'Last ned en kopi',
    'download.hint': 'Én fil som åpnes uten internett: ha den på telefonen.',
    'empty': 'Ingenting skrevet ennå.',
    'updated': 'Sist endret {when}.',
    'notWritten': 'Du har ikke skrevet en plan ennå. Begynn med det du vet; du kan endre den når som helst.',
    'shares.title': 'Hvem som kan lese planen min',
    'shares.none': 'Ingen: planen din er bare din.',
    'shares.pseudonym': 'Del med (pseudonymet deres her)',
    'shares.hint': 'For eksempel behandleren din eller noen du stoler på. Du kan slutte å dele når som helst; det virker med en gang.',
    'shares.add': 'Del planen min',
    'shares.since': 'siden {when}',
    'shares.revoke': 'Slutt å dele med {name}',
    'shares.added': 'Planen din er nå delt med {name}.',
    'shares.revoked': '{name} kan ikke lenger lese planen din.',
    'shares.left': 'et medlem som har gått ut',
    'views.title': 'Hvem som har lest planen min',
    'views.none': 'Ingen andre har lest planen din.',
    'views.more': 'Vis eldre',
    'views.deleted': 'En som senere har slettet kontoen sin',
    'how.web': 'leste den',
    'how.print': 'skrev den ut',
    'how.download': 'lastet ned en kopi',
    'shared.none': 'Ingen har delt en kriseplan med deg i dette fellesskapet.',
    'shared.open': 'Les planen til {name}',
    'shared.updated': 'endret {when}',
    'shared.back': 'Kriseplaner delt med meg',
    'gone': 'Denne planen er ikke delt med deg, eller ikke lenger.',
    'err.share_target_not_member': 'Det finnes ikke noe medlem med det pseudonymet i dette fellesskapet.',
    'err.cannot_share_with_self': 'Det er deg: du kan alltid lese din egen plan.',
    'err.already_shared': 'Du deler allerede planen din med dette medlemmet.',
    'err.concurrent_update': 'Planen din ble endret et annet sted i mellomtiden (en annen fane eller enhet). Last inn siden på nytt og gjør endringen igjen.',
    'err.plan_not_found': 'Denne planen er ikke delt med deg, eller ikke lenger.',
    'err.not_owner': 'Bare den som eier planen kan endre den.',
    'err.share_target_required': 'Skriv pseudonymet til medlemmet du vil dele med.',
    'signIn': 'Logg inn og bli med i dette fellesskapet for å skrive kriseplanen din.',
  },
};

/** The words for the kit's language: t('key', {name}) */
export function words(kit) {
  const lang = kit.lang === 'nb' ? 'nb' : 'en';
  return (key, vars) => {
    const s = WORDS[lang][key] ?? WORDS.en[key] ?? key;
    return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] == null ? m : String(vars[k]))) : s;
  };
}

/** An error in our words when we have them, else the kit's (which knows the platform's codes). */
export function errorText(kit, t, err) {
  const own = err && err.code && t('err.' + err.code);
  return own && own !== 'err.' + err.code ? own : kit.errorText(err);
}

export function when(kit, iso) {
  const d = new Date(iso);
  try {
    return new Intl.DateTimeFormat(kit.lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  } catch (e) {
    return d.toLocaleString();
  }
}

/** The plugin's stylesheet, as part of the page: it goes when the page goes. */
export const stylesheet = (kit) => kit.h('link', { rel: 'stylesheet', href: '/app/plugins/' + PLUGIN + '/crisis-plan.css' });

/** The plugin's own REST base, for links the browser follows itself (downloads). */
export const apiBase = (kit) => '/api/communities/' + encodeURIComponent(kit.community.slug) + '/plugins/' + PLUGIN;

/** A page of this plugin, for links. */
export const pageHref = (kit, path) => '/c/' + encodeURIComponent(kit.community.slug) + '/p/' + PLUGIN + (path ? '/' + path : '');

const dial = (phone) => String(phone || '').replace(/[^+0-9]/g, '').replace(/(?!^)\+/g, '');

/** The community's crisis numbers, at the top of every crisis-plan page and every printout. */
let boxes = 0;
export function crisisBox(kit, t, numbers) {
  const h = kit.h;
  const list = numbers || [];
  const id = 'cp-crisis-title-' + (++boxes);
  return h('section', { class: 'emergency cp-crisis', 'aria-labelledby': id, 'data-test': 'crisis-numbers' },
    h('h2', { id }, t('crisis.title')),
    h('p', {}, list.length ? t('crisis.lead') : t('crisis.none')),
    list.length > 0 && h('ul', { class: 'crisis' }, list.map((n) => h('li', { 'data-test': 'crisis-number' },
      h('span', { class: 'crisis-label' }, n.label),
      h('a', { href: 'tel:' + dial(n.phone), class: 'tel' }, h('span', { class: 'sr' }, t('crisis.call') + ' '), n.phone),
      n.description && h('span', { class: 'crisis-desc' }, n.description)))),
    h('p', { class: 'hint' }, t('notEmergency')));
}

/** A plan as text to read (and print): the same order as the form and the downloaded copy. */
export function planView(kit, t, plan) {
  const h = kit.h;
  const list = (key, items) => h('section', { class: 'cp-part', 'data-test': 'part-' + key },
    h('h2', {}, t('list.' + key)),
    items.length ? h('ul', {}, items.map((i) => h('li', {}, i))) : h('p', { class: 'hint' }, t('empty')));
  return [
    list('warningSigns', plan.warningSigns),
    list('selfHelp', plan.selfHelp),
    list('othersCanDo', plan.othersCanDo),
    h('section', { class: 'cp-part', 'data-test': 'part-contacts' },
      h('h2', {}, t('contacts')),
      plan.contacts.length ? h('ul', { class: 'cp-contacts' }, plan.contacts.map((c) => h('li', {},
        h('strong', {}, c.name), c.relation ? ' (' + c.relation + ')' : '', ' ',
        h('span', { class: 'hint' }, t('contact.' + c.kind)), h('br', {}),
        h('a', { href: 'tel:' + dial(c.phone), class: 'tel' }, h('span', { class: 'sr' }, t('crisis.call') + ' '), c.phone))))
        : h('p', { class: 'hint' }, t('empty'))),
    h('section', { class: 'cp-part', 'data-test': 'part-ifCannotSpeak' },
      h('h2', {}, t('ifCannotSpeak')),
      plan.ifCannotSpeak ? h('p', { class: 'cp-text' }, plan.ifCannotSpeak) : h('p', { class: 'hint' }, t('empty'))),
    plan.updatedAt && h('p', { class: 'hint' }, t('updated', { when: when(kit, plan.updatedAt) })),
  ];
}
