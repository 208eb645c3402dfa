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
join-display-name = Vaše jméno
join-display-name-hint = Tak vás uvidí ostatní. Může to být i přezdívka.
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

not-found-title = Tahle stránka tu není
not-found-text = Možná se změnila adresa nebo je v ní překlep.
back-home = Zpět domů
forbidden-title = Sem nemáte přístup

error-bad-request = Formulář nedorazil celý. Zkuste to prosím znovu.
error-not-signed-in = Nejdřív se prosím přihlaste.
error-forbidden = Tohle mohou dělat jen pracovníci centra.
error-not-found = To jsme nenašli.
error-too-many-attempts = Příliš mnoho pokusů.
error-too-many-attempts-wait = Příliš mnoho pokusů. Zkuste to znovu za { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minuty
       *[other] { $minutes } minut
    }.
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
error-invite-mistyped = Tento kód nevypadá správně. Má 8 znaků, třeba K7QM-3XPA.
error-invite-unknown = Tento kód neznáme. Zkontrolujte ho, prosím.
error-invite-used = Tento kód už byl použit. Požádejte v centru o nový.
error-invite-expired = Platnost kódu vypršela. Požádejte v centru o nový.
error-invite-count = Můžete vytvořit 1 až 50 kódů najednou.
error-role-unknown = Vyberte, kdo se s kódem přidá.
error-sign-in-wrong = Jméno nebo heslo nesedí. Zkuste to znovu.
error-language-unknown = Tento jazyk zatím nemáme.

propose = Navrhnout
home-newest = Nejnovější návrhy
new-proposal-title = Co by se mělo změnit?
proposal-title = Název
proposal-title-hint = Krátce, nejvýš 80 znaků. Třeba „Lavička u bloku 5“.
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
supports-count = { $count ->
        [one] { $count } podpora
        [few] { $count } podpory
       *[other] { $count } podpor
    }
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
error-photo-not-a-photo = Tohle není fotka. Vyberte fotku JPEG, PNG nebo WebP.
error-photo-damaged = Fotka je poškozená nebo se nenahrála celá. Zkuste ji vybrat znovu.
error-photo-too-many = K návrhu patří nejvýš 4 fotky. Tuhle jsme nepřidali.
error-support-own = Svůj vlastní návrh podpořit nemůžete.
error-support-closed = Tento návrh už podpořit nejde.
date = { $day }. { $month }. { $year }
filters-summary = Hledat a řadit
send = Odeslat
save = Uložit
reply = Odpovědět
reply-label = Vaše odpověď
comment-label = Váš komentář
comment-sign-in = a můžete se přidat do diskuse.
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
error-limit-proposals = Za den můžete poslat jen pár návrhů. Další zkuste zítra.
error-limit-comments = Teď jste napsali hodně komentářů. Další zkuste za chvíli.
withdraw = Stáhnout návrh
withdraw-explain = Návrh zůstane vidět jako stažený. Podpořit ani o něm hlasovat už nepůjde.
withdraw-confirm = Ano, stáhnout návrh
error-withdraw-late = Návrh už stáhnout nejde: hlasuje se o něm nebo je rozhodnuto.
edit-proposal = Upravit návrh
back-to-proposal = Zpět na návrh
error-edit-late = Návrh už upravit nejde: hlasuje se o něm nebo je rozhodnuto.
error-edit-not-yours = Upravit ho může jen ten, kdo ho navrhl, nebo pracovníci centra.
approve = Schválit

## Decisions
decisions-none = Zatím tu není žádné hlasování.
decision-open = probíhá
decision-scheduled = připravené
decision-closed = skončilo
decision-cancelled = zrušené
decision-read-proposal = Přečíst návrh
decision-who-core = Hlasuje hlavní skupina.
decision-who-members = Hlasují všichni členové.
rule-single = Návrh je přijat, když víc než polovina hlasů „ano“ a „ne“ je „ano“. Platí to, jen když hlasuje aspoň { $quorum } { $quorum ->
    [one] člověk
    [few] lidé
   *[other] lidí
  }.
decision-opens = Začne { $when }.
decision-closes = Hlasovat jde do { $when }.
decision-ended = Skončilo { $when }.
vote-now = Hlasovat
vote-change = Změnit hlas
vote-yes = Ano
vote-no = Ne
vote-abstain = Zdržuji se
vote-saved = Váš hlas je uložen: { $choice }. Do konce hlasování ho můžete změnit.
vote-took-part = Hlasovali jste. Jak, to nikdo nevidí.
vote-sign-in = Přihlaste se a můžete hlasovat.
vote-only-core = O tomhle hlasuje jen hlavní skupina.
vote-not-open-yet = Hlasování ještě nezačalo.
vote-over = Hlasování skončilo.
decision-cancelled-because = Hlasování bylo zrušeno: { $reason }
result-title = Výsledek
result-accepted = Návrh byl přijat.
result-rejected = Návrh nebyl přijat.
result-no-quorum = Hlasovalo méně lidí, než bylo potřeba. Návrh nebyl přijat.
result-no-quorum-short = Hlasovalo málo lidí.
result-turnout = Hlasovalo { $voters } z { $eligible }.
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
eligibility-core = Hlavní skupina
eligibility-members = Všichni členové
decision-opens-label = Kdy začne
opens-now = Hned
opens-later = V určený čas
decision-opens-at = Začátek (datum a čas)
decision-closes-label = Konec (datum a čas)
decision-quorum-label = Kolik lidí musí hlasovat
decision-quorum-hint = Když jich bude méně, návrh přijatý nebude.
decision-rule-label = Pravidlo:
decision-rule-before = Návrh je přijat, když víc než polovina hlasů „ano“ a „ne“ je „ano“ a když hlasuje aspoň tolik lidí, kolik napíšete výše. Po otevření už pravidlo, počet ani to, kdo hlasuje, změnit nejde.
error-decision-proposal-not-open = O tomto návrhu teď hlasovat nejde. Hlasovat se dá jen o otevřeném návrhu.
error-decision-eligibility = Vyberte, kdo hlasuje.
error-quorum-range = Napište číslo od 1 do 10 000.
error-decision-opens-at = Napište datum a čas, který teprve přijde.
error-decision-closes-at = Napište, kdy hlasování skončí. Konec musí být až po začátku.
error-vote-choice = Vyberte „ano“, „ne“, nebo „zdržuji se“.
error-vote-closed = Hlasování už skončilo. Tento hlas jsme nezapočítali.
error-decision-not-open = Toto hlasování už neprobíhá.
error-cancel-reason = Napište důvod, nejvýš 500 znaků.
error-dots-per-voter = Napište počet teček od 1 do 20.
error-dots-per-proposal = Na jeden návrh může jít nejvýš tolik teček, kolik má každý celkem.
error-dots-too-many-on-one = Na jeden návrh jste dali víc teček, než jde.
error-dots-too-many = Rozdali jste víc teček, než máte.
error-dots-none = Dejte aspoň jednu tečku.
decision-see = Hlasování a výsledek
home-waiting-votes = Čeká na váš hlas
meeting-title = Hlasování ze schůzky
meeting-day = Den schůzky
meeting-note = Poznámka
meeting-note-hint = Třeba „schůzka hlavní skupiny, přítomno 12 lidí“. Uvidí ji všichni.
meeting-rule = Výsledek se spočítá stejně jako u hlasování v aplikaci: návrh je přijat, když víc než polovina hlasů „ano“ a „ne“ je „ano“ a když hlasovalo aspoň tolik lidí, kolik je napsáno výše.
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
error-assist-not-eligible = Tento člověk v tomhle hlasování hlasovat nemůže.
result-ranked = Pořadí podle teček:
poll-title = Anketa: co je nejdůležitější
poll-intro = Každý rozdělí několik teček mezi návrhy. Výsledkem je pořadí. Stav návrhů se nemění.
poll-name = Otázka
poll-name-hint = Třeba „Co udělat na jaře jako první?“
poll-proposals = Které návrhy (aspoň dva otevřené)
poll-dots = Kolik teček má každý
poll-dots-per-proposal = Kolik teček nejvýš na jeden návrh
poll-quorum = Kolik lidí musí hlasovat, aby anketa platila
poll-rule = Vyhrává návrh s nejvíce tečkami. Anketa platí, když hlasuje aspoň tolik lidí, kolik napíšete. Po otevření už nic z toho změnit nejde.
poll-open = Nová anketa
rule-priority = Každý má { $dots } { $dots ->
    [one] tečku
    [few] tečky
   *[other] teček
  } a na jeden návrh může dát nejvýš { $most }. Vyhrává návrh s nejvíce tečkami. Anketa platí, když hlasuje aspoň { $quorum } { $quorum ->
    [one] člověk
    [few] lidé
   *[other] lidí
  }.
dots-title = Rozdělte své tečky
dots-hint = Máte { $dots } { $dots ->
    [one] tečku
    [few] tečky
   *[other] teček
  }, na jeden návrh nejvýš { $most }. Nemusíte rozdat všechny.
dots-save = Uložit tečky
dots-saved = Vaše tečky jsou uložené. Do konce ankety je můžete změnit.
error-poll-title = Napište otázku, nejvýš 200 znaků.
error-poll-proposals = Vyberte aspoň dva otevřené návrhy.
meeting-poll-title = Zapsat anketu ze schůzky
meeting-poll-intro = Napište, kolik teček dostal který návrh na schůzce. Návrh, u kterého nic nenapíšete, v anketě nebude.
meeting-poll-dots = Tečky pro každý návrh
meeting-poll-voters = Kolik lidí dávalo tečky

## Moderation
error-suspended = Váš účet je pozastavený. Číst můžete, psát a hlasovat zatím ne.
suspended-notice = Váš účet je pozastavený do { $date }. Důvod: { $reason }. Do té doby můžete jen číst.
hidden-by-moderators = Skryto moderátory: { $reason }
edited-by-moderators = Upraveno moderátory: { $note }
waiting-for-moderator = Čeká na moderátora. Ostatní to uvidí, až to schválí.
written-with-help = Napsáno s pomocí: { $name }
discussion-locked = Diskuse je uzavřená moderátory. Komentáře zůstávají, nové přidat nejde.
hidden-proposal-title = Skrytý návrh č. { $id }
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
log-action-add-to-core = přidal(a) do hlavní skupiny
log-action-remove-from-core = odebral(a) z hlavní skupiny
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
core-add = Přidat do hlavní skupiny
core-remove = Odebrat z hlavní skupiny
error-member-self = Tohle nejde udělat u vlastního účtu.
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
print-step-write = Napište kód, přezdívku a heslo. Hotovo!
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
