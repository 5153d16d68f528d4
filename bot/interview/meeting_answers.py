"""Recording a meeting in the chat (issue 15, item 2): the questions around the recorder.

A worker on an existing case says "we had a core group today" or "record a
meeting" at any question. The interview then asks what bot.meetings.recording
says the meeting still lacks (who was there, each attendee's score and reason
for each pair with the previous meeting's scores beside, each step, "is it
finished?"), one question at a time, out of the interview's order like the
review: through ``state.cursor``, returning to where the worker was.

Every answer goes to the plan as it is given (the service saves after each
message), so stopping halfway leaves the meeting "in progress"; the next
"record a meeting" offers to carry on with it. Before it is marked finished the
worker sees what was recorded, row by row, and can change any score.

The recorder's last question (its ``Ask``) is kept in ``state.flags`` so the
answer can be given to the right function with the right pair, person or step.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from bot.interview import own_person
from bot.interview.answers import Answer, Outcome, ok, problem, says_none, yes_no
from bot.interview.context import Context
from bot.interview.reply import Button, Message, choice
from bot.meetings import recording
from bot.meetings.recording import Ask, AskKind, MeetingError
from bot.parsing import parse_meeting, parse_uk_date
from bot.parsing.dates import format_uk_date
from bot.parsing.step_dates import read_step_date
from bot.plan.compose import format_score
from bot.plan.model import Meeting, MeetingType, Pair, Person, Plan, Role, Score, StepStatus
from bot.plan.progress import is_overdue

REQUESTS_FILE = Path(__file__).with_name("meeting_requests.yml")
WORDS_FILE = Path(__file__).with_name("meeting_words.yml")

# The questions of a meeting's record, in the order they usually come.
SLOTS = (
    "meeting_resume",
    "meeting_kind",
    "meeting_date",
    "meeting_attendee",
    "meeting_which",
    "meeting_score",
    "meeting_reason",
    "meeting_step",
    "meeting_new_step",
    "meeting_step_who",
    "meeting_step_when",
    "meeting_closure",
    "meeting_changes",
    "meeting_finish",
    "meeting_fix",
)
_SLOT_FOR = {
    AskKind.ATTENDEE: "meeting_attendee",
    AskKind.WHICH_PERSON: "meeting_which",
    AskKind.SCORE: "meeting_score",
    AskKind.REASON: "meeting_reason",
    AskKind.STEP: "meeting_step",
    AskKind.NEW_STEP: "meeting_new_step",
    AskKind.STEP_WHO: "meeting_step_who",
    AskKind.STEP_WHEN: "meeting_step_when",
    AskKind.CLOSURE: "meeting_closure",
    AskKind.CHANGES: "meeting_changes",
    AskKind.FINISH: "meeting_finish",
}
_FLAG = "meeting"
GOING_BACK = (
    "Everything for this meeting is saved as you go. Before it is finished I'll read it all "
    "back, and you can fix any score there."
)
EVERYONE = "everyone"
NOT_SCORED = "not_scored"
NO_MORE = "no_more"
KEEP = "keep"
# "Yes" at "did anything else change?": the plan opens once the record is finished.
_OPEN_PLAN = "open_plan"


# -- is this a request to record a meeting? -------------------------------------------


@lru_cache(maxsize=1)
def _request_patterns() -> tuple[re.Pattern[str], ...]:
    raw = yaml.safe_load(REQUESTS_FILE.read_text(encoding="utf-8"))
    words = raw["meeting_words"]
    kinds = "|".join(re.escape(k) for k in words["kinds"])
    nouns = "|".join(re.escape(n) for n in words["nouns"])
    meeting = f"{words['before']}(?:(?:{kinds})\\s+)*(?:{nouns})"
    parts = {"{meeting}": f"(?:{meeting})"}
    for name in ("opener", "when", "family"):
        parts["{" + name + "}"] = raw.get(name, "")

    def filled(phrase: str) -> str:
        for marker, value in parts.items():
            phrase = phrase.replace(marker, value)
        return phrase

    return tuple(re.compile(filled(phrase)) for phrase in raw["phrases"])


@lru_cache(maxsize=1)
def _greeting() -> re.Pattern[str]:
    raw = yaml.safe_load(REQUESTS_FILE.read_text(encoding="utf-8"))
    return re.compile("^" + raw.get("greeting", "(?!)"))


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """meeting_words.yml, each list of patterns compiled (case-blind)."""
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))

    def compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

    words: dict[str, Any] = {}
    for name, value in raw.items():
        if name == "step_status":
            words[name] = {kind: compiled(patterns) for kind, patterns in value.items()}
        elif name == "step_status_words":
            words[name] = value
        else:
            words[name] = compiled(value)
    return words


def _says(name: str, text: str) -> re.Match[str] | None:
    for pattern in _words()[name]:
        found = pattern.search(text)
        if found:
            return found
    return None


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", text.casefold()).split())


def is_request(text: str) -> bool:
    """The whole message asks to record a meeting (a command word inside an answer does not)."""
    said = _greeting().sub("", _folded(text))
    return bool(said) and any(p.fullmatch(said) for p in _request_patterns())


def can_record(ctx: Context) -> bool:
    """Workers on a case they agreed to keep; families give their scores another way (item 3)."""
    return (
        ctx.conversation.role is Role.WORKER
        and ctx.plan is not None
        and bool(ctx.conversation.consent)
    )


# -- the state kept between messages ---------------------------------------------------


def _data(ctx: Context) -> dict[str, Any]:
    data = ctx.state.flags.get(_FLAG)
    if not isinstance(data, dict):
        data = {}
        ctx.state.flags[_FLAG] = data
    return data


def _meeting(ctx: Context) -> Meeting | None:
    return ctx.meeting(_data(ctx).get("uid"))


def _keep(ctx: Context, ask: Ask) -> None:
    plan = ctx.plan
    person = None
    if ask.person is not None and plan is not None:
        person = next((i for i, p in enumerate(plan.people) if p is ask.person), None)
    _data(ctx)["ask"] = {
        "kind": ask.kind.value,
        "text": ask.text,
        "choices": [[c.value, c.label] for c in ask.choices],
        "pair": ask.pair_uid,
        "step": ask.step_uid,
        "person": person,
        "typed": ask.typed,
        "role": ask.role,
    }


def _ask_data(ctx: Context) -> dict[str, Any]:
    ask = _data(ctx).get("ask")
    return ask if isinstance(ask, dict) else {}


def _go(ctx: Context, slot: str) -> None:
    ctx.state.cursor = slot


def _follow(ctx: Context, ask: Ask) -> list[str]:
    """Ask what the recorder asks next; at the end, go back to where the worker was."""
    if ask.kind is AskKind.FINISHED:
        return _end(ctx, ask.text)
    _keep(ctx, ask)
    _go(ctx, _SLOT_FOR[ask.kind])
    return []


def _end(ctx: Context, *say: str) -> list[str]:
    data = ctx.state.flags.pop(_FLAG, None) or {}
    state = ctx.state
    state.cursor = None
    if data.get("pushed") and state.return_stack:
        state.cursor = state.return_stack.pop()
    if data.get(_OPEN_PLAN):
        # The meeting changed plan rules or the network: open the plan at its
        # review, then carry on where the worker was.
        if state.cursor:
            state.return_stack.append(state.cursor)
        state.cursor = "review"
    return [s for s in say if s]


# -- starting ------------------------------------------------------------------------


def begin(ctx: Context, text: str) -> list[str]:
    """ "Record a meeting": carry on with one in progress, or start one (what and when)."""
    plan = ctx.plan
    assert plan is not None
    state = ctx.state
    data = ctx.state.flags.get(_FLAG)
    pushed = bool(data.get("pushed")) if isinstance(data, dict) else False
    if state.cursor and state.cursor not in SLOTS:
        state.return_stack.append(state.cursor)
        pushed = True
    parsed = parse_meeting(text, ctx.today)
    kind = parsed.kind if parsed.kind and parsed.kind != MeetingType.OTHER.value else None
    ctx.state.flags[_FLAG] = {
        "pushed": pushed,
        "kind": kind,
        "date": parsed.date.isoformat() if parsed.date else None,
    }
    unfinished = recording.in_progress(plan)
    if unfinished:
        _data(ctx)["offer"] = unfinished[-1].uid
        _go(ctx, "meeting_resume")
        return []
    return _new(ctx)


def _new(ctx: Context) -> list[str]:
    data = _data(ctx)
    kind, date = data.get("kind"), data.get("date")
    if kind is None:
        _go(ctx, "meeting_kind")
        return []
    if date is None:
        _go(ctx, "meeting_date")
        return []
    try:
        meeting = recording.start_meeting(
            ctx.require_plan(), MeetingType(kind), dt.date.fromisoformat(date), ctx.actor, ctx.today
        )
    except MeetingError:
        data["date"] = None
        _go(ctx, "meeting_date")
        return ["That date is more than a year away. When was the meeting?"]
    data["uid"] = meeting.uid
    return [
        f"Recording the {meeting.label}. Each answer is saved as you give it; "
        "you can stop at any time and carry on later.",
        *_follow(ctx, recording.next_question(ctx.require_plan(), meeting)),
    ]


def meeting_resume(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    data = _data(ctx)
    offered = ctx.meeting(data.get("offer"))
    value = answer.choice or ("carry_on" if yes_no(answer) else None)
    if value is None and re.search(r"\bnew\b|\banother\b|\bdifferent\b", answer.text.casefold()):
        value = "new"
    if value is None and yes_no(answer) is False:
        value = "new"
    if offered is None or value == "new":
        return ok(*_new(ctx), again=True)
    if value != "carry_on":
        return problem("Please choose: carry on with the meeting in progress, or a new one.")
    data["uid"] = offered.uid
    return ok(
        f"Carrying on with the {offered.label}.",
        *_follow(ctx, recording.next_question(ctx.require_plan(), offered)),
        again=True,
    )


def read_kind(answer: Answer, today: dt.date) -> tuple[str | None, dt.date | None]:
    """(kind, date) from "Which kind of meeting?": a button, or typed words that may
    carry the date too ("core group on 14 January"); (None, None) when neither says."""
    if answer.choice in {c.value for c in recording.meeting_type_choices()}:
        return answer.choice, None
    parsed = parse_meeting(answer.text, today)
    return (parsed.kind, parsed.date) if parsed.kind is not None else (None, None)


def meeting_kind(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    data = _data(ctx)
    kind, date = read_kind(answer, ctx.today)
    if kind is None:
        return problem("Please choose the kind of meeting from the list.")
    data["kind"] = kind
    if date is not None:
        data["date"] = date.isoformat()
    return ok(*_new(ctx), again=True)


def meeting_date(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    text = "today" if answer.choice == "today" else answer.text
    date = parse_meeting(text, ctx.today).date or parse_uk_date(text, ctx.today, True).date
    if date is None:
        return problem(
            "I couldn't read that date. For example: 'today', 'last Tuesday' or '12/01/2027'."
        )
    _data(ctx)["date"] = date.isoformat()
    return ok(*_new(ctx), again=True)


# -- who was there --------------------------------------------------------------------

_CHAIR = re.compile(r"\b(chair|chaired|chairing|chairs)\b", re.IGNORECASE)
_ROLE = re.compile(r"^\s*(?P<name>[^,(]+?)\s*(?:\((?P<r1>[^)]*)\)|,\s*(?P<r2>.+))\s*$")


def _name_and_role(text: str) -> tuple[str, str | None, bool]:
    """ "Jo Brown (chair)" or "Jo Brown, IRO, chaired": the name, the role, whether they chaired."""
    match = _ROLE.match(text)
    if not match:
        return text.strip(), None, False
    name = match.group("name").strip()
    role = (match.group("r1") or match.group("r2") or "").strip(" ,.")
    chaired = bool(_CHAIR.search(role))
    if chaired:
        role = _CHAIR.sub("", role).strip(" ,.-") or ""
        role = re.sub(r"\s{2,}", " ", role)
    return name, role or None, chaired


def _several_known(plan: Plan, text: str) -> list[Person]:
    """The people named in a list, when every one of them is certain; else []."""
    parts = [p.strip() for p in re.split(r",|\band\b|&", text) if p.strip()]
    if len(parts) < 2:
        return []
    people = [recording.match_person(plan, part)[0] for part in parts]
    return [p for p in people if p is not None] if all(people) else []


def _recorded(ctx: Context) -> tuple[Plan, Meeting] | None:
    meeting = _meeting(ctx)
    if meeting is None or ctx.plan is None:
        return None
    return ctx.plan, meeting


def _lost(ctx: Context) -> Outcome:
    # The meeting went (erased, or the case changed): nothing to carry on with.
    return ok(*_end(ctx, "That meeting's record is no longer there."), again=True)


_NOBODY_CHAIRED = "no_chair"


def _people_in_a_line(
    ctx: Context, plan: Plan, text: str
) -> tuple[list[tuple[Person, str | None, bool]], list[str]]:
    """The people a one-line list names ("me (Sam, SW, chaired), Kerry mum, Jan Price nan"):
    (person, role as said, chaired) for each part that starts with someone the plan knows
    for certain (or "me"), and the parts that do not."""
    # Commas inside brackets belong to one person: "me (Sam, SW, chaired)".
    protected = re.sub(r"\(([^)]*)\)", lambda m: "(" + m.group(1).replace(",", "\x00") + ")", text)
    parts = [
        p.replace("\x00", ",").strip(" .")
        for p in re.split(r"[;\n]|,|\.\s+|\s+and\s+|&", protected)
        if p.strip(" .")
    ]
    found: list[tuple[Person, str | None, bool]] = []
    unknown: list[str] = []
    mine = ctx.conversation.user_name
    for part in parts:
        words = part.split()
        person = None
        taken = 0
        for size in range(min(3, len(words)), 0, -1):
            head = " ".join(words[:size]).strip(" ,:-–()")
            if own_person.typist(ctx, head) and mine:
                person = recording.match_person(plan, mine)[0]
            else:
                person = recording.match_person(plan, head)[0]
            if person is not None:
                taken = size
                break
        if person is None:
            unknown.append(part)
            continue
        rest = " ".join(words[taken:]).strip(" ,:-–")
        chaired = bool(_CHAIR.search(rest))
        said = _CHAIR.sub("", rest).strip(" ,.-()") if chaired else rest.strip(" ()")
        # "me (Sam, SW, chaired)": their own name is not their role.
        for own in (person.name, person.name.split()[0]):
            if said.casefold().startswith(own.casefold()):
                said = said[len(own):]
                break
        role = re.sub(r"\s*,\s*,|\(\s*\)", "", said).strip(" ,") or None
        found.append((person, role, chaired))
    return found, unknown


def meeting_attendee(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    data = _data(ctx)
    if data.get("asking_chair"):
        return _chair_answer(ctx, plan, meeting, answer)
    if answer.choice == EVERYONE or says_none(answer):
        if not meeting.attendees:
            return problem("Please name at least one person who was at the meeting.")
        if meeting.chair is None and not data.get("chair_asked"):
            # Who chaired is part of the record: asked once, before the scores.
            data["chair_asked"] = data["asking_chair"] = True
            return ok(again=True)
        ask = recording.attendees_complete(plan, meeting, ctx.actor)
        if ask.problem:
            return problem(ask.problem)
        return ok(*_follow(ctx, ask), again=True)
    several = _several_known(plan, answer.text)
    if several:
        # "Mum, Dad and Nan": each a person the plan knows for certain.
        for person in several:
            ask = recording.add_attendee(plan, meeting, person.name, ctx.actor)
        names = ", ".join(p.name for p in several)
        return ok(f"Saved: {names} were there.", *_follow(ctx, ask), again=True)
    listed, unknown = _people_in_a_line(ctx, plan, answer.text)
    if len(listed) >= 2:
        # Several people in one line, each with their role as said.
        for person, role, chaired in listed:
            ask = recording.add_attendee(plan, meeting, person.name, ctx.actor, role, chaired)
        names = "; ".join(
            f"{p.name}" + (f" ({r})" if r else "") + (", chair" if c else "")
            for p, r, c in listed
        )
        said = [f"Saved: {names} were there."]
        if unknown:
            said.append(
                "I didn't know who these are, so nothing is saved for them yet: "
                + "; ".join(f"'{u}'" for u in unknown)
                + ". Please add each one on its own, with their role."
            )
        return ok(*said, *_follow(ctx, ask), again=True)
    name, role, chaired = _name_and_role(answer.text)
    name = own_person.typist(ctx, name) or name
    ask = recording.add_attendee(plan, meeting, name, ctx.actor, role, chaired)
    if ask.problem:
        return problem(ask.problem)
    said = [] if ask.kind is AskKind.WHICH_PERSON else [f"Saved: {name} was there."]
    return ok(*said, *_follow(ctx, ask), again=True)


def _chair_answer(ctx: Context, plan: Plan, meeting: Meeting, answer: Answer) -> Outcome:
    """ "Who chaired?": one of the people there, or nobody recorded."""
    data = _data(ctx)
    said = answer.text.strip()
    person = None
    if answer.choice == _NOBODY_CHAIRED or says_none(answer) or re.search(
        r"\b(?:nobody|no one|not recorded|don'?t know|no chair)\b", said, re.IGNORECASE
    ):
        person = None
    else:
        typed = answer.choice or said
        if own_person.typist(ctx, typed) or re.match(r"^(?:i did|me\b|i chaired)", typed, re.I):
            typed = ctx.conversation.user_name or typed
        attendees = [a.person for a in meeting.attendees if a.person is not None]
        person = next(
            (p for p in attendees if p is recording.match_person(plan, typed)[0]), None
        )
        if person is None:
            return problem("Please choose who chaired from the people listed, or 'not recorded'.")
    data.pop("asking_chair", None)
    if person is not None:
        recording.set_chair(plan, meeting, person, ctx.actor)
    ask = recording.attendees_complete(plan, meeting, ctx.actor)
    first = f"Saved: {person.name} chaired." if person is not None else "Saved."
    return ok(first, *_follow(ctx, ask), again=True)


def meeting_which(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    asked = _ask_data(ctx)
    choices = [(value, label) for value, label in asked.get("choices", [])]
    picked = answer.choice if answer.choice in {v for v, _ in choices} else None
    if picked is None:
        said = answer.text.casefold().strip()
        matches = [v for v, label in choices if said and said in label.casefold()]
        picked = matches[0] if len(matches) == 1 else None
    if picked is None:
        return problem("Please choose one of the people listed, or 'someone else'.")
    typed = asked.get("typed") or ""
    ask = recording.choose_person(plan, meeting, typed, picked, ctx.actor, asked.get("role"))
    person = plan.people[int(picked)].name if picked != recording.NEW_PERSON else typed
    return ok(f"Saved: {person} was there.", *_follow(ctx, ask), again=True)


# -- scores -----------------------------------------------------------------------------


def _pair_and_person(ctx: Context) -> tuple[Pair | None, Person | None]:
    asked = _ask_data(ctx)
    plan = ctx.plan
    pair = ctx.pair(asked.get("pair"))
    index = asked.get("person")
    person = (
        plan.people[index]
        if plan is not None and isinstance(index, int) and 0 <= index < len(plan.people)
        else None
    )
    return pair, person


def meeting_score(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    pair, person = _pair_and_person(ctx)
    if found is None or pair is None or person is None:
        return _lost(ctx)
    plan, meeting = found
    if answer.choice == NOT_SCORED:
        ask = recording.not_scored(plan, meeting, pair, person, ctx.actor)
        return ok(f"Saved: {person.name} did not score this one.", *_follow(ctx, ask), again=True)
    ask = recording.answer_score(plan, meeting, pair, person, answer.text, ctx.actor)
    if ask.problem:
        return problem(ask.problem)
    score = _score_of(meeting, plan.pairs.index(pair), person, plan)
    said = f"Saved: {person.name}, {format_score(score.value)}." if score else "Saved."
    return ok(said, *_follow(ctx, ask), again=True)


_NO_REASON = re.compile(
    r"^(?:(?:she|he|they|i) )?(?:didn'?t|did not|didnt) (?:say|give (?:one|a reason)|explain)\b|"
    r"^(?:no reason(?: given)?|not given|none given|none|n/?a|no idea)\W*$",
    re.IGNORECASE,
)


def meeting_reason(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    pair, person = _pair_and_person(ctx)
    if found is None or pair is None or person is None:
        return _lost(ctx)
    plan, meeting = found
    if _NO_REASON.search(answer.text.strip()):
        # "She didn't say": no reason given, not a reason to print in the pack.
        ask = recording.next_question(plan, meeting)
        return ok("Saved: no reason given.", *_follow(ctx, ask), again=True)
    ask = recording.give_reason(plan, meeting, pair, person, answer.text, ctx.actor)
    return ok("Saved.", *_follow(ctx, ask), again=True)


# -- steps ------------------------------------------------------------------------------

# The words that only name a status: the rest of the answer is its note.
_STATUS_WORDS = frozenset(
    {"done", "doen", "complete", "completed", "finished", "happened", "it's done", "all done",
     "not yet", "not yt", "not done", "changed", "change", "dropped", "droped", "drop"}
)


def read_step_status(
    text: str, step_what: str | None = None
) -> tuple[StepStatus | None, str | None]:
    """(status, note) from a typed answer; (None, None) when it does not say.

    The note is the words after a status word that opens the answer ("changed:
    now every Friday"), or the whole answer when the status is read from inside
    it ("he started on the 24th, been twice now"), so nothing said is lost.
    """
    said = " ".join(text.split())
    folded = said.casefold().strip(" .!")
    if not folded or _says("step_status_unclear", folded):
        return None, None
    starting = bool(step_what) and bool(re.search(r"\bstart", (step_what or "").casefold()))
    for kind, patterns in _words()["step_status"].items():
        for pattern in patterns:
            found = pattern.search(folded)
            if found is None:
                continue
            if kind == "started":
                status = StepStatus.DONE if starting else StepStatus.NOT_YET
            else:
                status = StepStatus(kind.removesuffix("_first"))
            status_word = found.group(0).strip(" ,.:;-–") in _STATUS_WORDS
            if found.start() == 0 and status_word:
                # "Changed: now every Friday": the words after the status word.
                note = said[found.end():].strip(" ,.:;-–") or None
            else:
                note = said
            return status, note
    # A short answer typed in a hurry ("doen", "not yt"): the closest status word.
    if len(folded) <= 12:
        words = {w: kind for kind, ws in _words()["step_status_words"].items() for w in ws}
        best = process.extractOne(folded, list(words), scorer=fuzz.ratio, score_cutoff=74)
        if best is not None:
            return StepStatus(words[best[0]]), None
    return None, None


def meeting_step(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    step = ctx.step(_ask_data(ctx).get("step"))
    if found is None or step is None:
        return _lost(ctx)
    plan, meeting = found
    status: StepStatus | None = None
    note: str | None = None
    if answer.choice in {s.value for s in StepStatus.verdicts()}:
        status = StepStatus(answer.choice)
    elif answer.choice is None:
        status, note = read_step_status(answer.text, step.what)
    if status is None:
        return problem("Please say done, not yet, changed or dropped.")
    ask = recording.mark_step(plan, meeting, step, status, ctx.actor, note)
    number = plan.steps.index(step) + 1
    return ok(f"Saved: step {number} {status.label}.", *_follow(ctx, ask), again=True)


# -- new steps, the closure date, anything else ----------------------------------------

def meeting_new_step(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    said = answer.text.strip()
    folded = said.casefold()
    if answer.choice == NO_MORE or says_none(answer) or _says("no_new_steps", folded):
        return ok(*_follow(ctx, recording.no_more_steps(plan, meeting)), again=True)
    if answer.choice is not None or said.startswith("/"):
        # A button from another question: never a step's words.
        return problem("Please say what will happen, or tap 'No new steps'.")
    if _says("question_back", folded) and len(folded.split()) <= 15:
        return problem(
            "A new step is something someone agreed to do, like 'Dad to book a GP "
            "appointment'. Steps already in the plan stay as they are. Tell me a new "
            "one, or say 'no new steps'."
        )
    if _says("new_step_unclear", folded):
        # "Yes a couple", "possibly, need to check my notes": not a step's words.
        return problem(
            "Tell me the first new step: what will happen. If you're not sure, say "
            "'no new steps' for now; steps can be added to the plan at any time."
        )
    ask = recording.add_step(plan, meeting, said, ctx.actor)
    if ask.problem:
        return problem(ask.problem)
    return ok(f"Saved as step {len(plan.steps)}.", *_follow(ctx, ask), again=True)


def _new_step(ctx: Context) -> Any:
    return ctx.step(_ask_data(ctx).get("step"))


def meeting_step_who(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    step = _new_step(ctx)
    if found is None or step is None:
        return _lost(ctx)
    plan, meeting = found
    offered = {value for value, _label in _ask_data(ctx).get("choices", [])}
    if (answer.choice is not None and answer.choice not in offered) or (
        answer.choice is None and answer.text.strip().startswith("/")
    ):
        return problem("Please say who will do it, or tap one of the names.")
    who = (answer.choice or answer.text).strip() or None
    number = plan.steps.index(step) + 1
    ask = recording.set_step_who(plan, meeting, step, who, ctx.actor)
    return ok(f"Saved: {who} will do step {number}.", *_follow(ctx, ask), again=True)


_DATE_PROBLEMS = {
    "past": "That date has already gone. By when should it be done?",
    "asap": "As soon as possible is good. By what date at the latest?",
    "season": "Which day? For example 'by 30 June'.",
    "done": "This is a new step, so it can't be done yet. By when should it be done?",
}


def meeting_step_when(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    step = _new_step(ctx)
    if found is None or step is None:
        return _lost(ctx)
    plan, meeting = found
    if answer.choice is not None or answer.text.strip().startswith("/"):
        return problem("Please give a date, like 'by 20 January', or tap 'No date yet'.")
    read = read_step_date(answer.text, ctx.today)
    if read.kind != "date" or read.date is None:
        return problem(
            _DATE_PROBLEMS.get(
                read.kind, "I couldn't read that date. For example 'by 20 January' or '12/01/2027'."
            )
        )
    number = plan.steps.index(step) + 1
    ask = recording.set_step_due(plan, meeting, step, read.date, ctx.actor, answer.text)
    return ok(
        f"Saved: step {number} by {format_uk_date(read.date)}.", *_follow(ctx, ask), again=True
    )


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "nine": 9, "twelve": 12}
_AMOUNT = r"(a|an|one|two|three|four|five|six|nine|twelve|\d{1,2})\s+(week|month)s?"
_MOVED_BY = re.compile(rf"\b(?:back|extended|extend(?:ed)? it|by|another|further)\s+{_AMOUNT}\b")
_FROM_MEETING = re.compile(
    rf"\b{_AMOUNT}\s+from (?:the |today'?s? )?(?:meeting|cin|core group|conference|review)\b"
)


def _closure_moved(
    said: str, current: dt.date | None, held_on: dt.date
) -> dt.date | None:
    """A date given as a change: "pushed back a month", "extended by 3 months" (from the
    current date), "6 months from the meeting" (from the meeting's date)."""
    from dateutil.relativedelta import relativedelta

    def amount(number: str, unit: str) -> relativedelta:
        n = _NUMBER_WORDS.get(number, None) or int(number)
        return relativedelta(weeks=n) if unit == "week" else relativedelta(months=n)

    found = _FROM_MEETING.search(said)
    if found:
        return held_on + amount(found.group(1), found.group(2))
    found = _MOVED_BY.search(said)
    if found and current is not None:
        return current + amount(found.group(1), found.group(2))
    return None


def meeting_closure(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    said = answer.text.casefold()
    if answer.choice is not None and answer.choice != KEEP:
        return problem("Please say yes if it is still right, or give the new date.")
    parsed = parse_uk_date(answer.text, ctx.today)
    moved = _closure_moved(said, plan.target_closure_date, meeting.held_on)
    if answer.choice != KEEP and moved is not None:
        ask = recording.check_closure(plan, meeting, ctx.actor, moved, answer.text)
        return ok(
            f"Saved: the case could close by {format_uk_date(moved)}.",
            *_follow(ctx, ask),
            again=True,
        )
    if answer.choice != KEEP and parsed.date is not None and not parsed.problem:
        current = plan.target_closure_date
        later, earlier = _says("closure_later", said), _says("closure_earlier", said)
        if current is not None and (
            (later and parsed.date < current) or (earlier and parsed.date > current)
        ):
            # "Push it back to end of March" when the date is in June: ask, never guess.
            return problem(
                f"{format_uk_date(parsed.date)} is {'before' if later else 'after'} the "
                f"current date, {format_uk_date(current)}. Which date did the meeting agree? "
                "Please give it in full, for example '31 March 2028'."
            )
        ask = recording.check_closure(plan, meeting, ctx.actor, parsed.date, answer.text)
        return ok(
            f"Saved: the case could close by {format_uk_date(parsed.date)}.",
            *_follow(ctx, ask),
            again=True,
        )
    if (
        answer.choice == KEEP
        or _says("closure_still_right", said)
        or _says("closure_not_set", said)
    ):
        return ok(*_follow(ctx, recording.check_closure(plan, meeting, ctx.actor)), again=True)
    if parsed.problem == "past":
        return problem("That date has already gone. What is the new target date?")
    value = yes_no(answer)
    if value is True or (value is None and says_none(answer)):
        return ok(*_follow(ctx, recording.check_closure(plan, meeting, ctx.actor)), again=True)
    if value is False and plan.target_closure_date is not None:
        return problem("What is the new target date? For example '30 June 2027'.")
    if value is False:
        return ok(*_follow(ctx, recording.check_closure(plan, meeting, ctx.actor)), again=True)
    return problem("Please say yes if it is still right, or give the new date.")


def meeting_changes(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    value: bool | None = {"yes": True, "no": False}.get(answer.choice or "")
    if answer.choice is not None and value is None:
        return problem("Please say yes or no.")
    words = " ".join(answer.text.split())
    folded = words.casefold()
    described = False
    if value is None and _says("question_back", folded) and len(folded.split()) <= 15:
        return problem(
            "Plan rules are how everyone will know things are going well, the worries "
            "to look out for and who will do what. The safety network is the people "
            "who help keep the children safe. Did the meeting change any of that?"
        )
    if value is None and _says("other_changes_unclear", folded):
        return problem(
            "If you're not sure it was agreed, say no for now: the plan can be changed at "
            "any time, and the change log says who changed what."
        )
    if value is None:
        if says_none(answer) or _says("other_changes_no", folded):
            value = False
            if _says("other_changes_but", folded) and _says("other_changes_described", folded):
                # "Not really, just that Mick can now have them overnight": a change.
                value, described = True, True
        else:
            value = yes_no(answer)
            if value is None and re.match(r"^(?:yes|yeah|yep|yh)\b", folded):
                value = True
            described = described or (
                len(words.split()) >= 4 and bool(_says("other_changes_described", folded))
            )
            if value is None and described:
                value = True
    if value is None:
        return problem("Please say yes or no.")
    _data(ctx)[_OPEN_PLAN] = value
    said = []
    if value:
        if described:
            # Their words are kept, to make the change from: "still to decide" in the
            # plan and the pack until someone does.
            plan.note_open(
                f"meeting_change:{meeting.uid}:{len(plan.open_questions)}",
                f"Change agreed at the {meeting.label}: {words}",
            )
            said.append("Noted as said, under 'still to decide'.")
        said.append("Once the record is finished I'll open the plan so you can change it.")
    return ok(*said, *_follow(ctx, recording.check_changes(plan, meeting)), again=True)


# -- reading back and finishing ----------------------------------------------------------


def _score_of(meeting: Meeting, pair_index: int, person: Person, plan: Plan) -> Score | None:
    pair = plan.pairs[pair_index]
    mine = [s for s in pair.scores if s.meeting is meeting and s.person is person]
    return mine[-1] if mine else None


def score_rows(plan: Plan, meeting: Meeting) -> list[tuple[int, int, str]]:
    """(pair index, person index, the row as the worker reads it) for every attendee and pair."""
    rows = []
    for pair_index, pair in enumerate(plan.pairs):
        for attendee in meeting.attendees:
            if attendee.person is None:
                continue
            person_index = next(i for i, p in enumerate(plan.people) if p is attendee.person)
            score = _score_of(meeting, pair_index, attendee.person, plan)
            if score is not None:
                said = format_score(score.value) + (f" ({score.reason})" if score.reason else "")
            elif pair.uid in attendee.not_scored:
                said = "did not score"
            else:
                said = "not given yet"
            rows.append(
                (pair_index, person_index, f"Worry {pair_index + 1}, {attendee.name}: {said}")
            )
    return rows


def read_back(plan: Plan, meeting: Meeting) -> str:
    """What was recorded, as it was said: who was there, each score with its reason, each step."""
    lines = [f"Recorded for the {meeting.label}:"]
    people = []
    for attendee in meeting.attendees:
        role = f" ({attendee.role})" if attendee.role else ""
        chair = ", chair" if attendee.chaired else ""
        people.append(f"{attendee.name}{role}{chair}")
    lines.append("Who was there: " + ("; ".join(people) if people else "nobody yet") + ".")
    rows = score_rows(plan, meeting)
    if rows:
        lines.append("Scores:")
        lines += [f"{n}. {text}" for n, (_p, _q, text) in enumerate(rows, start=1)]
    reviews = [
        (plan.steps.index(r.step) + 1, r) for r in meeting.step_reviews if r.step in plan.steps
    ]
    if reviews:
        lines.append("Steps:")
        for number, review in sorted(reviews, key=lambda item: item[0]):
            note = f" ({review.note})" if review.note else ""
            lines.append(f"- Step {number}, {review.step.what}: {review.status.label}{note}")
    return "\n".join(lines)


def meeting_finish(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    value = answer.choice
    if value is None:
        said = answer.text.casefold()
        if re.search(r"\b(fix|change|correct|wrong)\b", said):
            value = "fix"
        elif re.search(r"\b(not (yet|finished)|later|more to add)\b", said):
            value = "later"
        elif yes_no(answer) is True:
            value = "finish"
        elif yes_no(answer) is False:
            value = "later"
    if value == "fix":
        _go(ctx, "meeting_fix")
        return ok(again=True)
    if value == "later":
        return ok(
            *_end(
                ctx,
                f"Saved. The {meeting.label} stays in progress: say 'record a meeting' "
                "to carry on with it.",
            ),
            again=True,
        )
    if value != "finish":
        return problem("Please say yes if the record is finished, 'fix a score', or 'not yet'.")
    ask = recording.finish_meeting(plan, meeting, ctx.actor)
    return ok(*_end(ctx, ask.text), again=True)


def meeting_fix(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = _recorded(ctx)
    if found is None:
        return _lost(ctx)
    plan, meeting = found
    rows = score_rows(plan, meeting)
    picked = answer.choice or answer.text.strip().rstrip(".")
    if not picked.isdigit() or not 1 <= int(picked) <= len(rows):
        return problem(f"Please give the number of the row to change, 1 to {len(rows)}.")
    pair_index, person_index, row = rows[int(picked) - 1]
    pair, person = plan.pairs[pair_index], plan.people[person_index]
    ask = Ask(
        AskKind.SCORE,
        f"Now: {row}.\nWhat score did {person.name} give for worry {pair_index + 1}, and why?",
        meeting.uid,
        pair_uid=pair.uid,
        person=person,
    )
    return ok(*_follow(ctx, ask), again=True)


HANDLERS = {
    "meeting_resume": meeting_resume,
    "meeting_kind": meeting_kind,
    "meeting_date": meeting_date,
    "meeting_attendee": meeting_attendee,
    "meeting_which": meeting_which,
    "meeting_score": meeting_score,
    "meeting_reason": meeting_reason,
    "meeting_step": meeting_step,
    "meeting_new_step": meeting_new_step,
    "meeting_step_who": meeting_step_who,
    "meeting_step_when": meeting_step_when,
    "meeting_closure": meeting_closure,
    "meeting_changes": meeting_changes,
    "meeting_finish": meeting_finish,
    "meeting_fix": meeting_fix,
}


def skip(ctx: Context, slot: str) -> None:
    """ "I don't know" at a meeting question: a score not given; anything else stays asked."""
    found = _recorded(ctx)
    if found is None:
        return
    plan, meeting = found
    if slot == "meeting_score":
        meeting_score(ctx, slot, Answer("", choice=NOT_SCORED))
    elif slot == "meeting_reason":
        _follow(ctx, recording.next_question(plan, meeting))
    elif slot == "meeting_attendee" and meeting.attendees:
        meeting_attendee(ctx, slot, Answer("", choice=EVERYONE))
    elif slot == "meeting_new_step":
        _follow(ctx, recording.no_more_steps(plan, meeting))
    elif slot == "meeting_step_who" and (step := _new_step(ctx)) is not None:
        _follow(ctx, recording.set_step_who(plan, meeting, step, None, ctx.actor))
    elif slot == "meeting_step_when" and (step := _new_step(ctx)) is not None:
        _follow(ctx, recording.set_step_due(plan, meeting, step, None, ctx.actor))
    elif slot == "meeting_closure":
        _follow(ctx, recording.check_closure(plan, meeting, ctx.actor))
    elif slot == "meeting_changes":
        _data(ctx)[_OPEN_PLAN] = False
        _follow(ctx, recording.check_changes(plan, meeting))


# -- the questions as the worker sees them -----------------------------------------------


def question(ctx: Context, slot: str) -> Message:
    data = _data(ctx)
    if slot == "meeting_resume":
        offered = ctx.meeting(data.get("offer"))
        label = offered.label if offered else "meeting"
        return Message(
            f"The {label} is still in progress. Carry on recording it, or record a new meeting?",
            [choice(f"Carry on with the {label}", "carry_on"), choice("A new meeting", "new")],
        )
    if slot == "meeting_kind":
        return Message(
            "Which kind of meeting was it?",
            [choice(c.label, c.value) for c in recording.meeting_type_choices()],
        )
    if slot == "meeting_date":
        kind = data.get("kind")
        label = MeetingType(kind).label if kind else "meeting"
        return Message(
            f"When was the {label}? For example 'today', 'last Tuesday' or '12/01/2027'.",
            [choice(f"Today, {format_uk_date(ctx.today)}", "today")],
        )
    found = _recorded(ctx)
    asked = _ask_data(ctx)
    text = asked.get("text") or ""
    if slot == "meeting_attendee":
        if data.get("asking_chair") and found is not None:
            meeting = found[1]
            return Message(
                f"Who chaired the {meeting.kind.short}?",
                [choice(a.name, a.name) for a in meeting.attendees][:8]
                + [choice("Not recorded", _NOBODY_CHAIRED)],
            )
        buttons = [choice("That's everyone", EVERYONE)] if found and found[1].attendees else []
        return Message(text, buttons)
    if slot == "meeting_step":
        step = ctx.step(asked.get("step"))
        # Overdue at the meeting, not today: a meeting recorded weeks later says
        # what was overdue then.
        held_on = found[1].held_on if found else ctx.today
        if step is not None and ctx.plan is not None and is_overdue(ctx.plan, step, held_on):
            text = "Overdue. " + text
    if slot in ("meeting_which", "meeting_step"):
        return Message(text, [choice(label, value) for value, label in asked.get("choices", [])])
    if slot == "meeting_score":
        before = _previous_line(ctx)
        if before:
            text = before + "\n\n" + text
        return Message(text, [choice("Didn't score this one", NOT_SCORED)])
    if slot == "meeting_reason":
        return Message(text, [Button("Skip for now", "/skip")])
    if slot == "meeting_new_step":
        return Message(text, [choice("No new steps", NO_MORE)])
    if slot == "meeting_step_who":
        buttons = [choice(label, value) for value, label in asked.get("choices", [])]
        return Message(text, [*buttons, Button("Not decided yet", "/skip")])
    if slot == "meeting_step_when":
        return Message(text, [Button("No date yet", "/skip")])
    if slot == "meeting_closure":
        plan_now = ctx.plan
        keep = (
            "Yes, still right"
            if plan_now is not None and plan_now.target_closure_date
            else "Not set yet"
        )
        return Message(text, [choice(keep, KEEP)])
    if slot == "meeting_changes":
        return Message(text, [choice(label, value) for value, label in asked.get("choices", [])])
    if found is None:
        return Message(text)
    plan, meeting = found
    if slot == "meeting_finish":
        return Message(
            read_back(plan, meeting) + "\n\nIs this right, and is the record finished?",
            [
                choice("Yes, it's finished", "finish"),
                choice("Fix a score", "fix"),
                choice("Not finished yet", "later"),
            ],
        )
    rows = score_rows(plan, meeting)
    listing = "\n".join(f"{n}. {row}" for n, (_p, _q, row) in enumerate(rows, start=1))
    return Message(
        listing + "\n\nWhich one do you want to change? Give its number.",
        [choice(str(n), str(n)) for n in range(1, len(rows) + 1)],
    )


def _previous_line(ctx: Context) -> str:
    """The previous meeting's scores for this pair, beside today's question."""
    found = _recorded(ctx)
    pair, _person = _pair_and_person(ctx)
    if found is None or pair is None:
        return ""
    plan, meeting = found
    if any(s.meeting is meeting for s in pair.scores):
        # Shown once per pair, with its first attendee; the recorder's own
        # question then names each person's previous score.
        return ""
    before, previous = recording.previous_scores(plan, meeting, pair)
    if before is None or not previous:
        return ""
    parts = [
        f"{p.name} {format_score(p.value)}" + (f" ({p.reason})" if p.reason else "")
        for p in previous
    ]
    return f"At the {before.label}: " + "; ".join(parts) + "."
