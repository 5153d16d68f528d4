"""What each answer does to the plan.

A handler takes the question key and the person's answer, changes the plan
(recording who changed what), and says whether the answer was usable. When it
is not, the handler explains kindly what is expected and nothing is changed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.interview import network_edits, own_person, rule_people
from bot.interview import review as review_menu
from bot.interview.context import Context
from bot.interview.keys import key, split
from bot.meetings.planning import meeting_words, spoken_date, take_up
from bot.meetings.recording import match_person
from bot.parsing import (
    mentioned_names,
    parse_children,
    parse_meeting,
    parse_people,
    parse_score,
    parse_self,
    parse_who_does_what,
    parse_yes_no,
    read_closure_date,
    read_step_date,
    who_does_what_parts,
)
from bot.parsing.dates import format_uk_date
from bot.plan.compose import (
    compose_danger_statement,
    compose_safety_goal,
    compose_scaling_question,
    format_score,
    looks_like_danger_statement,
    looks_like_safety_goal,
    split_danger_statement,
)
from bot.plan.model import (
    Attendee,
    Child,
    ColumnEntry,
    ColumnKind,
    Meeting,
    MeetingType,
    Pair,
    Person,
    Plan,
    PlanRule,
    Role,
    RuleKind,
    Score,
    Step,
)
from bot.safety.decide import says_nobody_is_in_danger
from bot.text import split_items


@dataclass(frozen=True)
class Answer:
    text: str
    intent: str | None = None
    # The value of a button the person pressed ("/choose{...}"), if any.
    choice: str | None = None
    # The urgent-danger decision already made for this message inside the
    # Rasa server ("none", "check" or "urgent"), so it is not made twice.
    verdict: str | None = None
    # A command the message may be ("stop" for "stop it"): the interview asks
    # whether it was meant, and keeps the words as the answer if not.
    command: str | None = None


@dataclass
class Outcome:
    accepted: bool
    say: list[str] = field(default_factory=list)
    # The question keeps being asked (lists: "anyone else?").
    again: bool = False
    # The key the answer was really for, when it created the pair or step it belongs to.
    key: str | None = None
    # Someone said a child may be in danger now.
    urgent: bool = False
    # The person chose not to go on (no consent).
    ended: bool = False
    # "TBC", "not a clue": not known, so left open, as "I don't know" is.
    skipped: bool = False


def ok(*say: str, again: bool = False, key_: str | None = None) -> Outcome:
    return Outcome(True, [s for s in say if s], again=again, key=key_)


def problem(text: str) -> Outcome:
    return Outcome(False, [text])


# -- reading answers ---------------------------------------------------------

# "no thats every1 thanks" (a persona's own words): the ways of saying "nobody else",
# with text-speak and a thank-you after.
_EVERYONE = r"(it|all|everyone|everybody|every1|evry1|every one|every body|all of them|them all)"
_NONE = re.compile(
    r"^\s*(no+|nope|nah|none|nobody|no one|noone|nothing|not really|not yet|no one else|"
    rf"no,? that'?s {_EVERYONE}|that'?s {_EVERYONE}|"
    r"no more|nobody else|no-one|none really|no there isn'?t|there isn'?t anyone|n/a|na)"
    r"(,? (thanks|thank you|ta|x+))?\s*[.!]*\s*$",
    re.IGNORECASE,
)
_KEEP = re.compile(
    r"^\s*(keep( it| that| my answer| the same| as it is)?|same|leave it|no change|that'?s fine|"
    r"it'?s fine|it'?s ok(ay)?|fine)\s*[.!]*\s*$",
    re.IGNORECASE,
)


# People named, then the list closed in the same message: "Jo Baker social worker
# and mrs hughes, no that's everyone" (a persona was then asked "Any other workers?").
_LIST_CLOSED = re.compile(
    r"[\s,.;:-]*\b(?:and |so |ok |okay )?(?:no,? )?(?:(?:that'?s|thats|that is|that will be) "
    rf"{_EVERYONE}|(?:there'?s )?(?:no one|nobody|noone|no-one) else|no (?:one )?more|no others?)"
    r"(?:,? (?:thanks|thank you|ta|x+))?\s*[.!]*\s*$",
    re.IGNORECASE,
)


def _closing_the_list(text: str) -> tuple[str, bool]:
    """The people part of the message, and whether it said that was everyone."""
    match = _LIST_CLOSED.search(text)
    if match is None or not text[: match.start()].strip():
        return text, False
    return text[: match.start()], True


def says_none(answer: Answer) -> bool:
    return (
        answer.intent == "deny" or bool(_NONE.match(answer.text)) or answer.text.strip() == "/deny"
    )


def says_keep(answer: Answer) -> bool:
    return answer.choice == "keep" or bool(_KEEP.match(answer.text))


def yes_no(answer: Answer) -> bool | None:
    value = parse_yes_no(answer.text)
    if value is not None:
        return value
    if answer.intent == "affirm":
        return True
    if answer.intent == "deny":
        return False
    return None


# A hedged answer to a yes/no question about the plan ("yeah kind of", "a bit",
# "not really") still answers it. Never used for consent or the safety questions,
# where only a plain yes or no will do.
_HEDGED_YES = re.compile(
    r"^\W*(?:(?:yes|yeah|yea|yeh|yep|yh|ye|i think|i guess|i suppose)\W+)?"
    r"(?:kind of|kinda|sort of|sorta|a bit|a little|partly|sometimes|mostly|some of the time|"
    r"in a way|more or less|i think so|i guess so|i suppose so|suppose so)\b",
    re.IGNORECASE,
)
_HEDGED_NO = re.compile(
    r"^\W*(?:no+\W+)?(?:not really|not much|not exactly|not always|not that much|"
    r"not so much|hardly|barely|not as such)\b",
    re.IGNORECASE,
)


def hedged_yes_no(answer: Answer) -> bool | None:
    """Yes or no, also when said with a hedge ("yeah kind of" is a yes, "not really" a no)."""
    value = yes_no(answer)
    if value is not None:
        return value
    if _HEDGED_NO.match(answer.text):
        return False
    if _HEDGED_YES.match(answer.text):
        return True
    return None


# "yes leo to see the school nurse": the yes answers "is there another?", the rest
# is the answer itself.
_LEADING_YES = re.compile(
    r"^\s*(?:yes|yeah|yea|yeh|yep|yup|ok|okay|sure|aye)\b[\s,.!:;-]+"
    r"(?:(?:there is|theres|there's|please|another one|one more)\b[\s,.!:;-]*)?",
    re.IGNORECASE,
)


def after_yes(text: str) -> str | None:
    """The words after a leading yes or ok, when they are an answer (two words or more)."""
    match = _LEADING_YES.match(text)
    if match is None:
        return None
    rest = text[match.end() :].strip()
    return rest if len(rest.split()) >= 2 else None


def without_yes(text: str) -> str:
    """The answer without a leading "yes"/"ok" that only answered "anything else?"."""
    return after_yes(text) or text.strip()


# A question asked back ("does leo wetting the bed count"): not a yes or a no.
_ASKS_BACK = re.compile(
    r"\?\s*$|^\W*(?:does|do|is|are|am|can|could|should|would|will|shall|what|whats|what's|"
    r"how|why|which|who|when|where)\b",
    re.IGNORECASE,
)


def asks_back(text: str) -> bool:
    return bool(_ASKS_BACK.search(text))


_ACKS_FAMILY = ("Thank you, I've saved that.", "Thanks. Saved.", "Got it, I've saved that.")
_ACKS_WORKER = ("Saved.", "Saved.", "Saved.")


def saved(ctx: Context) -> str:
    acks = _ACKS_FAMILY if ctx.audience == "family" else _ACKS_WORKER
    return acks[len(ctx.state.history) % len(acks)]


def _editing(ctx: Context, question_key: str) -> bool:
    return ctx.state.cursor == question_key


def _record(ctx: Context, action: str, what: str) -> None:
    if ctx.plan is not None:
        ctx.plan.record(ctx.actor, action, what)


def _offer_people(ctx: Context, text: str) -> None:
    """Names used in the plan who are not in the network yet are offered to be added."""
    plan = ctx.plan
    if plan is None:
        return
    known: set[str] = set()
    for name in [p.name for p in plan.people] + [c.first_name for c in plan.children]:
        folded = name.casefold()
        known.add(folded)
        # "Sam" is the "Sam Patel" already in the network.
        known.add(folded.split()[0] if folded.split() else folded)
    if ctx.conversation.user_name:
        known.add(ctx.conversation.user_name.casefold())
    skip = {"mum", "dad", "me", "i", "we", "mummy", "daddy", "mom", "you"}
    for name in mentioned_names(text):
        folded = name.casefold()
        if folded in known or folded in skip:
            continue
        if rule_people.network_person(plan, name) is not None:
            # "MGM Brenda" is the Brenda already in the network.
            continue
        if name in ctx.state.pending_people or name in ctx.state.declined_people:
            continue
        ctx.state.pending_people.append(name)


# -- the start ---------------------------------------------------------------


def danger_now(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = yes_no(answer)
    if answer.choice is None and says_nobody_is_in_danger(answer.text):
        # Typed "no danger now. before yes, not now": the words say no, whatever
        # the intent model made of the "yes" in them. (Danger in the same words
        # was already answered with 999 by the Rasa server's decision.)
        value = False
    if value is True or answer.intent == "skip":
        # Not sure whether someone is in danger is treated as a yes: better to
        # show who to contact than to miss it.
        return Outcome(True, urgent=True)
    if value is False:
        ctx.state.danger_checked = True
        return ok("Thank you. If that changes at any time, just tell me.")
    return problem(
        "Sorry, I didn't catch that. Is anyone in danger right now? Please say yes or no."
    )


_ROLE_WORDS = {
    Role.PRACTISING: (
        r"practi[cs]|learn|training|train|student|trainee|example case|made.?up|pretend"
    ),
    Role.WORKER: (
        r"worker|social ?work|\bsw\b|professional|practitioner|teacher|health visitor|nurse|"
        r"\bdsl\b|police|officer|family support|key ?worker|\bgp\b|doctor|midwife|manager|"
        r"chair|\biro\b"
    ),
    Role.FAMILY: (
        r"famil|mum|mom|mam|mother|dad|father|parent|carer|nan|gran|grand|aunt|uncle|sister|"
        r"brother|step|foster|kinship|guardian|partner|relative|cousin|me\b|myself"
    ),
}


def user_role(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    role: Role | None = None
    if answer.choice in {r.value for r in Role}:
        role = Role(answer.choice)
    else:
        lowered = answer.text.casefold()
        for candidate, pattern in _ROLE_WORDS.items():
            if re.search(pattern, lowered):
                role = candidate
                break
    if role is None:
        return problem(
            "Please choose one: a family member, a worker, or practising. "
            "You can tap a button or type it."
        )
    ctx.conversation.role = role
    if role is Role.PRACTISING:
        return ok(
            "Great. You'll practise with a made-up family, and I'll give you feedback as you go."
        )
    return ok("Thank you.")


def consent(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = yes_no(answer)
    if value is True:
        ctx.conversation.consent = True
        plan = ctx.require_plan()
        for flag in ctx.conversation.urgent_flags:
            if flag not in plan.urgent_flags:
                plan.urgent_flags.append(flag)
        if not plan.revisions:
            plan.record(ctx.actor, "added", "the draft plan")
        if ctx.role is Role.WORKER and plan.pairs:
            # A worker joining a case that already has a plan is often here to record
            # a meeting: say how, before any question about the plan.
            return ok(
                "Thank you. I'll save each answer as we go, so nothing is lost if you stop.",
                "This case already has a plan. To record a meeting, say 'record a meeting'; "
                "to change something, say 'review'. Or carry on with the questions below.",
            )
        return ok("Thank you. I'll save each answer as we go, so nothing is lost if you stop.")
    if value is False:
        ctx.conversation.consent = False
        return Outcome(
            True,
            [
                "That's OK. I won't keep anything: this chat is deleted in a minute or two. If you "
                "change your mind, say hello and we can start again. Your worker can also help "
                "you with the plan."
            ],
            ended=True,
        )
    return problem("Please say yes if it's OK for me to keep your answers, or no if it isn't.")


def resume(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = answer.choice
    text = answer.text.casefold()
    if value is None:
        if "start" in text and "again" in text or answer.intent == "restart":
            value = "restart"
        elif "show" in text or "review" in text or "plan" in text or answer.intent == "review":
            value = "review"
        elif yes_no(answer) is not False:
            value = "carry_on"
    ctx.state.resume_offer = False
    if value == "record_meeting":
        from bot.interview import meeting_answers

        ctx.state.cursor = None
        return ok(*meeting_answers.begin(ctx, "record a meeting"))
    if value == "review":
        ctx.state.cursor = "review"
        return ok()
    if value == "restart":
        ctx.state.cursor = "restart_confirm"
        return ok()
    return ok("Let's carry on.")


def practice_case(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    import random

    from bot.practice.cases import get_case, list_cases, random_case

    chosen = None
    if answer.choice == "random" or re.search(
        r"surprise|random|any|dont mind|don't mind", answer.text, re.I
    ):
        chosen = random_case(random.Random())
    elif answer.choice:
        chosen = get_case(answer.choice)
    else:
        chosen = get_case(answer.text.strip())
    if chosen is None:
        titles = [c.title for c in list_cases()]
        return problem("Please pick one of these: " + "; ".join(titles) + ", or say 'surprise me'.")
    plan = ctx.require_plan()
    plan.practice_case = chosen.id
    plan.children[:] = [Child(first_name=c.name, age=c.age) for c in chosen.children]
    for member in chosen.network:
        plan.add_person(
            Person(
                name=member.name,
                relationship=member.relationship,
                is_professional=member.professional,
                contact=member.contact,
            )
        )
    for slot in ("children", "supporters", "professionals", "about_you"):
        ctx.state.mark_done(slot)
    _record(ctx, "added", f"practice case {chosen.title}")
    from bot.practice.why import why

    # The network is listed, so the people and places the model answers use are
    # facts the learner has read ("Auntie Funmi", Nan "a 10-minute walk away").
    network = "\n".join(f"- {m.name} ({m.relationship})" for m in chosen.network)
    return ok(
        f"{chosen.title}\n\n" + "\n\n".join(chosen.paragraphs),
        "I've added the children and their safety network from the case:\n"
        + network
        + "\n\nWhy it's built this way: "
        + why("network"),
        "Now draft each part of the plan from what you've read. After each part you'll see "
        "feedback and a model answer.",
    )


def about_you(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    person = parse_self(answer.text)
    if person is None:
        words = answer.text.split()
        if 0 < len(words) <= 3 and not re.search(r"\d", answer.text):
            name, relationship = " ".join(w.capitalize() if w.islower() else w for w in words), None
        else:
            return problem("Could you tell me just your first name? You can also say 'skip'.")
    else:
        name, relationship = person.name, person.relationship
    conversation = ctx.conversation
    plan = ctx.require_plan()
    contact = person.contact if person else None
    candidates = own_person.needs_asking(ctx, name)
    if candidates:
        # Joined through an invite: which of the plan's people is this? Asked, never guessed.
        ctx.state.flags[own_person.WHICH_YOU] = {
            "name": name,
            "relationship": relationship,
            "contact": contact,
            "candidates": [plan.people.index(p) for p in candidates],
        }
        return ok(f"Thank you, {name}.")
    if own_person.invited_family(ctx):
        known, _others = match_person(plan, name)
        if known is not None:
            _be(ctx, known, relationship)
            return ok(f"Thank you, {known.name}.")
    conversation.user_name = name
    conversation.user_relationship = relationship
    _written_with(plan, name, relationship)
    added = plan.add_person(
        Person(
            name=name,
            relationship=relationship,
            is_professional=ctx.role is not Role.FAMILY,
            contact=contact,
        )
    )
    own_person.remember(ctx, added)
    _record(ctx, "added", f"{name} to the safety network")
    return ok(f"Thank you, {name}.")


def _written_with(plan: Plan, name: str, relationship: str | None) -> None:
    label = f"{name} ({relationship})" if relationship else name
    if label not in plan.written_with:
        plan.written_with.append(label)


def _be(ctx: Context, person: Person, relationship: str | None) -> None:
    """This conversation is this person of the plan: their scores go on their line."""
    conversation = ctx.conversation
    conversation.user_name = person.name
    conversation.user_relationship = person.relationship or relationship
    _written_with(ctx.require_plan(), person.name, conversation.user_relationship)
    own_person.remember(ctx, person)


def about_you_which(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    """Someone who joined through an invite says which of the plan's people they are."""
    data = own_person.pending(ctx)
    plan = ctx.plan
    if data is None or plan is None:
        return ok()
    name, relationship = str(data["name"]), data.get("relationship")
    candidates = [plan.people[i] for i in data["candidates"] if 0 <= i < len(plan.people)]
    chosen: Person | None = None
    new = answer.choice == own_person.NEW
    if not new and answer.choice is not None and answer.choice.isdigit():
        index = int(answer.choice)
        if 0 <= index < len(plan.people) and plan.people[index] in candidates:
            chosen = plan.people[index]
    if chosen is None and not new and answer.text:
        said, others = match_person(plan, answer.text)
        if said in candidates:
            chosen = said
        elif said is None and len(candidates) == 1 and yes_no(answer) is not None:
            chosen = candidates[0] if yes_no(answer) else None
            new = chosen is None
        elif said is None and len(others) == 1 and others[0] in candidates:
            chosen = None  # close to one name, still not certain: ask again
    if chosen is None and not new:
        return problem("Please choose one of the names, or say you're someone else.")
    ctx.state.flags.pop(own_person.WHICH_YOU, None)
    if chosen is not None:
        _be(ctx, chosen, relationship)
        return ok(f"Thank you, {chosen.name}.")
    person = Person(name=name, relationship=relationship, contact=data.get("contact"))
    plan.people.append(person)  # not add_person: that would merge by name
    _be(ctx, person, relationship)
    _record(ctx, "added", f"{name} to the safety network")
    return ok(f"Thank you, {name}. I've added you to the people who help.")


# -- the family and the network -----------------------------------------------


def children(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    found = parse_children(answer.text)
    if not found:
        return problem(
            "I didn't catch any names there. Please type the children's first names, "
            "like 'Leo and Mia'. You can also say 'I don't know'."
        )
    plan = ctx.require_plan()
    action = "changed" if plan.children else "added"
    plan.children[:] = [Child(first_name=c.first_name, age=c.age) for c in found]
    _record(ctx, action, "the children's names")
    listed = [f"{c.first_name} ({c.age})" if c.age is not None else c.first_name for c in found]
    from bot.plan.model import join_names

    return ok(f"Thank you. I've saved: {join_names(listed)}.")


def _people(ctx: Context, question_key: str, answer: Answer, professional: bool) -> Outcome:
    plan = ctx.require_plan()
    if says_none(answer):
        if ctx.audience != "family":
            return ok()
        named_before = any(
            p.is_professional == professional
            for p in plan.people
            if p.name != ctx.conversation.user_name
        )
        # "No, that's everyone" after naming people is not something to reassure about.
        return ok("OK, that's everyone." if named_before else "That's OK.")
    removal = network_edits.asked_to_remove(plan, answer.text)
    if removal is not None:
        return _take_off(ctx, removal)
    children = {c.first_name.casefold() for c in plan.children}
    text, closed = _closing_the_list(answer.text)
    # "and kais school i guess" (a persona): a child, or a child's school ("kais" is
    # Kai's), is never a person in the network.
    found = [
        p for p in parse_people(without_yes(text))
        if p.name.casefold() not in children
        and not (p.name.casefold().endswith("s") and p.name.casefold()[:-1] in children)
    ]
    if not found:
        example = "'Sam Patel, social worker'" if professional else "'Nan, my mum'"
        return problem(
            f"I didn't catch a name. Please tell me their name and how they know the family, "
            f"like {example}. Or say 'no' if there's nobody."
        )
    added = []
    for named in found:
        person = plan.add_person(
            Person(
                name=named.name,
                relationship=named.relationship,
                is_professional=professional or named.is_professional,
                contact=named.contact,
            )
        )
        if named.contact and not person.contact:
            person.contact = named.contact
        # The number is said back with the person it was put under, so a number
        # under the wrong person is seen at once (a persona's mum's number went to
        # her partner, unsaid, and was found only in the review).
        about = ", ".join(part for part in (person.relationship, person.contact) if part)
        added.append(f"{person.name} ({about})" if about else person.name)
        if person.name in ctx.state.pending_people:
            ctx.state.pending_people.remove(person.name)
    from bot.plan.model import join_names

    _record(ctx, "added", join_names([p.name for p in found]) + " to the safety network")
    if closed:
        return ok(f"Added {join_names(added)}. That's everyone.")
    return ok(f"Added {join_names(added)}.", again=True)


def _take_off(ctx: Context, removal: network_edits.Removal) -> Outcome:
    """"remove dean" at a network question: take him off, or say why not."""
    plan = ctx.require_plan()
    person = removal.person
    if person is None:
        return ok(
            f"{removal.typed.title()} isn't on the list, so there's nobody to take off.",
            again=True,
        )
    used = network_edits.where_named(plan, person)
    if used is not None:
        return ok(
            f"{person.name} is named in {used}, so I've left them on the list. "
            "You can change that part first, then take them off.",
            again=True,
        )
    plan.people.remove(person)
    _record(ctx, "removed", f"{person.name} from the safety network")
    return ok(f"I've taken {person.name} off the list.", again=True)


def supporters(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    return _people(ctx, question_key, answer, professional=False)


def professionals(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    return _people(ctx, question_key, answer, professional=True)


# -- the three columns ---------------------------------------------------------

_COLUMN_OF = {
    "strengths": ColumnKind.STRENGTH,
    "harm": ColumnKind.HARM,
    "complicating": ColumnKind.COMPLICATING,
    "needs": ColumnKind.NEEDS,
}

_COLUMN_WHAT = {
    ColumnKind.STRENGTH: "what's working well",
    ColumnKind.EXISTING_SAFETY: "existing safety",
    ColumnKind.HARM: "the harm that has happened",
    ColumnKind.COMPLICATING: "complicating factors",
    ColumnKind.NEEDS: "what needs to happen",
}


def _replace_entries(
    ctx: Context, kind: ColumnKind, texts: list[str], how_long: str | None = None
) -> None:
    plan = ctx.require_plan()
    plan.entries[:] = [e for e in plan.entries if e.kind is not kind]
    for text in texts:
        plan.entries.append(ColumnEntry(kind=kind, text=text, how_long=how_long))


def column(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    kind = _COLUMN_OF[split(question_key)[0]]
    plan = ctx.require_plan()
    if says_none(answer):
        if _editing(ctx, question_key):
            _replace_entries(ctx, kind, [])
            _record(ctx, "removed", _COLUMN_WHAT[kind])
        return ok("That's OK." if ctx.audience == "family" else "Noted.")
    items = split_items(answer.text)
    if _editing(ctx, question_key):
        _replace_entries(ctx, kind, items)
        _record(ctx, "changed", _COLUMN_WHAT[kind])
    else:
        for text in items:
            plan.entries.append(ColumnEntry(kind=kind, text=text))
        _record(ctx, "added", _COLUMN_WHAT[kind])
    outcome = ok(saved(ctx))
    if kind is ColumnKind.NEEDS and ctx.role is Role.PRACTISING:
        from bot.interview.practice import model_columns

        model = model_columns(ctx)
        if model:
            outcome.say.append(model)
    return outcome


def existing_safety(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    plan = ctx.require_plan()
    flags = ctx.state.flags
    if says_none(answer):
        flags["safety_given"] = False
        flags["safety_shown_when_worried"] = False
        if _editing(ctx, question_key):
            _replace_entries(ctx, ColumnKind.EXISTING_SAFETY, [])
        return ok(
            "That's OK. We can think about what could keep the children safe later in the plan."
            if ctx.audience == "family"
            else "Noted: no existing safety yet."
        )
    if _editing(ctx, question_key):
        plan.entries[:] = [e for e in plan.entries if e.kind is not ColumnKind.EXISTING_SAFETY]
        ctx.state.unmark("safety_when_worry")
        ctx.state.unmark("safety_how_long")
    plan.entries.append(ColumnEntry(kind=ColumnKind.EXISTING_SAFETY, text=answer.text.strip()))
    flags["safety_given"] = True
    _record(ctx, "added", "existing safety")
    return ok(saved(ctx))


def _last_safety_entry(ctx: Context) -> ColumnEntry | None:
    plan = ctx.plan
    if plan is None:
        return None
    entries = [
        e for e in plan.entries if e.kind in (ColumnKind.EXISTING_SAFETY, ColumnKind.STRENGTH)
    ]
    safety = [e for e in entries if e.kind is ColumnKind.EXISTING_SAFETY]
    return safety[-1] if safety else (entries[-1] if entries else None)


def safety_when_worry(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = hedged_yes_no(answer)
    entry = _last_safety_entry(ctx)
    flags = ctx.state.flags
    if value is True:
        flags["safety_shown_when_worried"] = True
        if entry is not None:
            entry.kind = ColumnKind.EXISTING_SAFETY
        return ok(
            "That's really important: it is safety that was there when it mattered."
            if ctx.audience == "family"
            else "Recorded as existing safety."
        )
    if value is False or re.search(r"not sure|don'?t know|unsure|maybe", answer.text, re.I):
        flags["safety_shown_when_worried"] = False
        if entry is not None:
            entry.kind = ColumnKind.STRENGTH
        _record(ctx, "changed", "existing safety to a strength")
        return ok(
            "Thank you. I've put it with the good things about your family, because it wasn't "
            "while the worry was happening."
            if ctx.audience == "family"
            else "Recorded as a strength rather than existing safety, as it wasn't shown while the "
            "danger was present."
        )
    return problem("Please say yes or no: did it help at the time the worry was going on?")


def safety_how_long(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    entry = _last_safety_entry(ctx)
    if entry is not None:
        entry.how_long = answer.text.strip()
        _record(ctx, "changed", "existing safety")
    return ok(saved(ctx))


# -- danger statements and safety goals ---------------------------------------------


def _pair_for(ctx: Context, question_key: str) -> tuple[Pair, str]:
    """The pair this answer belongs to, making a new one when the question starts it."""
    pair = ctx.pair_for_key(question_key)
    if pair is None:
        plan = ctx.require_plan()
        pair = Pair()
        plan.pairs.append(pair)
        ctx.state.new_pair = False
        ctx.state.flags.pop(WORRY_SAID, None)
        _record(ctx, "added", f"worry {len(plan.pairs)}")
    slot = split(question_key)[0]
    return pair, key(slot, pair.uid)


def compose_danger_if_ready(ctx: Context, pair: Pair) -> None:
    state = ctx.state
    parts_done = all(
        state.is_done(key(s, pair.uid)) for s in ("danger_who", "danger_behaviour", "danger_impact")
    )
    if parts_done and (pair.danger_who or pair.danger_behaviour or pair.danger_impact):
        pair.danger_statement = compose_danger_statement(
            pair.danger_who, pair.danger_behaviour, pair.danger_impact
        )
        pair.danger_confirmed = False


def compose_goal_if_ready(ctx: Context, pair: Pair) -> None:
    state = ctx.state
    parts_done = all(
        state.is_done(key(s, pair.uid)) for s in ("goal_happening", "goal_who", "goal_duration")
    )
    if parts_done and (pair.goal_happening or pair.goal_who or pair.goal_duration):
        pair.safety_goal = compose_safety_goal(
            pair.goal_who, pair.goal_happening, pair.goal_duration, ctx.children()
        )
        pair.goal_confirmed = False


def _after_part_edit(ctx: Context, question_key: str, check_slot: str) -> None:
    """A part changed on its own goes back to the check, so the person sees the new sentence."""
    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return
    check = key(check_slot, pair.uid)
    if _editing(ctx, question_key) and check not in ctx.state.return_stack:
        ctx.state.return_stack.append(check)


_ASIDE = re.compile(
    r"[\s,.\-]+(?:(?:like|as)\s+i\s+(?:just\s+)?said|i\s+(?:just|already)\s+said|i\s+said|"
    r"i\s+told\s+(?:you|u)|already\s+said|obviously|obvs|lol|haha)\W*$",
    re.IGNORECASE,
)


def danger_who(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    pair, real_key = _pair_for(ctx, question_key)
    text = answer.text.strip()
    number = ctx.pair_number(pair)
    if looks_like_danger_statement(text) and not _editing(ctx, real_key):
        who, behaviour, impact = split_danger_statement(text)
        pair.danger_who, pair.danger_behaviour, pair.danger_impact = who, behaviour, impact
        pair.danger_statement = text
        pair.danger_confirmed = False
        for slot in ("danger_behaviour", "danger_impact"):
            ctx.state.mark_done(key(slot, pair.uid))
        _record(ctx, "added", f"danger statement {number}")
        return ok(
            "Thank you, I've saved the whole statement."
            if ctx.audience == "family"
            else "Saved the whole statement.",
            key_=real_key,
        )
    # "priya i just said": the aside is not part of who is worried (a persona's
    # statement read "Priya i just said is worried that...").
    pair.danger_who = _ASIDE.sub("", text).strip(" ,.") or text
    ctx.state.mark_done(real_key)
    compose_danger_if_ready(ctx, pair)
    _after_part_edit(ctx, real_key, "danger_check")
    _record(
        ctx, "changed" if pair.danger_statement else "added", f"who is worried (worry {number})"
    )
    return ok(saved(ctx), key_=real_key)


def _danger_part(attribute: str, what: str) -> Callable[[Context, str, Answer], Outcome]:
    def handle(ctx: Context, question_key: str, answer: Answer) -> Outcome:
        pair, real_key = _pair_for(ctx, question_key)
        setattr(pair, attribute, answer.text.strip())
        ctx.state.mark_done(real_key)
        compose_danger_if_ready(ctx, pair)
        _after_part_edit(ctx, real_key, "danger_check")
        _record(ctx, "changed", f"{what} (worry {ctx.pair_number(pair)})")
        return ok(saved(ctx), key_=real_key)

    return handle


def _check(kind: str) -> Callable[[Context, str, Answer], Outcome]:
    """danger_check / goal_check: accept, rewrite whole, or redo one part."""
    parts = (
        {"who": "danger_who", "behaviour": "danger_behaviour", "impact": "danger_impact"}
        if kind == "danger"
        else {"who": "goal_who", "happening": "goal_happening", "duration": "goal_duration"}
    )
    rewrite_slot = f"{kind}_rewrite"

    def handle(ctx: Context, question_key: str, answer: Answer) -> Outcome:
        pair = ctx.pair_for_key(question_key)
        if pair is None:
            return ok()
        number = ctx.pair_number(pair)
        value = answer.choice
        text = answer.text.strip()
        if value is None:
            lowered = text.casefold()
            looks_whole = (
                looks_like_danger_statement(text)
                if kind == "danger"
                else looks_like_safety_goal(text)
            )
            if looks_whole:
                value = "pasted"
            elif re.search(r"\b(rewrite|my way|own words|write it)\b", lowered):
                value = "rewrite"
            elif yes_no(answer) is True or re.search(
                r"\b(accept|correct|right|good|fine|keep)\b", lowered
            ):
                value = "accept"
            else:
                for part, pattern in (
                    ("who", r"\bwho\b"),
                    ("behaviour", r"behaviou?r|what happens|what he does|what she does"),
                    ("impact", r"impact|could happen|what might happen"),
                    ("happening", r"what needs|happening|see happening"),
                    ("duration", r"how long|duration|long"),
                ):
                    if part in parts and re.search(pattern, lowered):
                        value = part
                        break
        if value == "accept":
            if kind == "danger":
                pair.danger_confirmed = True
            else:
                pair.goal_confirmed = True
                if not pair.scaling_question:
                    pair.scaling_question = compose_scaling_question(pair, ctx.children())
            ctx.plan.resolve_open(question_key) if ctx.plan else None
            _record(
                ctx,
                "added",
                f"{'danger statement' if kind == 'danger' else 'safety goal'} {number}",
            )
            if kind == "danger":
                return ok(
                    f"Thank you. Worry {number} is saved."
                    if ctx.audience == "family"
                    else f"Danger statement {number} saved."
                )
            return ok(
                f"Thank you. The goal for worry {number} is saved."
                if ctx.audience == "family"
                else f"Safety goal {number} saved."
            )
        if value == "pasted":
            if kind == "danger":
                pair.danger_statement = text
                pair.danger_who, pair.danger_behaviour, pair.danger_impact = split_danger_statement(
                    text
                )
            else:
                pair.safety_goal = text
            _record(
                ctx,
                "changed",
                f"{'danger statement' if kind == 'danger' else 'safety goal'} {number}",
            )
            return Outcome(True, ["Thank you. Here it is with your wording."], again=True)
        if value == "rewrite":
            _jump(ctx, key(rewrite_slot, pair.uid), back_to=question_key)
            return ok()
        if value in parts:
            _jump(ctx, key(parts[value], pair.uid), back_to=question_key)
            return ok()
        return problem(
            "Would you like to keep it as it is, write it your own way, or change one part? "
            "You can tap a button."
        )

    return handle


def _jump(ctx: Context, question_key: str, back_to: str | None) -> None:
    """Ask question_key next, then come back to back_to."""
    state = ctx.state
    if back_to:
        state.return_stack.append(back_to)
    state.cursor = question_key


def _rewrite(kind: str) -> Callable[[Context, str, Answer], Outcome]:
    def handle(ctx: Context, question_key: str, answer: Answer) -> Outcome:
        pair = ctx.pair_for_key(question_key)
        if pair is None:
            return ok()
        text = answer.text.strip()
        number = ctx.pair_number(pair)
        if kind == "danger":
            pair.danger_statement = text
            pair.danger_who, pair.danger_behaviour, pair.danger_impact = split_danger_statement(
                text
            )
            pair.danger_confirmed = False
            for slot in ("danger_who", "danger_behaviour", "danger_impact"):
                ctx.state.mark_done(key(slot, pair.uid))
        else:
            pair.safety_goal = text
            pair.goal_confirmed = False
            for slot in ("goal_happening", "goal_who", "goal_duration"):
                ctx.state.mark_done(key(slot, pair.uid))
        check = key(f"{kind}_check", pair.uid)
        if check not in ctx.state.return_stack:
            ctx.state.return_stack.append(check)
        _record(
            ctx, "changed", f"{'danger statement' if kind == 'danger' else 'safety goal'} {number}"
        )
        return ok(saved(ctx))

    return handle


def _goal_part(
    attribute: str, what: str, offer: bool = False
) -> Callable[[Context, str, Answer], Outcome]:
    def handle(ctx: Context, question_key: str, answer: Answer) -> Outcome:
        pair = ctx.pair_for_key(question_key)
        if pair is None:
            return ok()
        text = answer.text.strip()
        if (
            attribute == "goal_happening"
            and looks_like_safety_goal(text)
            and not _editing(ctx, question_key)
        ):
            pair.safety_goal = text
            pair.goal_confirmed = False
            for slot in ("goal_who", "goal_duration"):
                ctx.state.mark_done(key(slot, pair.uid))
            _record(ctx, "added", f"safety goal {ctx.pair_number(pair)}")
            return ok("Saved the whole goal." if ctx.audience != "family" else saved(ctx))
        setattr(pair, attribute, text)
        ctx.state.mark_done(question_key)
        compose_goal_if_ready(ctx, pair)
        _after_part_edit(ctx, question_key, "goal_check")
        if offer:
            _offer_people(ctx, text)
        _record(ctx, "changed", f"{what} (worry {ctx.pair_number(pair)})")
        return ok(saved(ctx))

    return handle


# -- scaling -----------------------------------------------------------------


def _own_scores(ctx: Context, pair: Pair) -> list[Score]:
    """This person's own scores: given in the chat, or given before a planned meeting."""
    person = own_person.me(ctx)
    return [
        s
        for s in pair.scores
        if (s.meeting is None or s.meeting.is_planned)
        and (
            s.person is person
            if person is not None and s.person is not None
            else s.person_name == ctx.scorer
        )
    ]


_NOT_MINE = re.compile(r"\bnot (?:mine|my (?:own )?score|me)\b", re.IGNORECASE)


def _someone_elses(ctx: Context, text: str) -> str | None:
    """The name of someone else in the plan whose score this is ("Kerry 6 because ..."),
    or "someone else" for "not mine"; None when it reads as the person's own."""
    plan = ctx.plan
    mine = " ".join(ctx.scorer.casefold().split())
    match = _NAME_THEN_SCORE.match(without_yes(text))
    if match and plan is not None:
        name = match.group("name").strip(" ,:-–.").strip()
        person = plan.find_person(name)
        if person is not None and " ".join(person.name.casefold().split()) != mine:
            return person.name
    if _NOT_MINE.search(text):
        return "someone else"
    return None


def scale_score(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return ok()
    other = _someone_elses(ctx, answer.text)
    if other is not None:
        # Never saved as theirs: one person, one line of scores.
        whose = "someone else's" if other == "someone else" else f"{other}'s"
        return problem(
            f"That sounds like {whose} score. This question is for your own score. "
            "Scores people gave at a meeting go in with 'record a meeting'. "
            "What is your own score, 0 to 10?"
        )
    parsed = parse_score(answer.text)
    if parsed.value is None:
        return problem(parsed.problem or "Please give a number from 0 to 10, like 4 or 7.")
    if not pair.scaling_question:
        pair.scaling_question = compose_scaling_question(pair, ctx.children())
    # Before a planned meeting, someone invited gives their score for it.
    meeting = own_person.scoring_for(ctx)
    person = own_person.me(ctx)
    if meeting is not None:
        # A second score for the same planned meeting corrects the first.
        today = [s for s in _own_scores(ctx, pair) if s.meeting is meeting]
    else:
        # A second score the same day ("go back", or changed in the review) corrects
        # the first: one person has one score per pair per day, not two.
        today = [
            s for s in _own_scores(ctx, pair) if s.meeting is None and s.scored_on == ctx.today
        ]
    if today:
        today[-1].value = parsed.value
        today[-1].reason = parsed.reason
        today[-1].scored_on = ctx.today
        _record(ctx, "changed", f"the score for worry {ctx.pair_number(pair)}")
    else:
        pair.scores.append(
            Score(
                person_name=person.name if person is not None else ctx.scorer,
                value=parsed.value,
                reason=parsed.reason,
                scored_on=ctx.today,
                meeting=meeting,
                person=person,
            )
        )
    if parsed.reason:
        ctx.state.mark_done(key("scale_reason", pair.uid))
    else:
        ctx.state.unmark(key("scale_reason", pair.uid))
    if parsed.value >= 10:
        ctx.state.mark_done(key("scale_higher", pair.uid))
    else:
        ctx.state.unmark(key("scale_higher", pair.uid))
    if not today:
        what = f"a score for worry {ctx.pair_number(pair)}"
        _record(ctx, "added", what + (f" (before the {meeting.label})" if meeting else ""))
    if meeting is not None:
        return ok(
            f"Thank you. I've saved your score of {format_score(parsed.value)} for the "
            f"{meeting_words(meeting)} on {spoken_date(meeting.held_on, ctx.today)}."
        )
    return ok(f"Thank you. I've saved your score of {format_score(parsed.value)}.")


# "actually put 5 to be honest", typed to the question after the score: the score
# is changed, not saved as the answer to "what would 7 look like?" (a persona).
_SCORE_FIX = re.compile(
    r"^\W*(?:(?:actually|no|sorry|wait|oops|hang on|can you|can u|could you|pls|please)\W+)*"
    r"(?:put|make it|change it to|change (?:my|the) score to|my score is|its|it's|score)\s+"
    r"(?:a\s+)?(?P<num>10|[0-9](?:\.5)?)\b(?!\s*(?:weeks?|days?|months?|years?|times?|am|pm))"
    r"(?:\s+(?:instead|then|please|pls|to be honest|tbh|really|not\s+\d+))*\W*$",
    re.IGNORECASE,
)


def corrected_score(ctx: Context, question_key: str, text: str) -> str | None:
    """At the questions after a score, a message changing the score: changed and said."""
    found = _SCORE_FIX.match(text)
    score = _latest_own(ctx, question_key) if found else None
    if found is None or score is None:
        return None
    pair = ctx.pair_for_key(question_key)
    value = float(found.group("num"))
    score.value = value
    if pair is not None:
        if value >= 10:
            ctx.state.mark_done(key("scale_higher", pair.uid))
        _record(ctx, "changed", f"the score for worry {ctx.pair_number(pair)}")
    return f"OK, I've changed your score to {format_score(value)}."


def _latest_own(ctx: Context, question_key: str) -> Score | None:
    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return None
    mine = _own_scores(ctx, pair)
    meeting = own_person.scoring_for(ctx)
    # Before a planned meeting, the score for it is the one the next question is about.
    mine = [s for s in mine if s.meeting is meeting] or mine
    return mine[-1] if mine else None


def scale_reason(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    score = _latest_own(ctx, question_key)
    if score is not None:
        score.reason = answer.text.strip()
        _record(ctx, "changed", "the reason for a score")
    return ok(saved(ctx))


def scale_higher(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    score = _latest_own(ctx, question_key)
    if score is not None:
        score.one_point_higher = answer.text.strip()
        _record(ctx, "changed", "what one point higher would look like")
    return ok(saved(ctx))


def scale_others(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return ok()
    value = yes_no(answer)
    if value is None and re.search(r"\d", answer.text):
        value = True
    if value is None:
        return problem(
            "Please say yes to add other people's scores from a meeting, or no to carry on."
        )
    if not value:
        ctx.state.mark_done(key("scale_meeting", pair.uid))
        ctx.state.mark_done(key("scale_other_score", pair.uid))
        return ok()
    meeting = ctx.meeting(ctx.state.meeting_uid) if ctx.state.meeting_uid else None
    if meeting:
        ctx.state.mark_done(key("scale_meeting", pair.uid))
        return ok(f"I'll record them for the {meeting.label}.")
    return ok()


def scale_meeting(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    parsed = parse_meeting(answer.text, ctx.today)
    if parsed.date is None:
        return problem(
            "I couldn't find the date of the meeting. Please say the type and the date, "
            "for example 'core group 12/01/2027' or 'CIN meeting today'."
        )
    plan = ctx.require_plan()
    kind = MeetingType(parsed.kind) if parsed.kind else MeetingType.OTHER
    # Scores from a meeting that was planned and whose day has come: it has happened.
    taken = take_up(plan, kind, parsed.date, ctx.actor) if parsed.date <= ctx.today else None
    meeting = taken or next(
        (m for m in plan.meetings if m.kind is kind and m.held_on == parsed.date), None
    )
    if meeting is None:
        meeting = Meeting(kind=kind, held_on=parsed.date)
        plan.meetings.append(meeting)
        _record(ctx, "added", meeting.label)
    ctx.state.meeting_uid = meeting.uid
    return ok(f"Scores will be saved for the {meeting.label}.")


_NAME_THEN_SCORE = re.compile(
    r"^\s*(?P<name>[^\d]+?)[\s,:\-–]+(?:gave(?: it)?|scored|says|said|is|at|=)?\s*"
    r"(?P<rest>(?:\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|a |about|around|"
    r"between).*)$",
    re.IGNORECASE | re.DOTALL,
)


def scale_other_score(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    pair = ctx.pair_for_key(question_key)
    meeting = ctx.meeting(ctx.state.meeting_uid)
    if pair is None or meeting is None:
        return ok()
    if says_none(answer):
        return ok()
    match = _NAME_THEN_SCORE.match(without_yes(answer.text))
    if not match:
        return problem(
            "Please give one person at a time: their name or role, then the number and why. "
            "For example: 'Nan 6 because she sees Dad trying'."
        )
    name = match.group("name").strip(" ,:-–").strip()
    parsed = parse_score(match.group("rest"))
    if parsed.value is None:
        return problem(parsed.problem or "Please give a number from 0 to 10.")
    # Only a name the plan knows exactly is linked to its person; others keep the name.
    person = ctx.require_plan().find_person(name)
    pair.scores.append(
        Score(
            person_name=name,
            value=parsed.value,
            reason=parsed.reason,
            meeting=meeting,
            scored_on=meeting.held_on,
            person=person,
        )
    )
    if name not in meeting.attendee_names:
        meeting.attendees.append(Attendee(name=name, person=person))
    _record(ctx, "added", f"{name}'s score for worry {ctx.pair_number(pair)}")
    return ok(f"Saved: {name}, {format_score(parsed.value)}.", again=True)


# -- plan rules ------------------------------------------------------------------

_RULE_OF = {
    "rule_going_well": RuleKind.GOING_WELL,
    "rule_triggers": RuleKind.TRIGGER,
    "rule_red_flags": RuleKind.RED_FLAG,
    "rule_who_does_what": RuleKind.WHO_DOES_WHAT,
}


def rule(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    pair = ctx.pair_for_key(question_key)
    if pair is None:
        return ok()
    kind = _RULE_OF[split(question_key)[0]]
    if _editing(ctx, question_key):
        pair.rules[:] = [r for r in pair.rules if r.kind is not kind]
    items = split_items(answer.text)
    if kind is RuleKind.WHO_DOES_WHAT:
        # "Magda comes for the kids. Dean goes to his brother's": one rule per person.
        items = [part for item in items for part in who_does_what_parts(item)]
    added: list[PlanRule] = []
    notes: list[str] = []
    for text in items:
        new_rule = PlanRule(kind=kind, text=text)
        added.append(new_rule)
        if kind is RuleKind.WHO_DOES_WHAT:
            parsed = parse_who_does_what(text)
            action, contact = parsed.action, parsed.contact
            if contact and _typist_words(parsed.person) and not _OWN_NUMBER.search(text):
                # A number in what "I" will do is someone's to call, not the typist's
                # own: it stays in the words, never on the typist's record (a persona's
                # mum's number was printed as hers).
                action, contact = f"{action} ({contact})", None
            new_rule.person_name, new_rule.action, new_rule.contact = (
                own_person.typist(ctx, parsed.person or "") or parsed.person,
                action,
                contact,
            )
            notes += rule_people.link(ctx.require_plan(), new_rule, parsed.number_of)
            _offer_people(ctx, text)
        pair.rules.append(new_rule)
    _record(ctx, "added", f"{kind.heading.lower()} (worry {ctx.pair_number(pair)})")
    outcome = ok(" ".join([saved(ctx), *notes]))
    if kind is RuleKind.WHO_DOES_WHAT and len(added) > 1:
        # Never restructured silently: the split is shown, to change in the review.
        lines = [_who_does_what_line(r) for r in added]
        outcome = ok(
            "I've saved that as " + str(len(added)) + " parts:\n"
            + "\n".join(f"• {line}" for line in lines)
            + (
                "\nYou can change them from the list of parts."
                if "review" in ctx.state.return_stack
                else "\nYou can change them when we look over the plan."
            )
            + "".join(" " + note for note in notes)
        )
    if kind is RuleKind.WHO_DOES_WHAT and ctx.role is Role.PRACTISING:
        from bot.interview.practice import model_rules

        model = model_rules(ctx, pair)
        if model:
            outcome.say.append(model)
    return outcome


_OWN_NUMBER = re.compile(
    r"\b(?:my (?:number|mobile|phone|no)|(?:ring|call|text|phone|contact) me|"
    r"(?:i am|im|i'm) on|me on)\b",
    re.IGNORECASE,
)


def _typist_words(person: str | None) -> bool:
    return (person or "").casefold() in ("i", "we", "me", "myself")


def _who_does_what_line(rule: PlanRule) -> str:
    """One part as read back. The emergency number is named, not printed: the
    assistant says "999" only on the urgent path (the saved words keep it)."""
    who = rule.person_name or "Someone"
    what = _EMERGENCY_NUMBER.sub("the emergency number", rule.action or rule.text)
    return f"{who}: {what}" + (f" ({rule.contact})" if rule.contact else "")


_EMERGENCY_NUMBER = re.compile(r"(?<!\d)999(?!\d)")


def add_person(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    """Everyone named in the plan but not in the network is offered at once, to save turns."""
    state = ctx.state
    names = list(state.pending_people)
    if not names:
        return ok()
    value = yes_no(answer)
    if value is None and re.match(r"^\s*(yes|yeah|yep|ok|okay|sure|add)\b", answer.text, re.I):
        value = True
    if value is True:
        plan = ctx.require_plan()
        relationship = None
        if len(names) == 1:
            rest = re.sub(
                r"^\s*(yes|yeah|yep|ok|okay|sure|please|add( them| him| her)?)[\s,.!-]*",
                "",
                answer.text,
                flags=re.IGNORECASE,
            )
            rest = re.sub(r"^(she|he|they)('s| is| are)\s+", "", rest, flags=re.IGNORECASE).strip(
                " ."
            )
            if rest and not rest.startswith("/"):
                relationship = rest
        added = []
        for name in names:
            # The number a who-does-what rule gave them comes with them, said back.
            contact = rule_people.contact_for(plan, name)
            plan.add_person(Person(name=name, relationship=relationship, contact=contact))
            added.append(f"{name} ({contact})" if contact else name)
        state.pending_people.clear()
        from bot.plan.model import join_names

        _record(ctx, "added", join_names(names) + " to the safety network")
        return ok(
            f"Added {join_names(added)}. You can say how they know the family later, in the review."
        )
    if value is False:
        state.declined_people.extend(names)
        state.pending_people.clear()
        return ok("OK, I won't add them.")
    return problem("Shall I add them to the list of people who help? Please say yes or no.")


def more_pairs(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = yes_no(answer)
    if value is None and asks_back(answer.text) and answer.choice is None:
        # "Does leo wetting the bed count?" is a question back, not a yes.
        from bot.interview.catalogue import spec

        explained = spec("more_pairs").help.for_audience(ctx.audience)
        return problem(
            explained + " Do you want to add another worry? Yes or no."
            if ctx.audience == "family"
            else explained + " Add another danger statement? Yes or no."
        )
    said = after_yes(answer.text) if value is True else None
    if value is None and len(answer.text.split()) >= 4:
        value, said = True, answer.text.strip()
    if value is True:
        ctx.state.new_pair = True
        if said:
            # "yes leo wetting the bed": shown with the first question of the new
            # worry, so what she said is not lost.
            ctx.state.flags[WORRY_SAID] = said
        return ok()
    if value is False:
        ctx.state.new_pair = False
        ctx.state.flags.pop(WORRY_SAID, None)
        ctx.state.mark_done("pairs_done")
        return ok()
    return problem("Is there another worry to write about? Please say yes or no.")


# -- the timeline -----------------------------------------------------------------


def step_what(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    plan = ctx.require_plan()
    step = ctx.step_for_key(question_key)
    if step is None and says_none(answer):
        ctx.state.new_step = False
        ctx.state.mark_done("steps_done")
        if not plan.steps:
            plan.note_open("steps", "Steps on the timeline")
        return ok()
    text = without_yes(answer.text)
    if step is None:
        step = Step(what=text)
        plan.steps.append(step)
        ctx.state.new_step = False
        _record(ctx, "added", f"step {len(plan.steps)}")
        return ok(saved(ctx), key_=key("step_what", step.uid))
    step.what = text
    _record(ctx, "changed", f"step {ctx.step_number(step)}")
    return ok(saved(ctx))


def step_who(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    step = ctx.step_for_key(question_key)
    if step is None:
        return ok()
    # The step's own person, offered as a button ("Dad"), comes as a choice.
    step.who = (answer.choice or answer.text).strip()
    mine = own_person.typist(ctx, step.who)
    if mine is not None:
        # "me" in the plan is whoever reads it: the person typing is named, and told.
        step.who = mine
        _record(ctx, "changed", f"who does step {ctx.step_number(step)}")
        return ok(f"Saved: {mine} (you) will do step {ctx.step_number(step)}.")
    _offer_people(ctx, step.who)
    _record(ctx, "changed", f"who does step {ctx.step_number(step)}")
    return ok(saved(ctx))


def _date_problem(kind: str | None) -> str:
    if kind == "past":
        return (
            "That date has already passed. What date did you mean? "
            "For example '12/01/2027', 'in two weeks' or 'end of March'."
        )
    return (
        "I couldn't work out that date. You can say a date like '12/01/2027' (day first), "
        "or 'in two weeks', 'next Friday' or 'end of March'."
    )


def _step_done(ctx: Context, step: Step, text: str, when: dt.date | None) -> Outcome:
    """A step already done: recorded as done, on the date given if there is one."""
    step.done = True
    step.due = when
    step.due_text = text.strip()
    number = ctx.step_number(step)
    _record(ctx, "changed", f"step {number} to done")
    return ok(f"Saved: step {number} is done" + (f" ({format_uk_date(when)})." if when else "."))


def step_when(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    step = ctx.step_for_key(question_key)
    if step is None:
        return ok()
    read = read_step_date(answer.text, ctx.today)
    if read.kind == "done":
        return _step_done(ctx, step, answer.text, read.date)
    if read.kind == "ongoing":
        step.due = None
        step.due_text = answer.text.strip()
        step.done = False
        number = ctx.step_number(step)
        _record(ctx, "changed", f"the date for step {number}")
        return ok(f"Saved: step {number} keeps going, with no end date.")
    if read.kind == "past":
        return problem(
            "That date has already passed. If this step is done, say 'done'. "
            "If not, by when will it be done? For example 'in two weeks'."
        )
    if read.kind == "asap":
        return problem(
            "As soon as possible is good. So everyone knows when to check, by what date at "
            "the latest? For example 'this Friday' or 'in two weeks'."
        )
    if read.kind == "season":
        return problem(
            "That can be a few weeks long. By which date? "
            "For example 'end of July' or '20/07/2027'."
        )
    if read.date is None:
        return problem(_date_problem(None))
    step.due = read.date
    step.due_text = answer.text.strip()
    _record(ctx, "changed", f"the date for step {ctx.step_number(step)}")
    return ok(f"Saved: by {format_uk_date(read.date)}.")


def more_steps(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    if says_none(answer):
        # "No, that's it" is a no, though "that's it" alone can mean yes.
        ctx.state.mark_done("steps_done")
        return ok()
    value = yes_no(answer)
    described = after_yes(answer.text) if value is True else None
    if described is not None or (value is None and len(answer.text.split()) >= 3):
        # They went straight on to describe the next step ("yes leo to see the nurse").
        plan = ctx.require_plan()
        step = Step(what=described or answer.text.strip())
        plan.steps.append(step)
        _record(ctx, "added", f"step {len(plan.steps)}")
        # Kept as the step's own answer, so "go back" from "Who will do it?" returns
        # to the step's words, not to "another step?" (a persona then wrote it again,
        # and the plan had the step twice).
        return ok(saved(ctx), key_=key("step_what", step.uid))
    if value is True:
        ctx.state.new_step = True
        return ok()
    if value is False:
        ctx.state.mark_done("steps_done")
        return ok()
    return problem("Is there another step? Please say yes or no.")


# What to say back when no closure date can be taken from the words, by why.
_CLOSURE_ASK = {
    "past": "The date needs to be after today. When could it be? For example 'in nine months' "
    "or 'by next September'.",
    "event": "I can't count from that, because the plan doesn't have its date. Roughly when do "
    "you think it could be? For example 'in nine months' or 'by next September'. Or say "
    "'I don't know'.",
    "range": "Which would you hope for? Please give one, like 'in nine months' or 'by next "
    "September'.",
    "loose": "Roughly how long, do you think? For example 'in six months' or 'by next "
    "September'. Or say 'I don't know'.",
}


def closure_date(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    read = read_closure_date(answer.text, ctx.today)
    if read.kind == "dont_know":
        # "TBC", "not a clue": left open, as "I don't know" is.
        return Outcome(True, skipped=True)
    if read.kind != "date" or read.date is None:
        return problem(_CLOSURE_ASK.get(read.why) or _date_problem("unclear"))
    parsed = read
    plan = ctx.require_plan()
    plan.target_closure_date = parsed.date
    plan.target_closure_text = answer.text.strip()
    _record(ctx, "changed", "the target date for closing the case")
    outcome = ok(f"Saved: the case could close by {format_uk_date(parsed.date)}.")
    if ctx.role is Role.PRACTISING:
        from bot.interview.practice import model_timeline

        model = model_timeline(ctx)
        if model:
            outcome.say.append(model)
    return outcome


# -- review -----------------------------------------------------------------------

# State flags: the worries waiting for a yes before they are removed
# ({"for": question key, "uids": [...], "cancel": whether a new worry is being
# called off}), and the question about unfinished worries asked after "yes, it's right".
REMOVE_WORRY = "remove_worry"
# What was said with the yes to "is there another worry?", until the worry is begun.
WORRY_SAID = "worry_said"
UNFINISHED = "unfinished_offer"

_DELETE_WORRY = re.compile(
    r"\b(?:delete|remove|get rid of|take out|take away|scrap|bin|drop|cancel)\b"
    r"(?:\s+\w+){0,2}?\s+(?:worry|danger statement|pair)\s*(?:number\s*)?(\d+)\b",
    re.IGNORECASE,
)


def unfinished_pairs(ctx: Context) -> list[Pair]:
    """Worries without their statement or their goal (the review's "Not finished yet")."""
    plan = ctx.plan
    return [p for p in plan.pairs if not p.danger_statement or not p.safety_goal] if plan else []


def ask_to_remove(ctx: Context, question_key: str, pairs: list[Pair], cancel: bool = False) -> None:
    """Ask before removing worries: a whole worry is never removed on one word."""
    ctx.state.flags[REMOVE_WORRY] = {
        "for": question_key,
        "uids": [p.uid for p in pairs],
        "cancel": cancel,
    }


def remove_pairs(ctx: Context, uids: list[str]) -> list[int]:
    """Remove these worries and every trace of them; the numbers they had."""
    plan = ctx.require_plan()
    numbers: list[int] = []
    for uid in uids:
        pair = ctx.pair(uid)
        if pair is None:
            continue
        numbers.append(ctx.pair_number(pair))
        plan.pairs.remove(pair)
        ctx.state.forget_uid(uid)
        plan.open_questions[:] = [q for q in plan.open_questions if not q.key.endswith("@" + uid)]
        _record(ctx, "removed", f"worry {numbers[-1]}")
    return numbers


def worry_named_for_removal(text: str) -> int | None:
    """The number in "delete worry 2", "remove danger statement 1", or None."""
    found = _DELETE_WORRY.search(text)
    return int(found.group(1)) if found else None


def _worry_to_remove(ctx: Context, question_key: str, answer: Answer) -> bool:
    """'delete worry 2' typed at the review: ask before removing it."""
    number = worry_named_for_removal(answer.text)
    plan = ctx.plan
    if number is None or plan is None:
        return False
    if not 1 <= number <= len(plan.pairs):
        return False
    ask_to_remove(ctx, question_key, [plan.pairs[number - 1]])
    return True


_SHOW_ALL = re.compile(
    r"\b(?:show|see|read|view)\b.*\b(?:whole|full|all|everything|entire|plan)\b", re.I
)


def review(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = answer.choice
    if value == review_menu.SHOW_ALL or (value is None and _SHOW_ALL.search(answer.text)):
        review_menu.show_whole_plan(ctx)
        return ok(again=True)
    review_menu.remember_shown(ctx)
    if answer.choice is None and _worry_to_remove(ctx, question_key, answer):
        return ok(again=True)
    said_more = value is None and yes_no(answer) is None and len(answer.text.split()) >= 3
    if (
        value == "change"
        or yes_no(answer) is False
        or re.search(r"change|edit|wrong|fix|add|remove|delete|get rid|take out", answer.text, re.I)
        or said_more
    ):
        # Anything said about the plan here ("step 2 and 3 r the same thing, get rid
        # of 2") is something to change: to the menu of parts, never "say yes".
        _jump(ctx, "review_pick", back_to="review")
        if said_more and not re.search(r"change|edit", answer.text, re.I):
            return ok("Let's change that. Choose the part, and you can change it there.")
        return ok()
    if yes_no(answer) is True or value == "accept":
        if unfinished_pairs(ctx):
            # Saying it's right while a worry has no statement or goal: say so, and
            # let them choose, rather than finishing quietly or showing it all again.
            ctx.state.flags[UNFINISHED] = question_key
            return ok(again=True)
        ctx.state.reviewed = True
        return ok()
    return problem("Is everything right? Say yes, or 'change something' to change a part.")


def unfinished_choice(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    """The answer to "Worry 2 isn't finished yet: finish it, leave it, or remove it?"."""
    state = ctx.state
    pairs = unfinished_pairs(ctx)
    text = answer.text.casefold()
    choice = answer.choice
    if choice is None:
        if re.search(r"\b(remove|delete|get rid|bin|scrap)\b", text):
            choice = "remove"
        elif re.search(r"\b(leave|unfinished|as it is|later|another time)\b", text):
            choice = "leave"
        elif re.search(r"\b(finish|now|carry on|do it|complete)\b", text):
            choice = "finish"
        elif yes_no(answer) is True:
            # "Yes, it's right" again: it is right as it is.
            choice = "leave"
    if choice not in ("finish", "leave", "remove"):
        return problem(
            "Please choose: finish it now, leave it unfinished, or remove it. You can tap a button."
        )
    state.flags.pop(UNFINISHED, None)
    if not pairs:
        state.reviewed = True
        return ok()
    from bot.plan.model import join_names

    names = join_names([str(ctx.pair_number(p)) for p in pairs])
    word = "worry" if len(pairs) == 1 else "worries"
    if choice == "leave":
        state.reviewed = True
        return ok(
            f"OK, I've left {word} {names} unfinished. You can finish it with your worker, "
            "or here later."
            if ctx.audience == "family"
            else f"Left {word} {names} unfinished."
        )
    if choice == "remove":
        ask_to_remove(ctx, question_key, pairs)
        return ok(again=True)
    for pair in pairs:
        _reopen(ctx, pair)
    state.reviewed = False
    if state.cursor == question_key:
        state.cursor = None
        state.return_stack.clear()
    return ok(f"OK, let's finish {word} {names}.")


def _reopen(ctx: Context, pair: Pair) -> None:
    """The questions of an unfinished worry that were left open are asked again."""
    state = ctx.state
    plan = ctx.require_plan()
    suffix = "@" + pair.uid
    for question in [q.key for q in plan.open_questions if q.key.endswith(suffix)]:
        state.unmark(question)
    if not pair.danger_statement:
        for slot in ("danger_who", "danger_behaviour", "danger_impact", "danger_check"):
            state.unmark(key(slot, pair.uid))
    if not pair.safety_goal:
        for slot in ("goal_happening", "goal_who", "goal_duration", "goal_check"):
            state.unmark(key(slot, pair.uid))


def _pick(options: list[tuple[str, str]], answer: Answer) -> str | None:
    if answer.choice:
        return answer.choice if any(v == answer.choice for _, v in options) else None
    text = answer.text.strip().casefold().rstrip(".")
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1][1]
    for title, value in options:
        if text and (text == title.casefold() or text in title.casefold()):
            return value
    return None


def review_pick(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    from bot.interview import review as menu

    value = _pick(menu.sections(ctx), answer)
    state = ctx.state
    if value is None and answer.choice is None and _worry_to_remove(ctx, question_key, answer):
        return ok(again=True)
    if value is None:
        return problem("Please pick a part of the plan: tap a button or type its number.")
    state.reviewed = False
    if value == "children":
        state.cursor = "children"
    elif value == "closure":
        state.cursor = "closure_date"
    elif value == "add_pair":
        state.new_pair = True
        state.cursor = None
        state.return_stack.clear()
    else:
        state.review_section = value
        state.cursor = "review_item"
    return ok()


def review_item(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    from bot.interview import review as menu

    value = _pick(menu.items(ctx), answer)
    state = ctx.state
    plan = ctx.require_plan()
    if value is None:
        return problem("Please pick one: tap a button or type its number.")
    action, _, target = value.partition(":")
    state.cursor = "review"
    if action == "edit":
        slot, uid = split(target)
        if slot in ("danger_who", "danger_behaviour", "danger_impact"):
            state.return_stack.append(key("danger_check", uid))
        if slot in ("goal_happening", "goal_who", "goal_duration"):
            state.return_stack.append(key("goal_check", uid))
        state.cursor = target
        return ok()
    if action == "section":
        # A further menu (e.g. the rules of one worry) before the change itself.
        state.review_section = target
        state.cursor = "review_item"
        return ok(again=True)
    if action == "remove_rule":
        uid, _, index_text = target.partition(":")
        pair = ctx.pair(uid)
        if pair is not None and index_text.isdigit() and int(index_text) < len(pair.rules):
            removed = pair.rules.pop(int(index_text))
            _record(ctx, "removed", f"a plan rule (worry {ctx.pair_number(pair)})")
            return ok(f"Removed the rule: {removed.text}")
    if action == "review_flag" and ctx.role is Role.WORKER:
        index = int(target)
        if 0 <= index < len(plan.urgent_flags) and not plan.urgent_flags[index].is_reviewed:
            plan.review_flag(plan.urgent_flags[index], by=ctx.scorer)
            return ok(
                f"Marked as reviewed, not urgent, by {ctx.scorer}. It moves from the first "
                "page of the worker document to its appendix."
            )
    if action == "remove_person":
        index = int(target)
        if 0 <= index < len(plan.people):
            person = plan.people.pop(index)
            _record(ctx, "removed", f"{person.name} from the safety network")
            return ok(f"Removed {person.name}.")
    if action == "remove_pair":
        pair = ctx.pair(target)
        if pair is not None:
            # Asked first: a whole worry goes with one tap otherwise.
            ask_to_remove(ctx, state.cursor or "review", [pair])
            return ok(again=True)
    if action == "add_step":
        state.new_step = True
        state.cursor = None
        return ok()
    if action == "edit_step":
        state.return_stack.append(key("step_when", target))
        state.return_stack.append(key("step_who", target))
        state.cursor = key("step_what", target)
        return ok()
    if action == "toggle_step":
        step = ctx.step(target)
        if step is not None:
            step.done = not step.done
            number = ctx.step_number(step)
            _record(ctx, "changed", f"step {number} to {'done' if step.done else 'not done'}")
            return ok(f"Step {number} is marked {'done' if step.done else 'not done'}.")
    if action == "remove_step":
        step = ctx.step(target)
        if step is not None:
            number = ctx.step_number(step)
            plan.steps.remove(step)
            state.forget_uid(target)
            _record(ctx, "removed", f"step {number}")
            return ok(f"Removed step {number}.")
    return ok()


# -- pauses -----------------------------------------------------------------------


def safe_to_continue(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = yes_no(answer)
    if value is True or re.search(
        r"\b(i'?m|i am|we'?re|we are)\s+(safe|ok|okay|fine)\b", answer.text, re.I
    ):
        ctx.state.paused = False
        if ctx.state.flags.pop("kept_answer", None):
            return ok(
                "Thank you. I kept what you wrote as your answer, so nothing is lost. "
                "You can change it when we look over the plan. Let's carry on."
            )
        return ok("Thank you. Let's carry on where we were.")
    return Outcome(
        False,
        [
            "That's OK. Please get help first. Your answers are saved. When you are safe and "
            "ready, say 'I'm safe' and we'll carry on from where we were."
        ],
    )


def restart_confirm(ctx: Context, question_key: str, answer: Answer) -> Outcome:
    value = yes_no(answer)
    if value is True:
        return Outcome(True, ["restart"])
    if value is False:
        return ok("OK, I've kept your answers.")
    return problem("Do you want to start again? Please say yes or no.")


HANDLERS: dict[str, Callable[[Context, str, Answer], Outcome]] = {
    "danger_now": danger_now,
    "user_role": user_role,
    "consent": consent,
    "resume": resume,
    "practice_case": practice_case,
    "about_you": about_you,
    "about_you_which": about_you_which,
    "children": children,
    "supporters": supporters,
    "professionals": professionals,
    "strengths": column,
    "existing_safety": existing_safety,
    "safety_when_worry": safety_when_worry,
    "safety_how_long": safety_how_long,
    "harm": column,
    "complicating": column,
    "needs": column,
    "danger_who": danger_who,
    "danger_behaviour": _danger_part("danger_behaviour", "what happens"),
    "danger_impact": _danger_part("danger_impact", "what could happen"),
    "danger_check": _check("danger"),
    "danger_rewrite": _rewrite("danger"),
    "goal_happening": _goal_part("goal_happening", "what everyone needs to see"),
    "goal_who": _goal_part("goal_who", "who is involved", offer=True),
    "goal_duration": _goal_part("goal_duration", "how long"),
    "goal_check": _check("goal"),
    "goal_rewrite": _rewrite("goal"),
    "scale_score": scale_score,
    "scale_reason": scale_reason,
    "scale_higher": scale_higher,
    "scale_others": scale_others,
    "scale_meeting": scale_meeting,
    "scale_other_score": scale_other_score,
    "rule_going_well": rule,
    "rule_triggers": rule,
    "rule_red_flags": rule,
    "rule_who_does_what": rule,
    "add_person": add_person,
    "more_pairs": more_pairs,
    "step_what": step_what,
    "step_who": step_who,
    "step_when": step_when,
    "more_steps": more_steps,
    "closure_date": closure_date,
    "review": review,
    "review_pick": review_pick,
    "review_item": review_item,
    "safe_to_continue": safe_to_continue,
    "restart_confirm": restart_confirm,
}


# -- reading back -------------------------------------------------------------------


def describe_answer(ctx: Context, question_key: str) -> str | None:
    """The current answer to a question, in a line, for 'go back'."""
    plan = ctx.plan
    if plan is None:
        return None
    slot, _uid = split(question_key)
    pair = ctx.pair_for_key(question_key)
    step = ctx.step_for_key(question_key)
    from bot.plan.model import join_names

    if slot == "children":
        return (
            join_names(
                [
                    f"{c.first_name} {c.age}" if c.age is not None else c.first_name
                    for c in plan.children
                ]
            )
            or None
        )
    if slot == "supporters":
        return join_names([p.name for p in plan.people if not p.is_professional]) or None
    if slot == "professionals":
        return join_names([p.name for p in plan.people if p.is_professional]) or None
    kinds = {
        "strengths": ColumnKind.STRENGTH,
        "existing_safety": ColumnKind.EXISTING_SAFETY,
        "harm": ColumnKind.HARM,
        "complicating": ColumnKind.COMPLICATING,
        "needs": ColumnKind.NEEDS,
    }
    if slot in kinds:
        return " / ".join(e.text for e in plan.entries_of(kinds[slot])) or None
    if slot == "about_you":
        return ctx.conversation.user_name
    if pair is not None:
        attribute = {
            "danger_who": "danger_who",
            "danger_behaviour": "danger_behaviour",
            "danger_impact": "danger_impact",
            "danger_check": "danger_statement",
            "danger_rewrite": "danger_statement",
            "goal_happening": "goal_happening",
            "goal_who": "goal_who",
            "goal_duration": "goal_duration",
            "goal_check": "safety_goal",
            "goal_rewrite": "safety_goal",
        }.get(slot)
        if attribute:
            return getattr(pair, attribute)
        if slot.startswith("scale"):
            mine = _own_scores(ctx, pair)
            if mine:
                latest = mine[-1]
                if slot == "scale_reason":
                    return latest.reason
                if slot == "scale_higher":
                    return latest.one_point_higher
                return format_score(latest.value)
            return None
        if slot in _RULE_OF:
            return " / ".join(r.text for r in pair.rules_of(_RULE_OF[slot])) or None
    if step is not None:
        if slot == "step_what":
            return step.what
        if slot == "step_who":
            return step.who
        if slot == "step_when":
            return format_uk_date(step.due) if step.due else step.due_text
    if slot == "closure_date" and plan.target_closure_date:
        return format_uk_date(plan.target_closure_date)
    return None


def today_default() -> dt.date:
    return dt.date.today()
