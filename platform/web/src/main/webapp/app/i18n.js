// Every word the client shows, in English and Norwegian bokmål.
// One "key = text" a line; a "[section]" line prefixes the keys below it (join.title).
// {name} marks a value filled in; plurals are key.one / key.other.

function parse(text) {
  const out = {};
  let pre = '';
  for (const line of text.split('\n')) {
    const sec = /^\[(\w*)\]$/.exec(line);
    const eq = line.indexOf(' = ');
    if (sec) pre = sec[1] ? sec[1] + '.' : '';
    else if (eq > 0) out[pre + line.slice(0, eq)] = line.slice(eq + 3);
  }
  return out;
}

const en = parse(`
[]
skip = Skip to content
loading = Loading…
working = One moment…
retry = Try again
cancel = Cancel
copy = Copy link
copied = Copied
copyFailed = Copying didn’t work. The link is selected, so you can copy it yourself.
signIn = Sign in
signOut = Sign out
signedIn = Signed in
[nav]
label = Main
communities = Communities
new = Create a community
[]
lang.switch.nb = På norsk
lang.switch.en = In English
footer = Kinship is peer support between people who have been there. It is not a health service or an emergency service.
[dir]
title = Communities
lead = Find a peer-support community near you. You choose a different name in each one, and nobody can link them.
empty = There are no communities here yet.
member = You’re a member here, as {p}.
pending = Your request to join as {p} is waiting for a moderator.
[]
members.one = {n} member
members.other = {n} members
[policy]
OPEN = Anyone can join
APPROVAL = Join by request
INVITATION = By invitation only
[emergency]
title = Kinship is not an emergency service
lead = If you or someone else is in danger or needs help now, call:
call = Call
none = If you or someone else is in danger, call your local emergency number.
[join]
title = Join {name}
how.OPEN = Everyone is welcome: choose a name, and you’re in.
how.APPROVAL = A moderator welcomes each new member. Choose a name and send a short request; you’re in as soon as it’s approved.
how.INVITATION = This community takes new members by invitation. You need an invitation link from someone here.
howInvited = You have an invitation, so you can join straight away.
signInFirst = First, sign in or create an account. Then you come back here to choose your name.
anonymous = You don’t need to use your real name or anything that identifies you.
formTitle = Choose your name here
withInvitation = You’re joining with an invitation link.
pseudonym = Pseudonym
pseudonymHint = The name others here will see. It can be different in every community, and nobody can link them. 2–32 characters: letters, digits, spaces and . _ - '
invitation = Invitation link
invitationHint = Paste the link someone here sent you.
haveInvitation = I have an invitation link
note = A few words to the moderators (optional)
noteHint = Why would you like to join? Only the moderators see this. Up to 500 characters.
submit = Join
apply = Send request
welcome = You’re in! You’re now a member, as {p}.
applied = Thank you. Your request has been sent to the moderators.
goToCommunity = Go to {name}
[pending]
title = Your request is waiting for a moderator
text = You asked to join as {p}. A moderator of {name} will look at it as soon as they can. Once you’re approved, this page becomes your home here.
withdraw = Withdraw my request
withdrawQ = Withdraw your request? You can ask again later.
withdrawYes = Yes, withdraw it
withdrawn = Your request has been withdrawn.
[home]
welcome = Welcome, {p}
youAre.MEMBER = You’re a member here.
youAre.MODERATOR = You’re a moderator here.
youAre.ADMIN = You’re an admin here.
youAre.PROVIDER = You’re here as a health professional.
tools = Your tools
moderation = Requests and invitations
settings = Settings and roles
featuresTitle = Forums, chat and meetups
featuresSoon = These are on their way and will appear here. For now, you can see who is part of the community.
about = About the community
members = Members
showMembers = Show all {n} members
staff = Admins, moderators and health professionals
you = (you)
leaveTitle = Leaving
leaveText = You can leave whenever you like. Your name will no longer be listed here.
leave = Leave this community
leaveQ = Are you sure you want to leave {name}?
leaveYes = Yes, leave
left = You have left {name}.
[mod]
title = Moderation: {name}
onlyMods = Only moderators and admins of {name} can see this page.
queue = Waiting for approval
queueHint = People who have asked to join. Approving lets them in straight away. Declining deletes the request, and nothing about them is kept.
none = No one is waiting right now.
asked = Asked {when}
theirNote = Their note
noNote = No note.
approve = Approve
decline = Decline
approved = {p} is now a member.
declined = The request from {p} was declined.
gone = This request has already been handled, perhaps by another moderator.
[inv]
title = Invitation links
intro = Someone with an invitation link can join straight away, without waiting for approval. Share it only with the person or people it is meant for.
new = Make a new link
validity = Works for
days.one = {n} day
days.other = {n} days
maxUses = How many people can use it
maxUsesHint = From 1 to 1000.
maxUsesBad = Enter a whole number from 1 to 1000.
create = Make link
fresh = Your new invitation link
freshHelp = It works until {date}.
usesAllowed.one = One person can use it.
usesAllowed.other = {n} people can use it.
onlyOnce = Copy it now: for safety, the link is shown only this once.
existing = Links made so far
none = No invitation links yet.
status.active = Active
status.expired = Expired
status.usedUp = Used up
status.revoked = Revoked
created = Made
expires = Valid until
used = Used
usedOf = {uses} of {max}
revoke = Revoke
revokeWhich = the link made {date}
revoked = The link was revoked. It no longer works.
[set]
title = Settings: {name}
onlyAdmins = Only admins of {name} can change its settings.
formTitle = About the community
name = Name
nameRequired = The community needs a name.
description = Description
descriptionHint = Shown in the list of communities and on the community page. Up to 2000 characters.
language = Language
timeZone = Time zone
timeZoneHint = For meetups and events, for example Europe/Oslo.
zoneBad = That isn’t a time zone we know. Use a name like Europe/Oslo.
policy = How people join
policyHint.OPEN = Anyone who signs in can join straight away.
policyHint.APPROVAL = People send a request and a moderator approves it. An invitation link lets someone in directly.
policyHint.INVITATION = Only people with an invitation link can join.
crisis = Crisis numbers
crisisHint = Shown at the top of the community’s pages. Add the numbers people should call when they are in danger or need help now. Up to 10. Empty rows are left out.
crisisN = Number {n}
crisisLabel = Name
crisisLabelHint = For example: Medical emergency
crisisPhone = Phone number
crisisDesc = Short description (optional)
crisisDescHint = For example: Open day and night.
crisisAdd = Add a crisis number
crisisRemove = Remove
crisisRemoved = Number removed.
crisisLabelRequired = Give this number a name, so people know who they are calling.
crisisPhoneBad = Enter a phone number: digits, spaces, + - and parentheses.
save = Save settings
saved = Saved.
roles = Roles
roleHelp.MEMBER = takes part in the community.
roleHelp.MODERATOR = also approves new members and makes invitation links.
roleHelp.ADMIN = also changes settings and roles.
roleHelp.PROVIDER = sees only what members choose to share with them, and cannot moderate.
filter = Find a member
shown = {n} shown
roleSave = Save
roleFor = role for {p}
roleChanged = {p}’s role is now: {role}.
[role]
MEMBER = Member
MODERATOR = Moderator
ADMIN = Admin
PROVIDER = Health professional
[new]
title = Create a community
lead = Afterwards you get a link for the person who will run the community. Whoever uses it becomes its first admin.
slug = Short name for the address
slugHint = Used in the address, like /c/fjordvik. Lower-case letters a–z, digits and dashes. It can’t be changed later.
create = Create community
onlyPlatformAdmins = Only the people who run this Kinship server can create communities.
done = {name} is ready
sendLink = Send this link to the person who will run the community.
once = It works once, for {days} days (until {date}).
times = It works {n} times, for {days} days (until {date}).
onlyOnce = Copy it now: the link is shown only this once.
visit = Go to {name}
[notFound]
title = We couldn’t find that page
text = The address may be mistyped, or the community may no longer be here.
back = See all communities
[needSignIn]
title = Please sign in
text = You need to be signed in to see this page.
[forbidden]
title = This page isn’t open to you
[offline]
title = We can’t reach Kinship right now
[failed]
title = Something went wrong
[err]
network = We couldn’t reach the server. Check your connection and try again.
unexpected = Something went wrong. Please try again.
internal_error = Something went wrong on our side, and nothing was changed. Please try again.
pseudonym_length = A pseudonym must be 2 to 32 characters long.
invitation_required = This community takes new members by invitation only. Paste the link you were sent.
slug_format = Use 1 to 40 lower-case letters a–z, digits and dashes, starting and ending with a letter or digit.
forbidden = You don’t have access to this.
not_a_member = This is only for members of the community.
not_authenticated = You’ve been signed out. Please sign in again.
`);

const nb = parse(`
[]
skip = Hopp til innholdet
loading = Laster …
working = Et øyeblikk …
retry = Prøv igjen
cancel = Avbryt
copy = Kopier lenken
copied = Kopiert
copyFailed = Kopieringen virket ikke. Lenken er markert, så du kan kopiere den selv.
signIn = Logg inn
signOut = Logg ut
signedIn = Logget inn
[nav]
label = Hovedmeny
communities = Fellesskap
new = Opprett et fellesskap
[]
lang.switch.nb = På norsk
lang.switch.en = In English
footer = Kinship er likepersonsstøtte mellom folk som har vært der selv. Det er ikke en helsetjeneste eller en nødtjeneste.
[dir]
title = Fellesskap
lead = Finn et likepersonsfellesskap nær deg. Du velger et eget navn i hvert av dem, og ingen kan koble dem sammen.
empty = Det er ingen fellesskap her ennå.
member = Du er med her, som {p}.
pending = Forespørselen din som {p} venter på en moderator.
[]
members.one = {n} medlem
members.other = {n} medlemmer
[policy]
OPEN = Åpent for alle
APPROVAL = Bli med ved å spørre
INVITATION = Bare med invitasjon
[emergency]
title = Kinship er ikke en nødtjeneste
lead = Hvis du eller noen andre er i fare eller trenger hjelp nå, ring:
call = Ring
none = Hvis du eller noen andre er i fare, ring nødnummeret der du er.
[join]
title = Bli med i {name}
how.OPEN = Alle er velkomne: velg et navn, så er du med.
how.APPROVAL = En moderator tar imot hvert nye medlem. Velg et navn og send en kort forespørsel, så slipper du inn når den er godkjent.
how.INVITATION = Her blir man med gjennom invitasjon. Du trenger en invitasjonslenke fra noen i fellesskapet.
howInvited = Du har fått en invitasjon, så du kan bli med med en gang.
signInFirst = Først logger du inn eller lager en konto. Så kommer du tilbake hit og velger navnet ditt.
anonymous = Du trenger ikke bruke ditt ekte navn eller noe annet som kan identifisere deg.
formTitle = Velg navnet ditt her
withInvitation = Du blir med gjennom en invitasjonslenke.
pseudonym = Kallenavn
pseudonymHint = Navnet de andre her ser. Det kan være forskjellig i hvert fellesskap, og ingen kan koble dem sammen. 2–32 tegn: bokstaver, tall, mellomrom og . _ - '
invitation = Invitasjonslenke
invitationHint = Lim inn lenken du fikk fra noen her.
haveInvitation = Jeg har en invitasjonslenke
note = Noen ord til moderatorene (valgfritt)
noteHint = Hvorfor vil du bli med? Bare moderatorene ser dette. Inntil 500 tegn.
submit = Bli med
apply = Send forespørsel
welcome = Nå er du med, som {p}.
applied = Takk! Forespørselen din er sendt til moderatorene.
goToCommunity = Gå til {name}
[pending]
title = Forespørselen din venter på en moderator
text = Du har bedt om å bli med som {p}. En moderator i {name} ser på den så snart de kan. Når du er godkjent, blir denne siden ditt hjem her.
withdraw = Trekk forespørselen
withdrawQ = Vil du trekke forespørselen? Du kan spørre igjen senere.
withdrawYes = Ja, trekk den
withdrawn = Forespørselen din er trukket.
[home]
welcome = Velkommen, {p}
youAre.MEMBER = Du er medlem her.
youAre.MODERATOR = Du er moderator her.
youAre.ADMIN = Du er administrator her.
youAre.PROVIDER = Du er her som helsepersonell.
tools = Verktøyene dine
moderation = Forespørsler og invitasjoner
settings = Innstillinger og roller
featuresTitle = Forum, chat og treff
featuresSoon = Dette er på vei og kommer her. Foreløpig kan du se hvem som er med i fellesskapet.
about = Om fellesskapet
members = Medlemmer
showMembers = Vis alle {n} medlemmene
staff = Administratorer, moderatorer og helsepersonell
you = (deg)
leaveTitle = Gå ut
leaveText = Du kan gå ut når du vil. Da står ikke navnet ditt lenger på lista her.
leave = Gå ut av fellesskapet
leaveQ = Er du sikker på at du vil gå ut av {name}?
leaveYes = Ja, gå ut
left = Du har gått ut av {name}.
[mod]
title = Moderering: {name}
onlyMods = Bare moderatorer og administratorer i {name} kan se denne siden.
queue = Venter på godkjenning
queueHint = Folk som har bedt om å bli med. Godkjenner du, slipper de inn med en gang. Avslår du, blir forespørselen slettet, og ingenting om dem blir lagret.
none = Ingen venter akkurat nå.
asked = Spurte {when}
theirNote = Det de skrev
noNote = Ingen hilsen.
approve = Godkjenn
decline = Avslå
approved = {p} er nå medlem.
declined = Forespørselen fra {p} ble avslått.
gone = Denne forespørselen er allerede behandlet, kanskje av en annen moderator.
[inv]
title = Invitasjonslenker
intro = Med en invitasjonslenke kan man bli med med en gang, uten å vente på godkjenning. Del den bare med den eller dem den er ment for.
new = Lag en ny lenke
validity = Gyldig i
days.one = {n} dag
days.other = {n} dager
maxUses = Hvor mange kan bruke den
maxUsesHint = Fra 1 til 1000.
maxUsesBad = Skriv et helt tall fra 1 til 1000.
create = Lag lenke
fresh = Den nye invitasjonslenken
freshHelp = Den virker til {date}.
usesAllowed.one = Én person kan bruke den.
usesAllowed.other = {n} personer kan bruke den.
onlyOnce = Kopier den nå: av sikkerhetshensyn vises lenken bare denne ene gangen.
existing = Lenker laget så langt
none = Ingen invitasjonslenker ennå.
status.active = Aktiv
status.expired = Utløpt
status.usedUp = Brukt opp
status.revoked = Trukket tilbake
created = Laget
expires = Gyldig til
used = Brukt
usedOf = {uses} av {max}
revoke = Trekk tilbake
revokeWhich = lenken laget {date}
revoked = Lenken er trukket tilbake og virker ikke lenger.
[set]
title = Innstillinger: {name}
onlyAdmins = Bare administratorer i {name} kan endre innstillingene.
formTitle = Om fellesskapet
name = Navn
nameRequired = Fellesskapet trenger et navn.
description = Beskrivelse
descriptionHint = Vises i oversikten over fellesskap og på fellesskapets side. Inntil 2000 tegn.
language = Språk
timeZone = Tidssone
timeZoneHint = Brukes for treff og arrangementer, for eksempel Europe/Oslo.
zoneBad = Den tidssonen kjenner vi ikke. Bruk et navn som Europe/Oslo.
policy = Slik blir man med
policyHint.OPEN = Alle som logger inn, kan bli med med en gang.
policyHint.APPROVAL = Man sender en forespørsel, og en moderator godkjenner den. Med invitasjonslenke kommer man rett inn.
policyHint.INVITATION = Bare de som har en invitasjonslenke, kan bli med.
crisis = Krisenumre
crisisHint = Vises øverst på sidene til fellesskapet. Legg inn numrene folk bør ringe når de er i fare eller trenger hjelp nå. Inntil 10. Tomme rader tas ikke med.
crisisN = Nummer {n}
crisisLabel = Navn
crisisLabelHint = For eksempel: Medisinsk nødtelefon
crisisPhone = Telefonnummer
crisisDesc = Kort beskrivelse (valgfritt)
crisisDescHint = For eksempel: Døgnåpen.
crisisAdd = Legg til et krisenummer
crisisRemove = Fjern
crisisRemoved = Nummeret er fjernet.
crisisLabelRequired = Gi nummeret et navn, så folk vet hvem de ringer.
crisisPhoneBad = Skriv et telefonnummer: sifre, mellomrom, + - og parenteser.
save = Lagre innstillingene
saved = Lagret.
roles = Roller
roleHelp.MEMBER = er med i fellesskapet.
roleHelp.MODERATOR = godkjenner også nye medlemmer og lager invitasjonslenker.
roleHelp.ADMIN = endrer også innstillinger og roller.
roleHelp.PROVIDER = ser bare det medlemmene selv velger å dele, og kan ikke moderere.
filter = Finn et medlem
shown = {n} vises
roleSave = Lagre
roleFor = rollen til {p}
roleChanged = Rollen til {p} er nå: {role}.
[role]
MEMBER = Medlem
MODERATOR = Moderator
ADMIN = Administrator
PROVIDER = Helsepersonell
[new]
title = Opprett et fellesskap
lead = Etterpå får du en lenke til den som skal drive fellesskapet. Den som bruker lenken, blir den første administratoren.
slug = Kortnavn til adressen
slugHint = Brukes i adressen, som /c/fjordvik. Små bokstaver a–z, sifre og bindestrek. Kan ikke endres senere.
create = Opprett fellesskapet
onlyPlatformAdmins = Bare de som driver denne Kinship-serveren, kan opprette fellesskap.
done = {name} er klart
sendLink = Send denne lenken til den som skal drive fellesskapet.
once = Den virker én gang, i {days} dager (til {date}).
times = Den virker {n} ganger, i {days} dager (til {date}).
onlyOnce = Kopier den nå: lenken vises bare denne ene gangen.
visit = Gå til {name}
[notFound]
title = Vi fant ikke siden
text = Kanskje adressen er skrevet feil, eller fellesskapet finnes ikke her lenger.
back = Se alle fellesskapene
[needSignIn]
title = Logg inn først
text = Du må være logget inn for å se denne siden.
[forbidden]
title = Denne siden er ikke åpen for deg
[offline]
title = Vi får ikke kontakt med Kinship akkurat nå
[failed]
title = Noe gikk galt
[err]
network = Vi fikk ikke kontakt med serveren. Sjekk nettforbindelsen og prøv igjen.
unexpected = Noe gikk galt. Prøv igjen.
internal_error = Noe gikk galt hos oss, og ingenting ble endret. Prøv igjen.
service_unavailable = Kinship er midlertidig utilgjengelig. Prøv igjen om litt.
pseudonym_length = Et kallenavn må være 2 til 32 tegn langt.
pseudonym_invalid = Et kallenavn må være 2 til 32 tegn, med bokstaver, tall, mellomrom og . _ - ' (og minst én bokstav eller ett tall).
pseudonym_reserved = Det navnet kan forveksles med en moderator, en administrator eller tjenesten selv. Velg gjerne et annet.
pseudonym_taken = Noen her bruker allerede det navnet (eller et som skrives nesten likt). Velg gjerne et annet.
already_member = Du er allerede med her.
application_pending = Forespørselen din venter allerede på en moderator.
invitation_required = Her blir man bare med gjennom invitasjon. Lim inn lenken du har fått.
invitation_not_found = Denne invitasjonen gjelder ikke for dette fellesskapet. Sjekk at du har fått med hele lenken.
invitation_invalid = Invitasjonen er ikke gyldig.
invitation_expired = Invitasjonen har gått ut. Be om en ny.
invitation_used_up = Invitasjonen er brukt opp. Be om en ny.
invitation_revoked = Invitasjonen er trukket tilbake. Be om en ny.
not_authenticated = Du er blitt logget ut. Logg inn igjen.
forbidden = Du har ikke tilgang til dette.
not_a_member = Dette er bare for medlemmer av fellesskapet.
last_admin = Et fellesskap trenger minst én administrator. Gjør noen andre til administrator først.
slug_format = Bruk 1 til 40 små bokstaver a–z, sifre og bindestrek. Det må begynne og slutte med en bokstav eller et siffer.
slug_invalid = Kortnavnet kan ha 1 til 40 små bokstaver a–z, sifre og bindestrek, og må begynne og slutte med en bokstav eller et siffer. Noen navn er reservert.
slug_taken = Det kortnavnet er allerede i bruk.
validation_failed = Noe i skjemaet er ikke riktig fylt ut. Se over og prøv igjen.
not_pending = Denne forespørselen er allerede behandlet.
community_not_found = Vi fant ikke det fellesskapet.
member_not_found = Vi fant ikke det medlemmet.
malformed_request = Forespørselen var ikke i orden. Last inn siden på nytt og prøv igjen.
`);

export const strings = { en, nb };
export default strings;
