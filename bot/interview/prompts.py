"""How each question is put to the person: its words for them, and its buttons."""

from __future__ import annotations

from bot.interview import meeting_answers, next_meeting, own_person
from bot.interview import review as review_menu
from bot.interview.catalogue import QuestionSpec, spec
from bot.interview.context import Context
from bot.interview.keys import split
from bot.interview.reply import (
    DONT_KNOW,
    EXAMPLE,
    HELP,
    NO,
    SKIP,
    YES,
    Button,
    Message,
    choice,
)
from bot.parsing import parse_who_does_what
from bot.plan.compose import compose_scaling_question, format_score
from bot.plan.model import Role, join_names
from bot.safety.messages import HELP_OR_DANGER


def children_words(ctx: Context) -> tuple[str, str]:
    names = ctx.children()
    return (join_names(names) or "the children"), ("is" if len(names) == 1 else "are")


def fill(ctx: Context, text: str, question_key: str, **extra: str) -> str:
    slot, _uid = split(question_key)
    pair = ctx.pair_for_key(question_key)
    step = ctx.step_for_key(question_key)
    children, are = children_words(ctx)
    values: dict[str, str] = {
        "children": children,
        "are": are,
        "n": str(ctx.pair_number(pair)),
        "k": str(ctx.step_number(step)),
        "statement": "",
        "question": "",
        "score": "",
        "score_up": "",
        "name": join_names(ctx.state.pending_people),
        "isnt": "isn't" if len(ctx.state.pending_people) == 1 else "aren't",
        "them": ctx.state.pending_people[0] if len(ctx.state.pending_people) == 1 else "them",
        "progress": "",
        "safety": _safety_described(ctx),
    }
    if pair is not None:
        if slot.startswith("goal"):
            values["statement"] = pair.safety_goal or ""
        else:
            values["statement"] = pair.danger_statement or ""
        values["question"] = pair.scaling_question or compose_scaling_question(pair, ctx.children())
        own = _own_latest_score(ctx, pair)
        if own is not None:
            values["score"] = format_score(own)
            values["score_up"] = format_score(min(10.0, own + 1))
    values.update(extra)
    return text.format(**values)


def _safety_described(ctx: Context, limit: int = 60) -> str:
    """The existing safety last described, shortened, to say which safety a question means."""
    plan = ctx.plan
    if plan is None:
        return "that"
    from bot.plan.model import ColumnKind

    entries = plan.entries_of(ColumnKind.EXISTING_SAFETY) or plan.entries_of(ColumnKind.STRENGTH)
    if not entries:
        return "that"
    text = " ".join(entries[-1].text.split()).rstrip(" .")
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return text


def _own_latest_score(ctx: Context, pair) -> float | None:  # noqa: ANN001
    from bot.interview.answers import _own_scores

    mine = _own_scores(ctx, pair)
    meeting = own_person.scoring_for(ctx)
    mine = [s for s in mine if s.meeting is meeting] or mine
    return mine[-1].value if mine else None


def _open_buttons(ctx: Context) -> list[Button]:
    if ctx.audience == "family":
        return [HELP, EXAMPLE, DONT_KNOW]
    return [EXAMPLE, SKIP]


def _buttons(ctx: Context, question_spec: QuestionSpec, question_key: str) -> list[Button]:
    slot = question_spec.slot
    if slot == "danger_now":
        # The yes button goes straight to the urgent path, without the action server.
        return [Button("Yes, someone is in danger", "/urgent_danger"), Button("No", "/deny")]
    if slot == "user_role":
        return [
            choice("A family member", "family"),
            choice("A worker", "worker"),
            choice("I'm practising", "practising"),
        ]
    if slot == "consent":
        return [Button("Yes, that's OK", "/affirm"), Button("No", "/deny"), HELP]
    if slot == "resume":
        from bot.interview import meeting_answers

        record = (
            [choice("Record a meeting", "record_meeting")]
            if meeting_answers.can_record(ctx) and ctx.plan is not None and ctx.plan.pairs
            else []
        )
        return [
            choice("Carry on", "carry_on"),
            *record,
            choice("Show me the plan", "review"),
            choice("Start again", "restart"),
        ]
    if slot == "practice_case":
        from bot.practice.cases import list_cases

        return [choice(case.title, case.id) for case in list_cases()] + [
            choice("Surprise me", "random")
        ]
    if slot in ("danger_check", "goal_check"):
        parts = (
            [
                ("Change who's worried", "who"),
                ("Change what happens", "behaviour"),
                ("Change what could happen", "impact"),
            ]
            if slot == "danger_check"
            else [
                ("Change what needs to happen", "happening"),
                ("Change who's involved", "who"),
                ("Change how long", "duration"),
            ]
        )
        return [choice("Yes, that's right", "accept"), choice("Write it my way", "rewrite")] + [
            choice(title, value) for title, value in parts
        ]
    if slot == "add_person":
        name = ctx.state.pending_people[0] if len(ctx.state.pending_people) == 1 else "them"
        return [Button(f"Yes, add {name}", "/affirm"), Button("No", "/deny")]
    if slot == "review":
        return [
            Button("Yes, it's right", "/affirm"),
            choice("Change something", "change"),
            Button("Get the document", "/export"),
        ]
    if slot == "review_pick":
        return [choice(title, value) for title, value in review_menu.sections(ctx)]
    if slot == "review_item":
        return [choice(title, value) for title, value in review_menu.items(ctx)]
    if slot == "check_danger":
        return [
            Button("Yes, someone is in danger now", "/urgent_danger"),
            Button("No, it's about before", "/deny"),
        ]
    if slot == "safe_to_continue":
        return [Button("Yes, I'm safe to carry on", "/affirm"), Button("Not now", "/deny")]
    if slot == "restart_confirm":
        return [Button("Yes, start again", "/affirm"), Button("No, keep my answers", "/deny")]
    if slot == "scale_others":
        return [Button("Yes", "/affirm"), Button("No, carry on", "/deny")]
    if question_spec.kind == "yesno":
        return [YES, NO, HELP] if ctx.audience == "family" else [YES, NO]
    if slot == "step_who":
        named = _named_in_step(ctx, question_key)
        if named is not None:
            return [choice(*named), *_open_buttons(ctx)]
    return _open_buttons(ctx)


def _named_in_step(ctx: Context, question_key: str) -> tuple[str, str] | None:
    """(title, value) of the person a step starts with ("dad to go to the group" -> Dad).

    Offered as a button, never filled in: the person taps it or types someone else.
    Only when the step plainly starts with one person ("Mum and Nan will..." does not).
    """
    step = ctx.step_for_key(question_key)
    if step is None or not step.what:
        return None
    found = parse_who_does_what(step.what)
    person = found.person if found is not None else None
    if not person:
        return None
    if person.casefold() in ("i", "me"):
        name = ctx.conversation.user_name
        return (f"{name} (me)", name) if name else None
    what = step.what.strip()
    rest = what[len(person):].lstrip(" ,").casefold()
    if not what.casefold().startswith(person.casefold()) or rest.startswith(("and ", "& ")):
        return None
    return (person, person)


def _a_later_step(ctx: Context, question_key: str) -> bool:
    """Step 2 or later asked again (gone back to, or changed): not "the first thing"."""
    slot, uid = split(question_key)
    if slot != "step_what" or uid is None or ctx.plan is None:
        return False
    step = ctx.step(uid)
    return step is not None and ctx.step_number(step) > 1


def _is_repeat(ctx: Context, question_spec: QuestionSpec, question_key: str) -> bool:
    """A list question or a step asked again after the first answer."""
    slot = question_spec.slot
    plan = ctx.plan
    if plan is None:
        return False
    if slot == "supporters":
        return any(
            not p.is_professional for p in plan.people if p.name != ctx.conversation.user_name
        )
    if slot == "professionals":
        return any(p.is_professional for p in plan.people if p.name != ctx.conversation.user_name)
    if slot == "step_what":
        return bool(plan.steps) and split(question_key)[1] is None
    if slot == "scale_other_score":
        pair = ctx.pair_for_key(question_key)
        return bool(
            pair
            and any(
                s.meeting is not None and s.meeting.uid == ctx.state.meeting_uid
                for s in pair.scores
            )
        )
    return False


def _which_you(ctx: Context) -> Message:
    data = own_person.pending(ctx) or {}
    plan = ctx.plan
    name = str(data.get("name") or "you")
    people = [plan.people[i] for i in data.get("candidates", [])] if plan else []
    named = [p for p in people if own_person._key(p.name) == own_person._key(name)]
    if len(people) == 1:
        text = f"Is that you: {_described(people[0])}?"
    elif named or any(name.casefold() in p.name.casefold() for p in people):
        text = f"There is more than one {name} in the plan. Which one is you?"
    else:
        text = f"I don't have a {name} in the plan yet. Are you one of these people?"
    buttons = [choice(_described(p), str(plan.people.index(p))) for p in people] if plan else []
    buttons.append(choice("No, I'm someone else", own_person.NEW))
    return Message(text, buttons)


def _described(person) -> str:  # noqa: ANN001
    return f"{person.name} ({person.relationship})" if person.relationship else person.name


def question_message(ctx: Context, question_key: str) -> Message:
    slot, _uid = split(question_key)
    if slot in meeting_answers.SLOTS:
        # Worded by the meeting recorder, from what the meeting's record still lacks.
        return meeting_answers.question(ctx, slot)
    if slot == "about_you_which":
        return _which_you(ctx)
    if slot in next_meeting.SLOTS:
        return next_meeting.question(ctx, slot)
    question_spec = spec(slot)
    audience = ctx.audience
    wording = question_spec.ask
    if question_spec.again is not None and (
        _is_repeat(ctx, question_spec, question_key) or _a_later_step(ctx, question_key)
    ):
        wording = question_spec.again
    words_for = "learner" if ctx.role is Role.PRACTISING else audience
    text = fill(ctx, wording.for_audience(words_for), question_key, **_dynamic(ctx, slot))
    buttons = _buttons(ctx, question_spec, question_key)
    before = own_person.before_words(ctx) if slot == "scale_score" else None
    pair = ctx.pair_for_key(question_key)
    if before and pair is not None:
        # Given before a planned meeting, so their view is in the room.
        question = pair.scaling_question or compose_scaling_question(pair, ctx.children())
        text = f"{before}: {question}\n\nWhat number would you give, from 0 to 10?"
    if slot == "check_danger" and ctx.state.flags.get("help_or_danger"):
        # A bare "help": help with the question, or help because someone is in danger?
        return Message(
            HELP_OR_DANGER,
            [
                Button("Someone is in danger now", "/urgent_danger"),
                Button("Help with this question", "/help"),
            ],
        )
    if question_spec.kind == "list" and _is_repeat(ctx, question_spec, question_key):
        buttons = [Button("No, that's everyone", "/deny")] + [b for b in buttons if b is not SKIP]
    if slot == "step_what" and _is_repeat(ctx, question_spec, question_key):
        buttons = [Button("No more steps", "/deny")] + buttons
    if slot == "scale_other_score" and _is_repeat(ctx, question_spec, question_key):
        buttons = [Button("No, that's everyone", "/deny")]
    extra = _extra_lines(ctx, slot, question_key)
    if extra:
        text = extra + "\n\n" + text
    return Message(text, buttons)


def _dynamic(ctx: Context, slot: str) -> dict[str, str]:
    if slot == "resume":
        done, left = _progress(ctx)
        parts = []
        if done:
            parts.append(" Done so far: " + join_names(done) + ".")
        if left:
            parts.append(" Still to do: " + join_names(left) + ".")
        return {"progress": "".join(parts)}
    return {}


def _progress(ctx: Context) -> tuple[list[str], list[str]]:
    from bot.interview.flow import sections_progress

    return sections_progress(ctx)


def _extra_lines(ctx: Context, slot: str, question_key: str) -> str:
    """Text that goes before the question: notes, feedback and (for learners) why it matters."""
    lines: list[str] = []
    state = ctx.state
    if state.cursor == question_key and state.flags.get("going_back") == question_key:
        previous = current_answer(ctx, question_key)
        if previous:
            lines.append(
                f'Let\'s go back. Before, you said: "{previous}". Give a new answer, '
                "or say 'keep it' to leave it as it is."
            )
        else:
            lines.append("Let's go back to this one.")
    said = state.flags.get("worry_said")
    if slot == "danger_who" and split(question_key)[1] is None and said:
        lines.append(f'You said: "{said}".')
    if (
        slot == "danger_who"
        and ctx.plan
        and len(ctx.plan.pairs) >= 3
        and split(question_key)[1] is None
    ):
        lines.append(
            "Most plans have three worries or fewer, so everyone can stay focused. "
            "You can still add another one if you need to."
        )
    if (
        slot == "step_what"
        and ctx.plan
        and len(ctx.plan.steps) >= 8
        and split(question_key)[1] is None
    ):
        lines.append(
            "Plans are easiest to follow with about eight steps or fewer. "
            "You can still add another if it's needed."
        )
    if slot in ("danger_check", "goal_check"):
        lines.extend(_feedback_lines(ctx, slot, question_key))
    why_keys = spec(slot).why
    if ctx.role is Role.PRACTISING and why_keys and _first_of_its_kind(ctx, question_key):
        from bot.practice.why import why

        lines.extend("Why it's built this way: " + why(k) for k in why_keys)
    return "\n\n".join(line for line in lines if line)


def _first_of_its_kind(ctx: Context, question_key: str) -> bool:
    """Only the first worry and the first step carry the learner's explanation."""
    if not ctx.plan:
        return True
    pair = ctx.pair_for_key(question_key)
    if pair is not None:
        return ctx.plan.pairs.index(pair) == 0
    if split(question_key)[0] in ("danger_who", "step_what"):
        return not (ctx.plan.pairs if question_key.startswith("danger") else ctx.plan.steps)
    return True


def _feedback_lines(ctx: Context, slot: str, question_key: str) -> list[str]:
    from bot.interview import feedback

    return feedback.check_lines(ctx, slot, question_key)


def current_answer(ctx: Context, question_key: str) -> str | None:
    """What the person said before, to show when they go back to a question."""
    from bot.interview.answers import describe_answer

    return describe_answer(ctx, question_key)
