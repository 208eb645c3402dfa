language-name = English
language-switch-label = Language
skip-to-content = Skip to content

nav-label = Main menu
nav-home = Home
nav-proposals = Proposals
nav-decisions = Decisions
nav-me = Me

home-title = Spolu – home
home-heading = What should change on the estate?
home-intro = Here you can propose improvements. We talk them over together and the core group decides.
home-welcome-back = Welcome back, { $name }.
home-see-proposals = See the proposals
home-join-hint = You get an invite code at the community centre.


join = Join
join-title = Join Spolu
join-intro = All you need is an invite code. No e-mail, no phone number.
join-code = Invite code
join-code-hint = It is on the slip from the centre's staff, for example K7QM-3XPA.
join-display-name = Your name
join-display-name-hint = This is what others see. A nickname is fine.
join-username = Username
join-username-hint = Lower-case letters without accents, digits, a dot or a dash.
join-password = Password
join-password-hint = At least 8 characters. Remember it.
join-have-account = Already joined?
show-password = Show password
hide-password = Hide password

sign-in = Sign in
sign-out = Sign out
sign-in-forgot = Forgot your password? Come to the community centre and we will help.
sign-in-no-account = No account yet?

me-role = Role
role-resident = resident
role-core = core group
role-staff = staff
role-admin = admin

invites-title = Invite codes
invites-intro = Make codes and hand them to people in person. Each code works once, for 30 days.
invites-role = Who joins with the code
invites-count = How many codes
invites-create = Make codes
invites-unused = Your unused codes
invites-none = No unused codes yet.
invites-valid-until = valid until { $date }

not-found-title = This page is not here
not-found-text = Perhaps the address changed or has a typo.
back-home = Back home
forbidden-title = You cannot open this

error-bad-request = The form did not arrive whole. Please try again.
error-not-signed-in = Please sign in first.
error-forbidden = Only the centre's staff can do this.
error-not-found = We could not find that.
error-too-many-attempts = Too many tries.
error-too-many-attempts-wait = Too many tries. Try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
error-internal = Something went wrong. Please try again in a moment.
error-username-missing = Write a username.
error-username-length = The username needs 3 to 32 characters.
error-username-characters = Use only lower-case letters without accents, digits, a dot or a dash.
error-username-taken = Someone already has this name. Try another.
error-display-name-missing = Write what we should call you.
error-display-name-length = The name needs 2 to 40 characters.
error-display-name-characters = The name has characters that cannot be used.
error-password-short = The password needs at least 8 characters.
error-password-long = The password is too long.
error-invite-missing = Write the code from your slip.
error-invite-mistyped = This code does not look right. It has 8 characters, for example K7QM-3XPA.
error-invite-unknown = We do not know this code. Please check it.
error-invite-used = This code has already been used. Ask the centre for a new one.
error-invite-expired = This code has expired. Ask the centre for a new one.
error-invite-count = You can make 1 to 50 codes at once.
error-role-unknown = Choose who joins with the code.
error-sign-in-wrong = The username or password is not right. Try again.
error-language-unknown = We do not have this language yet.

propose = Propose
home-newest = Newest proposals
new-proposal-title = What should change?
proposal-title = Title
proposal-title-hint = Short, at most 80 characters. For example "A bench by block 5".
proposal-body = What should change?
proposal-body-hint = Say what is wrong and what would help. A few sentences are enough.
proposal-category = Category
proposal-place = Place on the estate
proposal-place-none = No particular place
proposal-photos = Photos (optional)
proposal-photos-hint = Up to 4 photos, each up to 10 MB.
photo-take = Take a photo
photo-choose = Choose photos from the phone
photo-refused = Photo { $number } ({ $name }):
photos-choose-again = The photos were not saved. Please choose them again.
photo-open = Enlarge photo { $number }
photo-close = Close the photo
proposal-photo = A photo of the proposal
proposal-by = Proposed by { $name }, { $date }
proposal-history = What happened so far
edited = edited
support = I want this too
support-given = You want this too.
support-take-back = Take it back
supporters-count = { $count ->
        [0] Nobody has supported this yet.
        [one] { $count } person wants this too.
       *[other] { $count } people want this too.
    }
supports-count = { $count ->
        [one] { $count } support
       *[other] { $count } supports
    }
comments-count = { $count ->
        [one] { $count } comment
       *[other] { $count } comments
    }
status-submitted = waiting for approval
status-open = open
status-voting = being voted on
status-accepted = accepted
status-rejected = rejected
status-withdrawn = withdrawn
status-merged = merged
search-label = Search for words
search-button = Search
filter-status = Status
filter-all = All
sort-label = Sort
sort-newest = Newest
sort-supported = Most supported
sort-discussed = Recently discussed
proposals-none = There are no proposals here yet.
proposals-more = More proposals
error-title-missing = Write a short title.
error-title-long = The title can have at most 80 characters.
error-body-missing = Write what should change.
error-body-long = The text can have at most 2,000 characters.
error-category-missing = Choose a category.
error-place-unknown = We do not know this place. Choose one from the list.
error-photo-too-large = It is too large. Send a photo of up to 10 MB.
error-photo-not-a-photo = This is not a photo. Choose a JPEG, PNG or WebP photo.
error-photo-damaged = The photo is damaged or did not upload completely. Try choosing it again.
error-photo-too-many = A proposal takes at most 4 photos. This one was not added.
error-support-own = You cannot support your own proposal.
error-support-closed = This proposal can no longer be supported.
date = { $day }/{ $month }/{ $year }
filters-summary = Search and sort
send = Send
save = Save
reply = Reply
reply-label = Your reply
comment-label = Your comment
comment-sign-in = to join the discussion.
comment-deleted = Deleted by its author.
comment-edit = Edit
comment-delete = Delete
error-comment-missing = Write a comment.
error-comment-long = A comment can have at most 1,000 characters.
error-comment-closed = This proposal no longer takes comments.
error-comment-edit-late = A comment can be edited only for 15 minutes after writing it.
comment-delete-confirm = Yes, delete the comment
read-aloud = Read aloud
read-aloud-stop = Stop reading
report = Report
report-why = Why are you reporting this?
report-note = A few words for the moderators (needed for "Something else")
report-sent = Reported. The moderators will look at it.
report-reason-offensive = It is offensive
report-reason-personal-information = It has personal information
report-reason-spam = It is advertising or spam
report-reason-other = Something else
error-report-reason = Choose why you are reporting this.
error-report-note-missing = Write a few words about what is wrong.
error-report-note-long = The note can have at most 500 characters.
error-limit-proposals = You can send only a few proposals a day. Try again tomorrow.
error-limit-comments = You have written many comments just now. Try again in a while.
withdraw = Withdraw the proposal
withdraw-explain = The proposal stays visible as withdrawn. Nobody can support it or vote on it any more.
withdraw-confirm = Yes, withdraw the proposal
error-withdraw-late = The proposal can no longer be withdrawn: it is being voted on or has been decided.
edit-proposal = Edit the proposal
back-to-proposal = Back to the proposal
error-edit-late = The proposal can no longer be edited: it is being voted on or has been decided.
error-edit-not-yours = Only the person who proposed it, or the centre's staff, can edit it.
waiting-title = Proposals waiting for approval
waiting-none = Nothing is waiting for approval.
approve = Approve

## Decisions
decisions-none = There is nothing to decide yet.
decision-open = open
decision-scheduled = scheduled
decision-closed = closed
decision-cancelled = cancelled
decision-read-proposal = Read the proposal
decision-who-core = The core group votes.
decision-who-members = All members vote.
rule-single = The proposal is accepted if more than half of the yes and no votes are yes. This counts only if at least { $quorum } { $quorum ->
    [one] person votes
   *[other] people vote
  }.
decision-opens = Opens { $when }.
decision-closes = You can vote until { $when }.
decision-ended = Closed { $when }.
vote-now = Vote now
vote-change = Change your vote
vote-yes = Yes
vote-no = No
vote-abstain = Abstain
vote-saved = Your vote is saved: { $choice }. You can change it until the vote closes.
vote-took-part = You voted. Nobody can see how.
vote-sign-in = Sign in to vote.
vote-only-core = Only the core group votes on this.
vote-not-open-yet = Voting has not started yet.
vote-over = Voting has ended.
decision-cancelled-because = The vote was cancelled: { $reason }
result-title = Result
result-accepted = The proposal was accepted.
result-rejected = The proposal was not accepted.
result-no-quorum = Fewer people voted than needed. The proposal was not accepted.
result-no-quorum-short = Too few people voted.
result-turnout = { $voters } of { $eligible } voted.
result-quorum-met = At least { $quorum } were needed: met.
result-quorum-missed = At least { $quorum } were needed: not met.
decision-manage = For the centre's staff
close-now = Close the vote now
close-now-explain = The result shows at once.
cancel-decision = Cancel the vote
cancel-reason = Why? Everyone will see this.
cancel-confirm = Cancel the vote
open-decision = Open the vote
open-decision-title = A vote on a proposal
decision-eligibility = Who votes
eligibility-core = The core group
eligibility-members = All members
decision-opens-label = When it opens
opens-now = Now
opens-later = At a set time
decision-opens-at = Opens (date and time)
decision-closes-label = Closes (date and time)
decision-quorum-label = How many people must vote
decision-quorum-hint = With fewer, the proposal is not accepted.
decision-rule-label = The rule:
decision-rule-before = The proposal is accepted if more than half of the yes and no votes are yes, and at least as many people vote as you write above. Once the vote opens, the rule, that number and who votes cannot change.
error-decision-proposal-not-open = This proposal cannot be voted on now. Only open proposals can.
error-decision-eligibility = Choose who votes.
error-quorum-range = Write a number from 1 to 10,000.
error-decision-opens-at = Write a date and time that is still to come.
error-decision-closes-at = Write when the vote closes. It must be after it opens.
error-vote-choice = Choose yes, no or abstain.
error-vote-closed = Voting has already ended. This vote was not counted.
error-decision-not-open = This vote is no longer open.
error-cancel-reason = Write a reason of up to 500 characters.
error-dots-per-voter = Write a number of dots from 1 to 20.
error-dots-per-proposal = One proposal can take at most as many dots as each person has.
error-dots-too-many-on-one = You put more dots on one proposal than allowed.
error-dots-too-many = You gave out more dots than you have.
error-dots-none = Give at least one dot.
decision-see = The vote and its result
home-waiting-votes = Waiting for your vote
meeting-title = A vote from a meeting
meeting-day = Day of the meeting
meeting-note = Note
meeting-note-hint = For example "core-group meeting, 12 present". Everyone will see it.
meeting-rule = The result is worked out as for a vote in the app: the proposal is accepted if more than half of the yes and no votes are yes, and at least as many people voted as written above.
meeting-save = Save the result
record-meeting = Record a vote from a meeting
decided-at-meeting = Decided at a meeting on { $when }: { $note }
error-count-range = Write a number from 0 to 10,000.
error-meeting-date = Write the day of the meeting. It cannot be in the future.
error-meeting-note = Write a short note of up to 500 characters.
assist-title = Help with voting
assist-intro = The person who came to the centre types their own name and password and chooses themselves. It is recorded that you helped, but not how they voted.
assist-back = Back to the vote
assist-choice = How they vote
assist-save = Save the vote
assist-saved = The vote is saved. The form is empty for the next person.
assist-link = Help someone vote
error-assist-not-eligible = This person cannot vote in this decision.
result-ranked = The order by dots:
poll-title = A poll: what matters most
poll-intro = Everyone spreads a few dots over the proposals. The result is an order. The proposals' statuses do not change.
poll-name = Question
poll-name-hint = For example "What should we do first in spring?"
poll-proposals = Which proposals (at least two open ones)
poll-dots = Dots each person has
poll-dots-per-proposal = Most dots on one proposal
poll-quorum = How many people must vote for the poll to count
poll-rule = The proposal with the most dots comes first. The poll counts if at least as many people vote as you write. Once it opens, none of this can change.
poll-open = New poll
rule-priority = Everyone has { $dots } { $dots ->
    [one] dot
   *[other] dots
  } and can put at most { $most } on one proposal. The proposal with the most dots comes first. The poll counts if at least { $quorum } { $quorum ->
    [one] person votes
   *[other] people vote
  }.
dots-title = Spread your dots
dots-hint = You have { $dots } { $dots ->
    [one] dot
   *[other] dots
  }, at most { $most } on one proposal. You need not give them all.
dots-save = Save my dots
dots-saved = Your dots are saved. You can change them until the poll closes.
error-poll-title = Write the question, up to 200 characters.
error-poll-proposals = Choose at least two open proposals.
meeting-poll-title = Record a poll from a meeting
meeting-poll-intro = Write how many dots each proposal got at the meeting. A proposal left empty is not part of the poll.
meeting-poll-dots = Dots for each proposal
meeting-poll-voters = How many people gave dots
