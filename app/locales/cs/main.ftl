language-name = Čeština
language-switch-label = Jazyk
skip-to-content = Přeskočit na obsah

nav-label = Hlavní nabídka
nav-home = Domů
nav-proposals = Návrhy
nav-decisions = Hlasování
nav-me = Já

home-title = Spolu – domů
home-heading = Co by se na sídlišti mělo změnit?
home-intro = Tady můžete navrhnout, co zlepšit. Společně o tom mluvíme a jádrová skupina rozhoduje.
home-welcome-back = Vítejte zpět, { $name }.
home-see-proposals = Podívat se na návrhy
home-join-hint = Kód pozvánky dostanete v komunitním centru.


join = Přidat se
join-title = Přidat se ke Spolu
join-intro = Stačí kód pozvánky. Nepotřebujete e-mail ani telefonní číslo.
join-code = Kód pozvánky
join-code-hint = Je na lístku od pracovníků centra, třeba K7QM-3XPA.
join-display-name = Vaše jméno nebo přezdívka
join-display-name-hint = Tak vás uvidí ostatní. Z něj uděláme přihlašovací jméno, třeba „Jana K.“ → jana.k.
join-username = Přihlašovací jméno
join-username-hint = Malá písmena bez háčků a čárek, číslice, tečka nebo pomlčka.
join-password = Heslo
join-password-hint = Aspoň 8 znaků. Zapamatujte si ho.
join-have-account = Už jste se přidali?
show-password = Ukázat heslo
hide-password = Skrýt heslo

sign-in = Přihlásit se
sign-out = Odhlásit se
sign-in-forgot = Zapomněli jste heslo? Zajděte do komunitního centra, pomůžeme vám.
sign-in-no-account = Ještě nemáte účet?

me-role = Role
role-resident = obyvatel
role-core = jádrová skupina
role-staff = pracovník centra
role-admin = správce

invites-title = Kódy pozvánek
invites-intro = Vytvořte kódy a předejte je lidem osobně, nejlépe vytištěné. Každý kód platí jen jednou.
invites-role = Kdo se s kódem přidá
invites-count = Kolik kódů
invites-create = Vytvořit kódy

not-found-title = Tato stránka tu není
not-found-text = Možná se změnila adresa nebo je v ní překlep.
back-home = Zpět domů
forbidden-title = Sem nemáte přístup
gate-staff = Tuto stránku používají pracovníci centra ke své práci; otevřou ji jen oni, když se přihlásí.
gate-admins = Tady se nastavuje Spolu; stránku otevřou jen správci, když se přihlásí.
gate-members = Tuto stránku otevřou jen přihlášení členové.

error-bad-request = Formulář nedorazil celý. Zkuste to prosím znovu.
error-not-signed-in = Nejdřív se prosím přihlaste.
error-forbidden = Toto mohou dělat jen pracovníci centra.
error-not-found = To jsme nenašli.
error-too-many-attempts = Příliš mnoho pokusů.
error-too-many-attempts-wait = Příliš mnoho pokusů. Zkuste to znovu za { $minutes } { $minutes ->
        [one] minutu
        [few] minuty
       *[other] minut
    }. Nebo zajděte do komunitního centra, tam vám pomůžou hned.
error-not-saved = Neuloženo: Spolu teď nemůže nic zapsat. Zkuste to prosím za chvíli znovu.
error-internal = Něco se pokazilo. Zkuste to prosím za chvíli znovu.
error-username-missing = Napište přihlašovací jméno.
error-username-length = Přihlašovací jméno musí mít 3 až 32 znaků.
error-username-characters = Použijte jen malá písmena bez háčků a čárek, číslice, tečku nebo pomlčku.
error-username-taken = Toto jméno už někdo má. Zkuste jiné.
error-display-name-missing = Napište, jak vám máme říkat.
error-display-name-length = Jméno musí mít 2 až 40 znaků.
error-display-name-characters = Jméno obsahuje znaky, které nejdou použít.
error-password-short = Heslo musí mít aspoň 8 znaků.
error-password-long = Heslo je moc dlouhé.
error-invite-missing = Napište kód z lístku.
error-invite-mistyped = Tento kód nevypadá správně. Má 8 písmen a číslic, třeba K7QM-3XPA.
error-invite-unknown = Tento kód neznáme. Zkontrolujte ho, prosím.
error-invite-used = Tento kód už neplatí. Požádejte v centru o nový.
error-invite-expired = Tento kód už neplatí. Požádejte v centru o nový.
error-invite-count = Můžete vytvořit 1 až 50 kódů najednou.
error-role-unknown = Vyberte, kdo se s kódem přidá.
error-sign-in-wrong = Jméno nebo heslo nesedí. Zkuste to znovu.
error-language-unknown = Tento jazyk zatím nemáme.

propose = Navrhnout
home-newest = Nejnovější návrhy
new-proposal-title = Nový návrh
proposal-title = Název
proposal-title-hint = Nepovinné. Když ho nevyplníte, vezmeme začátek vašeho textu.
proposal-body = Co by se mělo změnit?
proposal-body-hint = Napište, co vadí a co by pomohlo. Stačí pár vět.
proposal-category = Oblast
proposal-place = Místo na sídlišti
proposal-place-none = Žádné konkrétní místo
proposal-photos = Fotky (nepovinné)
proposal-photos-hint = Nejvýš 4 fotky, každá do 10 MB.
photo-take = Vyfotit
photo-choose = Vybrat fotky z telefonu
photo-refused = Fotka { $number } ({ $name }):
photos-choose-again = Fotky se neuložily. Vyberte je prosím znovu.
photo-open = Zvětšit fotku { $number }
photo-close = Zavřít fotku
proposal-photo = Fotka k návrhu
proposal-by = Navrhuje { $name }, { $date }
proposal-history = Jak to šlo
edited = upraveno
support = Chci to taky
support-given = Chcete to taky.
support-take-back = Vzít zpět
supporters-count = { $count ->
        [0] Zatím to nikdo nepodpořil.
        [one] { $count } člověk to chce taky.
        [few] { $count } lidé to chtějí taky.
       *[other] { $count } lidí to chce taky.
    }
supports-count = Chce to taky: { $count }
comments-count = { $count ->
        [one] { $count } komentář
        [few] { $count } komentáře
       *[other] { $count } komentářů
    }
status-submitted = čeká na schválení
status-open = otevřený
status-voting = hlasuje se
status-accepted = přijato
status-rejected = zamítnuto
status-withdrawn = staženo
status-merged = sloučeno
search-label = Hledat slova
search-button = Hledat
filter-status = Stav
filter-all = Všechny
sort-label = Řadit
sort-newest = Nejnovější
sort-supported = Nejvíc podporované
sort-discussed = Naposledy probírané
proposals-none = Zatím tu žádné návrhy nejsou.
proposals-more = Další návrhy
error-title-missing = Napište krátký název.
error-title-long = Název může mít nejvýš 80 znaků.
error-body-missing = Napište, co by se mělo změnit.
error-body-long = Text může mít nejvýš 2 000 znaků.
error-category-missing = Vyberte oblast.
error-place-unknown = Toto místo neznáme. Vyberte ze seznamu.
error-photo-too-large = Je moc velká. Pošlete fotku do 10 MB.
error-photo-not-a-photo = Toto není fotka. Vyberte fotku JPEG, PNG nebo WebP.
error-photo-damaged = Fotka je poškozená nebo se nenahrála celá. Zkuste ji vybrat znovu.
error-photo-too-many = K návrhu patří nejvýš 4 fotky. Tuto jsme nepřidali.
error-support-own = Svůj vlastní návrh podpořit nemůžete.
error-support-closed = Tento návrh už podpořit nejde.
date = { $weekday } { $day }. { $month } { $year }
filters-summary = Hledat a řadit
send = Odeslat
save = Uložit
reply = Odpovědět
reply-label = Vaše odpověď
comment-label = Váš komentář
comment-sign-in = Přihlaste se a můžete se přidat do diskuse.
comment-deleted = Smazáno autorem.
comment-edit = Upravit
comment-delete = Smazat
error-comment-missing = Napište komentář.
error-comment-long = Komentář může mít nejvýš 1 000 znaků.
error-comment-closed = Tento návrh už diskusi nepřijímá.
error-comment-edit-late = Komentář jde upravit jen 15 minut po napsání.
comment-delete-confirm = Ano, smazat komentář
read-aloud = Přečíst nahlas
read-aloud-stop = Zastavit čtení
listen = Poslechnout
report = Nahlásit
report-why = Proč to hlásíte?
report-note = Pár slov pro moderátory (u „Něco jiného“ povinné)
report-sent = Nahlášeno. Moderátoři se na to podívají.
report-reason-offensive = Je to urážlivé
report-reason-personal-information = Jsou tu osobní údaje
report-reason-spam = Je to reklama nebo spam
report-reason-other = Něco jiného
error-report-reason = Vyberte, proč to hlásíte.
error-report-note-missing = Napište pár slov, co je špatně.
error-report-note-long = Poznámka může mít nejvýš 500 znaků.
error-limit-proposals = Dnes jste už poslali { $count ->
        [one] { $count } návrh
        [few] { $count } návrhy
       *[other] { $count } návrhů
    }. Další můžete zítra.
error-limit-comments = Za poslední hodinu jste napsali { $count ->
        [one] { $count } komentář
        [few] { $count } komentáře
       *[other] { $count } komentářů
    }. Další můžete za chvíli.
withdraw = Stáhnout návrh
withdraw-explain = Návrh zůstane vidět jako stažený. Podpořit ani o něm hlasovat už nepůjde.
withdraw-confirm = Ano, stáhnout návrh
error-withdraw-late = Návrh už stáhnout nejde: hlasuje se o něm nebo je rozhodnuto.
edit-proposal = Upravit návrh
back-to-proposal = Zpět na návrh
error-edit-late = Návrh už upravit nejde: hlasuje se o něm nebo je rozhodnuto.
error-edit-hidden = Moderátoři návrh skryli, upravit ho teď nejde.
error-edit-not-yours = Upravit ho může jen ten, kdo ho navrhl, nebo pracovníci centra.
approve = Schválit

## Decisions
decisions-none = Zatím tu není žádné hlasování.
decision-open = probíhá
decision-scheduled = připravené
decision-closed = skončilo
decision-cancelled = zrušené
decision-read-proposal = Přečíst návrh
decision-who-core = Hlasuje jádrová skupina.
decision-who-members = Hlasují všichni členové.
rule-single = Návrh projde, když bude víc hlasů Ano než Ne. Hlasovat musí aspoň { $quorum } { $quorum ->
        [one] člověk
        [few] lidé
       *[other] lidí
    }.
decision-opens = Začne { $when }.
decision-closes = Hlasovat můžete do { $when }.
decision-ended = Skončilo { $when }.
vote-now = Hlasovat
vote-change = Změnit hlas
vote-yes = Ano
vote-no = Ne
vote-abstain = Zdržuji se
vote-saved = Váš hlas je uložen: { $choice }. Do konce hlasování ho můžete změnit.
vote-took-part = Hlasovali jste. Jak, to nikdo nevidí.
vote-sign-in = Přihlaste se a můžete hlasovat.
vote-only-core = O tomto návrhu hlasuje jen jádrová skupina.
vote-not-open-yet = Hlasování ještě nezačalo.
vote-over = Hlasování skončilo.
decision-cancelled-because = Hlasování bylo zrušeno: { $reason }
result-title = Výsledek
result-accepted = Návrh byl přijat.
result-rejected = Návrh nebyl přijat.
result-no-quorum = Hlasovalo méně lidí, než bylo potřeba. Návrh nebyl přijat.
result-no-quorum-short = Hlasovalo málo lidí.
result-turnout = { $voters ->
        [one] Hlasoval
        [few] Hlasovali
       *[other] Hlasovalo
    } { $voters } z { $eligible } { $eligible ->
        [one] člověka, který mohl
        [few] lidí, kteří mohli
       *[other] lidí, kteří mohli
    }.
result-quorum-met = Potřeba bylo aspoň { $quorum }, to se splnilo.
result-quorum-missed = Potřeba bylo aspoň { $quorum }, to se nesplnilo.
decision-manage = Pro pracovníky centra
close-now = Ukončit hlasování teď
close-now-explain = Výsledek se ukáže hned.
cancel-decision = Zrušit hlasování
cancel-reason = Proč? Uvidí to všichni.
cancel-confirm = Zrušit hlasování
open-decision = Otevřít hlasování
open-decision-title = Hlasování o návrhu
decision-eligibility = Kdo hlasuje
eligibility-core = Jádrová skupina
eligibility-members = Všichni členové
decision-opens-label = Kdy začne
opens-now = Hned
opens-later = V určený čas
decision-opens-at = Začátek (datum a čas)
decision-closes-label = Konec (datum a čas)
decision-quorum-label = Kolik lidí musí hlasovat
decision-quorum-hint = Když jich bude méně, návrh přijatý nebude.
decision-rule-label = Pravidlo:
decision-rule-before = Návrh projde, když bude víc hlasů Ano než Ne. Hlasovat musí aspoň tolik lidí, kolik napíšete výše. Po otevření už nic z toho změnit nejde.
error-decision-proposal-not-open = O tomto návrhu teď hlasovat nejde. Hlasovat se dá jen o otevřeném návrhu.
error-decision-eligibility = Vyberte, kdo hlasuje.
error-quorum-range = Napište číslo od 1 do 10 000.
error-decision-opens-at = Napište datum a čas, který teprve přijde.
error-decision-closes-at = Napište, kdy hlasování skončí. Konec musí být až po začátku.
error-vote-choice = Vyberte „ano“, „ne“, nebo „zdržuji se“.
error-vote-closed = Hlasování už skončilo. Tento hlas jsme nezapočítali.
error-decision-not-open = Toto hlasování už neprobíhá.
error-cancel-reason = Napište důvod, nejvýš 500 znaků.
error-dots-per-voter = Napište počet bodů od 1 do 20.
error-dots-per-proposal = Na jeden návrh může jít nejvýš tolik bodů, kolik má každý celkem.
error-dots-too-many-on-one = Na jeden návrh jste dali víc bodů, než jde.
error-dots-too-many = Rozdali jste víc bodů, než máte.
error-dots-none = Dejte aspoň jeden bod.
decision-see = Hlasování a výsledek
home-waiting-votes = Čeká na váš hlas
meeting-title = Hlasování ze schůzky
meeting-day = Den schůzky
meeting-note = Poznámka
meeting-note-hint = Třeba „schůzka jádrové skupiny, přítomno 12 lidí“. Uvidí ji všichni.
meeting-rule = Počítá se stejně jako v aplikaci: návrh projde, když je víc hlasů Ano než Ne. Hlasovat musí aspoň tolik lidí, kolik je napsáno výše.
meeting-save = Uložit výsledek
record-meeting = Zapsat hlasování ze schůzky
decided-at-meeting = Rozhodnuto na schůzce { $when }: { $note }
error-count-range = Napište počet od 0 do 10 000.
error-meeting-date = Napište den schůzky. Nesmí být v budoucnosti.
error-meeting-note = Napište krátkou poznámku, nejvýš 500 znaků.
assist-title = Pomoc s hlasováním
assist-intro = Člověk, který přišel do centra, napíše své jméno a heslo a sám vybere. Zapíše se, že jste pomáhali, ale ne jak hlasoval.
assist-back = Zpět na hlasování
assist-choice = Jak hlasuje
assist-save = Uložit hlas
assist-saved = Hlas je uložen. Formulář je prázdný pro dalšího člověka.
assist-link = Pomoci někomu hlasovat
error-assist-not-eligible = Tento člověk v tomto hlasování hlasovat nemůže.
result-ranked = Pořadí podle bodů:
poll-title = Anketa: co je nejdůležitější
poll-intro = Každý rozdělí několik bodů mezi návrhy. Výsledkem je pořadí. Stav návrhů se nemění.
poll-name = Otázka
poll-name-hint = Třeba „Co udělat na jaře jako první?“
poll-proposals = Které návrhy (aspoň dva otevřené)
poll-dots = Kolik bodů má každý
poll-dots-per-proposal = Kolik bodů nejvýš na jeden návrh
poll-quorum = Kolik lidí musí hlasovat, aby anketa platila
poll-rule = Vyhrává návrh s nejvíce body. Anketa platí, když hlasuje aspoň tolik lidí, kolik napíšete. Po otevření už nic z toho změnit nejde.
poll-open = Nová anketa
rule-priority = Každý má { $dots } { $dots ->
        [one] bod
        [few] body
       *[other] bodů
    } a na jeden návrh může dát nejvýš { $most }. Vyhrává návrh s nejvíce body. Anketa platí, když { $quorum ->
        [one] hlasuje aspoň { $quorum } člověk
        [few] hlasují aspoň { $quorum } lidé
       *[other] hlasuje aspoň { $quorum } lidí
    }.
dots-title = Rozdělte své body
dots-hint = Máte { $dots } { $dots ->
        [one] bod
        [few] body
       *[other] bodů
    }, na jeden návrh nejvýš { $most }. Nemusíte rozdat všechny.
dots-save = Uložit body
dots-saved = Vaše body jsou uložené. Do konce ankety je můžete změnit.
error-poll-title = Napište otázku, nejvýš 200 znaků.
error-poll-proposals = Vyberte aspoň dva otevřené návrhy.
meeting-poll-title = Zapsat anketu ze schůzky
meeting-poll-intro = Napište, kolik bodů dostal který návrh na schůzce. Návrh, u kterého nic nenapíšete, v anketě nebude.
meeting-poll-dots = Body pro každý návrh
meeting-poll-voters = Kolik lidí dávalo body

## Moderation
error-suspended = Váš účet je pozastavený. Číst můžete, psát a hlasovat zatím ne.
suspended-notice = Váš účet je pozastavený do { $date }. Důvod: { $reason }. Do té doby můžete jen číst.
hidden-by-moderators = Skryto moderátory: { $reason }
edited-by-moderators = Upraveno moderátory: { $note }
waiting-for-moderator = Čeká na moderátora. Ostatní to uvidí, až to schválí.
written-with-help = Napsáno s pomocí: { $name }
discussion-locked = Moderátoři diskusi uzavřeli. Komentáře zůstávají, nové přidat nejde.
hidden-proposal-title = Skrytý návrh č. { $id }
decision-about-hidden = Hlasování o skrytém návrhu
merged-into = Sloučeno s návrhem č. { $id }
moderate = Moderovat
hide-reason-personal-information = osobní údaje
hide-reason-offensive = urážlivý obsah
hide-reason-spam = reklama nebo spam
hide-reason-off-topic = nepatří sem
hide-reason-other = jiný důvod (napište)
error-hide-reason = Vyberte důvod.
error-note-missing = Napište pár slov.
error-note-long = Nejvýš 200 znaků.
error-already-hidden = Už je skryté.
error-not-hidden = Není skryté.
error-no-reports = Nahlášení už někdo vyřídil.
error-already-locked = Diskuse už je uzavřená.
error-not-locked = Diskuse není uzavřená.
error-merge-target = Napište číslo otevřeného návrhu, se kterým se má sloučit.
error-merge-self = Návrh nejde sloučit sám se sebou.
error-merge-late = Tento návrh už sloučit nejde (hlasuje se o něm nebo je uzavřený).
error-comment-locked = Diskuse je uzavřená, nový komentář přidat nejde.
moderation-title = Moderování
staff-tools = Nástroje pracovníků
moderation-all = Celá fronta
moderation-empty = Nic nečeká. Děkujeme!
moderation-reported = Nahlášené
moderation-waiting = Čeká na schválení
moderation-hidden = Skryté
queue-proposal = Návrh č. { $id }
queue-comment = Komentář k návrhu „{ $title }“
queue-by = { $name }, { $date }
queue-reasons = Proč to lidé nahlásili
queue-reason = { $reason } ({ $count }×)
dismiss-reports = Je to v pořádku
restore = Znovu zobrazit
lock-discussion = Uzavřít diskusi
unlock-discussion = Otevřít diskusi
hide-why = Proč skrýt (uvidí to všichni)
hide-written = Jiný důvod vlastními slovy
hide = Skrýt
moderator-edit = Upravit text
moderator-edit-text = Text
moderator-edit-note = Co jste změnili (uvidí to všichni)
merge = Sloučit s jiným návrhem
merge-into = Číslo návrhu, se kterým sloučit
log-title = Záznam moderování
log-staff = Kdo
log-anyone = Kdokoli
log-action = Co
log-any-action = Cokoli
log-from = Od
log-to = Do
log-filter = Vybrat
log-empty = Žádné záznamy.
log-older = Starší záznamy
log-member = Koho se to týká
log-reason = Proč
log-target-proposal = návrh
log-target-comment = komentář
log-action-hide = skryl(a)
log-action-restore = znovu zobrazil(a)
log-action-dismiss = nahlášení uznal(a) za v pořádku
log-action-edit = upravil(a)
log-action-lock = uzavřel(a) diskusi
log-action-unlock = otevřel(a) diskusi
log-action-merge = sloučil(a)
log-action-approve = schválil(a)
log-action-suspend = pozastavil(a) účet
log-action-lift-suspension = zrušil(a) pozastavení
log-action-add-to-core = přidal(a) do jádrové skupiny
log-action-remove-from-core = odebral(a) z jádrové skupiny
log-action-reset-password = vydal(a) kód pro nové heslo
log-action-create-invites = vytvořil(a) pozvánky
log-action-revoke-invite = zrušil(a) pozvánku
log-action-write-for-member = napsal(a) za člena
log-action-change-settings = změnil(a) nastavení
members-title = Členové
log-action-change-role = změnil(a) roli
sign-in-have-reset-code = Máte kód pro nové heslo?
reset-title = Nové heslo
reset-intro = Napište kód, který vám dali v centru, a nové heslo. Kód platí dva dny a jen jednou.
reset-code = Kód pro nové heslo
reset-password = Nové heslo
reset-save = Uložit heslo a přihlásit se
error-reset-code = Tento kód nefunguje. Možná už byl použitý nebo vypršel. Požádejte v centru o nový.
members-search = Jméno nebo přezdívka
members-none = Nikoho jsme nenašli.
member-suspended = Pozastaveno do { $date }: { $reason }
member-reset-code = Kód pro nové heslo:
member-make-reset = Kód pro nové heslo
member-lift = Zrušit pozastavení
member-suspend = Pozastavit účet
member-suspend-until = Do kterého dne (včetně)
member-suspend-reason = Důvod (člen ho uvidí)
member-role = Role
member-role-save = Změnit roli
core-add = Přidat do jádrové skupiny
core-remove = Odebrat z jádrové skupiny
error-member-self = Toto nejde udělat u vlastního účtu.
error-core-unchanged = Už to tak je.
error-role-unchanged = Tuto roli už má.
error-not-suspended = Účet není pozastavený.
error-suspend-until = Vyberte den, který ještě nebyl.
invites-none = Zatím žádné kódy.
invites-valid-for = Jak dlouho kódy platí
invites-week = týden
invites-month = měsíc
invites-three-months = tři měsíce
invites-note = Poznámka
invites-note-hint = Uvidí ji jen pracovníci, třeba „pro paní K.“
invites-batches = Vytvořené kódy
invites-batch = { $count } × { $role }, { $date }
invites-batch-by = Vytvořil(a) { $name }, platí do { $date }
invites-print = Vytisknout nepoužité ({ $count })
invite-unused = nepoužitý
invite-used-by = použil(a) { $name }
invite-expired = vypršel
invite-revoked = zrušený
invite-revoke = Zrušit
invite-revoke-code = Zrušit kód { $code }
error-revoke-late = Tento kód už zrušit nejde: byl použitý nebo zrušený.
print-title = Tisk pozvánek
print-intro = Vytiskněte tuto stránku (Ctrl+P) na papír A4 a lístky rozstříhejte. Tisknou se jen nepoužité kódy.
print-back = Zpět na kódy pozvánek
print-none = V této dávce už není žádný nepoužitý kód.
print-code = Váš kód
print-valid-until = Platí do { $date }.
print-step-open = Naskenujte čtvereček telefonem, nebo otevřete { $address }
print-step-write = Napište kód, své jméno nebo přezdívku a heslo. Hotovo!
writing-for = Píšete za: { $name }. Uloží se to jako { $name } s poznámkou, že jste pomohli.
write-for-title = Napsat za člena
write-for-intro = Člen je u vás a požádal o pomoc. Napište, co říká, jeho slovy.
assist-propose = Napsat návrh
assist-comment = Napsat komentář
assist-proposal-number = Číslo návrhu
error-assist-proposal = Návrh s tímto číslem nejde komentovat.
member-write-for = Napsat za člena
word-list-title = Slova, která zadrží příspěvek
word-list-hint = Nový návrh nebo komentář s některým z těchto slov počká na schválení. Jedno slovo nebo spojení na řádek; velká písmena ani háčky nevadí. Hvězdička na konci platí pro začátek slova: „půjč*“ zadrží „půjčka“ i „půjčky“.
word-list-label = Slova (jedno na řádek)
admin-title = Nastavení
admin-intro = Platí hned pro všechny. Každá změna se zapíše do záznamu moderování.
admin-estate-name = Název sídliště (v záhlaví)
admin-public-reading = Návrhy a výsledky si může přečíst i nepřihlášený návštěvník
admin-pre-moderation = Nové návrhy čekají na schválení pracovníkem
admin-default-eligibility = Kdo hlasuje, když to pracovník nezmění
admin-proposals-per-day = Kolik návrhů za den smí napsat jeden člověk
admin-comments-per-hour = Kolik komentářů za hodinu smí napsat jeden člověk
admin-word-list = Slova, která zadrží příspěvek, se upravují na stránce Moderování.
error-estate-name = Napište název, nejvýš 60 znaků.
error-proposals-per-day = Napište číslo od 1 do 100.
error-comments-per-hour = Napište číslo od 1 do 500.
error-eligibility = Vyberte, kdo hlasuje.
kiosk-title = Tento přístroj
kiosk-intro = Na sdíleném tabletu v centru Spolu člověka samo odhlásí, když chvíli nic nedělá. Nahoře je pak velké tlačítko Odhlásit. Platí to jen pro přístroj, na kterém to zapnete.
kiosk-on = Tento přístroj je sdílený tablet: odhlásí po { $minutes } min bez činnosti.
kiosk-minutes = Odhlásit po kolika minutách bez činnosti
kiosk-turn-on = Zapnout pro tento přístroj
kiosk-turn-off = Vypnout pro tento přístroj
error-kiosk-minutes = Napište číslo od 1 do 120.
categories-title = Oblasti a místa
categories-intro = Z oblastí a míst lidé vybírají u nového návrhu. Archivované zůstanou u starých návrhů, ale už se nenabízejí.
categories-heading = Oblasti
places-heading = Místa
category-new = Nová oblast
category-name-cs = Název česky
category-name-en = Název anglicky
category-icon = Obrázek
category-colour = Barva
catalog-position = Pořadí (menší číslo je výš)
catalog-archived = Archivovat (už nenabízet)
catalog-add = Přidat
place-new = Nové místo
place-name = Název místa
place-description = Krátký popis (nepovinné)
icon-playground = hřiště
icon-broom = koště
icon-tree = strom
icon-shield = štít
icon-building = dům
icon-car = auto
icon-people = lidé
icon-dots = tři tečky
error-category-name = Napište název, nejvýš 40 znaků.
error-category-icon = Vyberte obrázek.
error-category-colour = Vyberte barvu.
error-position = Napište číslo od 0 do 999.
error-place-name = Napište název, nejvýš 80 znaků.
error-place-description = Nejvýš 200 znaků.
admin-site-name = Název stránky (v záhlaví, místo „Spolu“)
error-site-name = Napište název, nejvýš 60 znaků.

## Outcomes: what became of a decided proposal
log-action-publish-outcome = napsal(a), co bude dál
log-action-update-outcome = přidal(a) novinku
stage-planned = naplánováno
stage-in-progress = pracuje se na tom
stage-done = hotovo
stage-not-possible = nejde to udělat
error-outcome-text-missing = Napište pár slov.
error-outcome-text-long = Text je moc dlouhý. Zkraťte ho prosím.
error-who-does-long = Zkraťte to prosím na 200 znaků.
error-date = Vyberte den v kalendáři.
error-outcome-stage = Vyberte, jak to vypadá.
error-outcome-reason = Napište, proč to nejde udělat.
error-outcome-not-decided = Co bude dál, jde napsat, až se o návrhu rozhodne.
error-outcome-missing = Nejdřív napište, co bude dál.
outcome-title = Co bude dál
outcome-timeline = Jak to jde
outcome-none-yet = Co bude dál, zatím nikdo nenapsal.
outcome-published = Zveřejněno, co bude dál
outcome-why-not = Proč to nejde:
outcome-who = Kdo to udělá
outcome-due = Do kdy
outcome-publish = Zveřejnit, co bude dál
outcome-correct = Opravit, co bude dál
outcome-summary = Co se rozhodlo
outcome-summary-hint = Jednoduše, jako byste to říkali sousedovi.
outcome-who-does = Kdo co udělá
outcome-who-does-hint = Například: „Lavičky opraví technické služby města.“
outcome-due-on = Do kdy (když to víte)
outcome-stage = Jak to vypadá
outcome-reason = Proč to nejde udělat
outcome-reason-hint = Jen když jste vybrali „nejde to udělat“.
outcome-add-update = Přidat novinku
outcome-update-body = Co je nového
outcome-update-hint = Co se od minula změnilo. Můžete přidat fotku.
outcome-update-stage = Změnit stav
outcome-stage-same = nechat, jak je
outcomes-title = Co se změnilo
outcomes-counts = Letos hotovo: { $done }. Pracuje se: { $progress }. Naplánováno: { $planned }. Nejde to: { $impossible }.
outcomes-show = Zobrazit
outcomes-none = Tady zatím nic není.
outcome-before = Předtím
outcome-after = Teď
outcome-changed-on = Naposledy změněno { $date }
home-what-changed = Co se změnilo

## Notifications
nav-notifications = Oznámení
nav-unread = { $count ->
        [one] { $count } nepřečtené
        [few] { $count } nepřečtená
       *[other] { $count } nepřečtených
    }
notifications-title = Oznámení
notifications-none = Zatím žádná oznámení. Až vám někdo odpoví nebo se něco stane s vaším návrhem, uvidíte to tady.
notifications-read-all = Označit vše jako přečtené
notification-new = Nové
notification-mark-read = Označit jako přečtené
notification-about-hidden = skrytý návrh
notification-reason = Důvod:
notification-note = Poznámka:
notification-result = Výsledek:
notification-stage = Stav:
notify-reply = Někdo odpověděl u návrhu „{ $about }“.
notify-hidden = Moderátoři skryli váš příspěvek u návrhu „{ $about }“.
notify-edited = Moderátoři upravili váš příspěvek u návrhu „{ $about }“.
notify-merged = Váš návrh „{ $about }“ byl sloučen s podobným návrhem.
notify-approved = Moderátoři schválili váš příspěvek u návrhu „{ $about }“. Teď ho vidí všichni.
notify-decision-opened = Začalo hlasování: „{ $about }“. Můžete hlasovat.
notify-decision-closed = Je rozhodnuto: „{ $about }“.
notify-outcome-published = Víme, co bude dál: „{ $about }“.
notify-outcome-updated = Novinka u návrhu „{ $about }“.
notify-result-accepted = přijato
notify-result-rejected = zamítnuto
notify-result-no-quorum = hlasovalo málo lidí
notify-result-ranked = pořadí je známé

## My account and privacy
me-settings = Můj účet
me-rename = Změnit jméno
me-saved = Uloženo.
me-password = Změnit heslo
me-current-password = Současné heslo
me-new-password = Nové heslo
me-password-save = Změnit heslo
me-password-saved = Heslo je změněné.
me-language = Jazyk
me-data = Moje údaje
error-password-wrong = Současné heslo nesedí.
privacy-title = Co o vás Spolu ví
privacy-lead = Spolu o vás ví jen to nejnutnější. Nepotřebuje e-mail ani telefon.
privacy-what = Co si pamatujeme
privacy-what-1 = Vaše přihlašovací jméno, jméno, které vidí ostatní, heslo (zašifrované, nikdo ho nepřečte), jazyk a jestli jste v jádrové skupině.
privacy-what-2 = Co napíšete: návrhy, komentáře, fotky, které návrhy podporujete a co nahlásíte. Z fotek mažeme údaje o místě, kde vznikly.
privacy-why = Proč
privacy-why-1 = Aby sousedé viděli, kdo co navrhl, a aby hlasovali jen ti, kdo mohou. Nic neprodáváme a nikomu nepředáváme.
privacy-who = Kdo to vidí
privacy-who-1 = Návrhy a komentáře vidí všichni, kdo Spolu čtou. Pracovníci centra vidí i skryté příspěvky, aby je mohli posoudit.
privacy-who-2 = Každý krok pracovníků centra se zapisuje, takže se dá zpětně zjistit, kdo co udělal.
privacy-votes = Hlasování je tajné
privacy-votes-1 = Po skončení hlasování zůstane jen počet hlasů. Nikde není vidět, jak kdo hlasoval.
privacy-yours = Co můžete udělat vy
privacy-yours-1 = Na stránce „Já“ si můžete změnit jméno, heslo a jazyk.
privacy-yours-2 = Tamtéž si můžete stáhnout všechno, co o vás Spolu ví, a smazat svůj účet. Vaše příspěvky pak buď zůstanou podepsané „smazaný účet“, nebo se smažou. Účet nikdy nemažeme jen proto, že ho dlouho nepoužíváte.
me-download = Stáhnout moje údaje
me-download-hint = Soubor se vším, co o vás Spolu ví (JSON). Jak jste hlasovali, v něm není – to se nikde neukládá.
me-delete = Smazat můj účet
me-delete-explain = Účet smažete natrvalo a už se nepřihlásíte. Nepůjde to vrátit. Zmizí, co jste podpořili a nahlásili, i vaše oznámení. Hlas v hlasování, které ještě běží, se nezapočítá. Výsledky skončených hlasování se nezmění.
me-delete-posts = Co s tím, co jste napsali?
me-delete-keep = Nechat návrhy a komentáře, podepsané „smazaný účet“
me-delete-remove = Smazat text mých návrhů a komentářů i fotky
me-delete-password = Vaše heslo (pro potvrzení)
me-delete-confirm = Smazat účet natrvalo
error-posts-choice = Vyberte, co s vašimi příspěvky.
former-member = smazaný účet
hide-reason-author-removed = smazáno autorem
home-deleted = Váš účet je smazaný. Děkujeme, že jste byli s námi.

## Staff's downloads and open data
exports-title = Data ke stažení
exports-intro = Tabulky pro zprávy městu nebo dárcům. Otevřete je v Excelu; česká písmena zůstanou v pořádku. U hlasování jsou jen počty hlasů, nikdy kdo jak hlasoval.
exports-proposals = Návrhy (CSV)
exports-outcomes = Co bude s návrhy dál (CSV)
exports-decisions = Výsledky hlasování (CSV)
exports-api = Otevřená data
exports-api-intro = Veřejné návrhy, výsledky a výsledky hlasování jsou i jako otevřená data pro aplikace. Popis je tady:
me-download-failed = Stažení se nepovedlo. Zkuste to prosím znovu.
sending-shrinking = Zmenšuji fotky, aby se poslaly rychle…
sending-percent = Posílám: { $percent } %
sending-done = Odesláno.
sending-failed = Neodesláno. Zkontrolujte připojení k internetu a zkuste to znovu.
proposal-category-hint = Když žádnou nevyberete, dáme návrh do „Jiné“.
decision-who-core-past = Hlasovala jádrová skupina.
decision-who-members-past = Hlasovat mohli všichni členové.
result-turnout-meeting = Na schůzce { $voters ->
        [one] hlasoval { $voters } člověk
        [few] hlasovali { $voters } lidé
       *[other] hlasovalo { $voters } lidí
    }.
hide-reason-choose = Vyberte důvod
join-own-username = Chci si vybrat jiné přihlašovací jméno
home-joined = Vítejte ve Spolu! Příště se přihlásíte jménem { $username } a svým heslem. Zapamatujte si je.
date-time = { $date }, { $time }
month-1 = ledna
month-2 = února
month-3 = března
month-4 = dubna
month-5 = května
month-6 = června
month-7 = července
month-8 = srpna
month-9 = září
month-10 = října
month-11 = listopadu
month-12 = prosince
weekday-1 = pondělí
weekday-2 = úterý
weekday-3 = středa
weekday-4 = čtvrtek
weekday-5 = pátek
weekday-6 = sobota
weekday-7 = neděle
log-invites-made = { $count } { $count ->
        [one] kód
        [few] kódy
       *[other] kódů
    } pro: { $who }
log-setting-site = nastavení Spolu
log-setting-category = oblast „{ $name }“
log-setting-place = místo „{ $name }“
log-setting-word-list = seznam slov ({ $count })
outcome-more = Víc
support-given-past = Chtěli jste to taky.
proposals-which = Které návrhy
proposals-all = Všechny návrhy
proposals-supported = Co chci taky
join-username-optional = Přihlašovací jméno (nepovinné)
weekday-on-1 = v pondělí
weekday-until-1 = pondělí
weekday-on-2 = v úterý
weekday-until-2 = úterý
weekday-on-3 = ve středu
weekday-until-3 = středy
weekday-on-4 = ve čtvrtek
weekday-until-4 = čtvrtka
weekday-on-5 = v pátek
weekday-until-5 = pátku
weekday-on-6 = v sobotu
weekday-until-6 = soboty
weekday-on-7 = v neděli
weekday-until-7 = neděle
proposal-sent = Odesláno. Děkujeme! Sousedé teď váš návrh uvidí.
proposal-sent-waiting = Odesláno. Děkujeme! Ostatní návrh uvidí, až ho pracovníci centra schválí.
voice-label = Hlasová zpráva
voice-hint = Nechce se vám psát? Řekněte to nahlas. Nejvýš 2 minuty. Než to uvidí ostatní, poslechnou si to pracovníci centra.
voice-record = Nahrát hlas
voice-stop = Zastavit
voice-recording = Nahrávám… { $time }
voice-recorded = Nahráno: { $time }. Teď to odešlete.
voice-no-microphone = Mikrofon se nepodařilo zapnout. Zkuste vybrat nahrávku z telefonu.
voice-send = Poslat hlasovou zprávu
voice-comment-open = Říct to hlasem
voice-of-author = Hlas autora
voice-waiting-text = Hlasová zpráva. Pracovníci centra ji poslechnou a napíšou slovy.
voice-only-title = Hlasová zpráva
voice-only-body = Návrh namluvený hlasem. Pracovníci centra ho poslechnou a napíšou slovy.
voice-only-comment = Hlasová zpráva. Pracovníci centra ji poslechnou a napíšou slovy.
voice-write-first = Poslechněte si zprávu a napište ji slovy (Upravit text). Pak ji můžete schválit.
error-voice-too-large = Nahrávka je moc velká. Pošlete nahrávku do 10 MB.
error-voice-too-long = Nahrávka je delší než 2 minuty. Zkraťte ji prosím.
error-voice-not-audio = Tohle není zvuková nahrávka. Nahrajte hlas nebo vyberte nahrávku z telefonu.
error-voice-unavailable = Hlasové zprávy teď nejdou poslat. Napište to prosím slovy.
error-voice-missing = Nahrajte hlas nebo vyberte nahrávku.
error-voice-needs-text = Nejdřív zprávu napište slovy (Upravit text), pak ji schvalte.
voice-written-note = Napsáno podle hlasové zprávy
voice-choose = Namluvit v telefonu nebo vybrat nahrávku
reading-open = Namluvit vlastním hlasem
reading-hint = Vaše nahrávka se bude přehrávat místo strojového hlasu, dokud se text nezmění. Můžete ho přečíst třeba romsky. Nejvýš 2 minuty.
reading-save = Uložit nahrávku

## Oznámení v telefonu
push-title = Spolu
push-section = Oznámení v telefonu
push-explain = Spolu vám dá vědět do telefonu, když vám někdo odpoví, začne hlasování nebo se něco stane s vaším návrhem. V noci (od 22 do 7 hodin) je klid.
push-needs-script = Tady se oznámení zapnout nedají: prohlížeč to neumí, nebo má vypnutý JavaScript.
push-turn-on = Zapnout oznámení v tomto telefonu
push-turned-on = Hotovo. Oznámení budou chodit do tohoto telefonu.
push-denied = Telefon oznámení nepovolil. Povolte je v nastavení prohlížeče a zkuste to znovu.
push-failed = Oznámení se teď nepodařilo zapnout. Zkuste to prosím znovu.
push-this-device = Tento telefon
push-devices = Kam oznámení chodí
push-device-unknown = Zařízení
push-no-devices = Zatím nikam.
push-since = od
push-forget = Odebrat
push-what = Co vám má přijít
push-topic-replies = Někdo mi odpověděl
push-topic-votes = Začalo hlasování, ve kterém můžu hlasovat
push-topic-reminders = Připomenutí, že hlasování zítra končí
push-topic-results = Výsledek hlasování
push-topic-outcomes = Co se děje s mými návrhy a s návrhy, které podporuji nebo komentuji
push-topic-moderation = Co moderátoři udělali s mými příspěvky
push-topic-queue = Něco čeká na kontrolu (pro pracovníky)
notify-decision-closing = Hlasování „{ $about }“ zítra končí. Ještě jste nehlasovali.
notify-waiting = Na kontrolu čeká příspěvek u návrhu „{ $about }“.
error-push-service = Tuto adresu pro oznámení Spolu nezná. Zkuste jiný prohlížeč.
error-push-keys = Prohlížeč poslal neplatné klíče. Zkuste oznámení zapnout znovu.

## Plakáty na nástěnku
poster-print = Plakát na nástěnku
poster-title = Plakát
poster-hint = Vytiskněte tuto stránku na papír A4 (v prohlížeči Tisk nebo Ctrl+P). Vytiskne se jen plakát.
poster-back = Zpět
poster-scan = Namiřte fotoaparát telefonu na kód. Nebo napište adresu:
poster-vote-open = Hlasování je otevřené
poster-vote-soon = Brzy se bude hlasovat
poster-decided = Je rozhodnuto
poster-cancelled = Hlasování je zrušené
poster-outcome = Co se děje s návrhem
poster-week = Co je nového
poster-week-none = Tento týden nic nového. Napište návrh vy!
poster-week-invite = Máte nápad, co zlepšit? Napište ho do Spolu.
poster-week-print = Plakát „Co je nového“

## Text messages (SMS)
sms-section = Textové zprávy (SMS)
sms-explain = Nemáte chytrý telefon? Zadejte číslo a pošleme vám SMS, jen když jde o hodně: začne hlasování, ve kterém můžete hlasovat, je znám jeho výsledek, nebo se něco děje s vaším návrhem.
sms-number = Telefonní číslo
sms-consent = Souhlasím, aby mi Spolu posílalo SMS na toto číslo.
sms-save = Uložit číslo
sms-saved = Číslo je uložené.
sms-your-number = SMS posíláme na číslo
sms-remove = Smazat číslo
sms-member-number = SMS chodí na číslo
sms-member-add = Přidat číslo pro SMS
sms-member-consent = Člověk souhlasí, aby mu Spolu posílalo SMS na toto číslo.
sms-gateway-intro = SMS posílá brána centra, třeba telefon s aplikací pro odesílání SMS. Když adresu necháte prázdnou, SMS se neposílají.
sms-gateway-url = Adresa brány
sms-gateway-username = Přihlašovací jméno do brány
sms-gateway-password = Heslo do brány
sms-gateway-password-kept = Heslo je uložené. Nové zadejte, jen když ho chcete změnit.
sms-gateway-body = Co posíláme bráně
sms-gateway-body-hint = Na místo {"{number}"} přijde číslo, na místo {"{text}"} text zprávy.
sms-gateway-cap = Nejvíc SMS za měsíc
sms-gateway-used = Tento měsíc odešlo { $sent } z { $cap } SMS.
error-phone-missing = Napište telefonní číslo.
error-phone-invalid = Tohle nevypadá jako telefonní číslo. Zkuste to takhle: 777 123 456.
error-sms-not-offered = SMS se teď neposílají.
error-sms-consent = Zaškrtněte, že s posíláním SMS souhlasíte.
error-sms-no-number = Žádné číslo tu není uložené.
error-sms-url = Adresa brány začíná http:// nebo https://.
error-sms-body = Text pro bránu musí obsahovat {"{number}"} i {"{text}"}.
error-sms-cap = Napište počet od 0 do 100 000.
error-sms-credentials = Jméno nebo heslo je moc dlouhé.
log-action-set-phone = uložil(a) číslo pro SMS
log-action-remove-phone = smazal(a) číslo pro SMS
push-prompt-title = Chcete vědět, co bude dál?
push-prompt-text = Telefon vám dá vědět, když vám někdo odpoví, když začne hlasování nebo když je rozhodnuto.
push-prompt-settings = Nastavení oznámení v telefonu
push-save = Uložit výběr oznámení
sms-gateway-save = Uložit nastavení SMS
