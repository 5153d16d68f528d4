"""Which question comes next: the first thing the plan still lacks.

The order follows the practice: the family and its network, the three
columns, then each worry as a danger statement paired with a safety goal,
its scaling question and plan rules, then the timeline and a closure date,
then a review of the whole plan.
"""

from __future__ import annotations

from bot.interview.context import Context
from bot.interview.keys import key
from bot.plan.model import Role, RuleKind

BEFORE_PAIRS = (
    "children",
    "supporters",
    "professionals",
    "strengths",
    "existing_safety",
    "safety_when_worry",
    "safety_how_long",
    "harm",
    "complicating",
    "needs",
)

PAIR_SLOTS = (
    "danger_who",
    "danger_behaviour",
    "danger_impact",
    "danger_check",
    "goal_happening",
    "goal_who",
    "goal_duration",
    "goal_check",
    "scale_score",
    "scale_reason",
    "scale_higher",
    "scale_others",
    "scale_meeting",
    "scale_other_score",
    "rule_going_well",
    "rule_triggers",
    "rule_red_flags",
    "rule_who_does_what",
)

STEP_SLOTS = ("step_who", "step_when")

# Other people's scores for a meeting are for workers preparing meetings.
WORKER_ONLY = {"scale_others", "scale_meeting", "scale_other_score"}


def _applies(ctx: Context, slot: str) -> bool:
    flags = ctx.state.flags
    if slot == "safety_when_worry":
        return bool(flags.get("safety_given"))
    if slot == "safety_how_long":
        return bool(flags.get("safety_shown_when_worried"))
    if slot in WORKER_ONLY:
        return ctx.role is not Role.FAMILY
    return True


def next_key(ctx: Context) -> str | None:
    """The key of the question to ask now, or None when the interview is complete."""
    state = ctx.state
    conversation = ctx.conversation
    if state.paused:
        return "safe_to_continue"
    if state.held_answer is not None:
        return "check_danger"
    if state.cursor:
        return state.cursor
    if not state.danger_checked:
        return "danger_now"
    if conversation.role is None:
        return "user_role"
    if conversation.consent is not True:
        return "consent"
    if state.resume_offer:
        return "resume"
    plan = ctx.plan
    if conversation.role is Role.PRACTISING and (plan is None or plan.practice_case is None):
        return "practice_case"
    if conversation.role is not Role.PRACTISING and not state.is_done("about_you"):
        return "about_you"
    if state.flags.get("which_you"):
        # Joined through an invite with a name the plan has more than once, or not yet.
        return "about_you_which"
    if state.pending_people:
        return "add_person"
    for slot in BEFORE_PAIRS:
        if not state.is_done(slot) and _applies(ctx, slot):
            return slot
    pairs = plan.pairs if plan else []
    for pair in pairs:
        for slot in PAIR_SLOTS:
            question = key(slot, pair.uid)
            if not state.is_done(question) and _applies(ctx, slot):
                return question
    if state.new_pair or (not pairs and not state.is_done("pairs_done")):
        return "danger_who"
    if not state.is_done("pairs_done"):
        return key("more_pairs", pairs[-1].uid)
    steps = plan.steps if plan else []
    for step in steps:
        for slot in STEP_SLOTS:
            question = key(slot, step.uid)
            if not state.is_done(question):
                return question
    if state.new_step or (not steps and not state.is_done("steps_done")):
        return "step_what"
    if not state.is_done("steps_done"):
        return key("more_steps", steps[-1].uid)
    if not state.is_done("closure_date"):
        return "closure_date"
    if not state.reviewed:
        return "review"
    return None


def sections_progress(ctx: Context) -> tuple[list[str], list[str]]:
    """Plain names of the parts that are done and the parts still to do."""
    state = ctx.state
    plan = ctx.plan
    done: list[str] = []
    left: list[str] = []

    def place(name: str, finished: bool) -> None:
        (done if finished else left).append(name)

    place("the family and the people who help", all(state.is_done(s) for s in BEFORE_PAIRS[:3]))
    place(
        "what's going well and the worries",
        all(state.is_done(s) or not _applies(ctx, s) for s in BEFORE_PAIRS[3:]),
    )
    pairs = plan.pairs if plan else []
    for number, pair in enumerate(pairs, start=1):
        finished = all(state.is_done(key(s, pair.uid)) or not _applies(ctx, s) for s in PAIR_SLOTS)
        place(f"worry {number}", finished)
    if not pairs:
        left.append("the worries and goals")
    place("the steps", state.is_done("steps_done"))
    place("the date the case could close", state.is_done("closure_date"))
    return done, left


def catch_up(ctx: Context) -> None:
    """Someone joining a plan others have started: what the plan already has counts as done.

    The first question they are asked is then the first thing the plan still
    lacks, not a repeat of what the network has already written.
    """
    plan = ctx.plan
    state = ctx.state
    if plan is None:
        return
    from bot.plan.model import ColumnKind

    if plan.children:
        state.mark_done("children")
    if any(not p.is_professional for p in plan.people):
        state.mark_done("supporters")
    if any(p.is_professional for p in plan.people):
        state.mark_done("professionals")
    kinds = {
        "strengths": ColumnKind.STRENGTH,
        "existing_safety": ColumnKind.EXISTING_SAFETY,
        "harm": ColumnKind.HARM,
        "complicating": ColumnKind.COMPLICATING,
        "needs": ColumnKind.NEEDS,
    }
    for slot, kind in kinds.items():
        if plan.entries_of(kind):
            state.mark_done(slot)
    if plan.entries_of(ColumnKind.EXISTING_SAFETY):
        state.mark_done("safety_when_worry")
        state.mark_done("safety_how_long")
    for pair in plan.pairs:
        filled = {
            "danger_who": pair.danger_who or pair.danger_statement,
            "danger_behaviour": pair.danger_behaviour or pair.danger_statement,
            "danger_impact": pair.danger_impact or pair.danger_statement,
            "danger_check": pair.danger_confirmed,
            "goal_happening": pair.goal_happening or pair.safety_goal,
            "goal_who": pair.goal_who or pair.safety_goal,
            "goal_duration": pair.goal_duration or pair.safety_goal,
            "goal_check": pair.goal_confirmed,
            "rule_going_well": pair.rules_of(RuleKind.GOING_WELL),
            "rule_triggers": pair.rules_of(RuleKind.TRIGGER),
            "rule_red_flags": pair.rules_of(RuleKind.RED_FLAG),
            "rule_who_does_what": pair.rules_of(RuleKind.WHO_DOES_WHAT),
        }
        for slot, value in filled.items():
            if value:
                state.mark_done(key(slot, pair.uid))
        # Other people's scores are added at meetings; joining does not ask for them again.
        for slot in ("scale_others", "scale_meeting", "scale_other_score"):
            state.mark_done(key(slot, pair.uid))
    if plan.pairs and all(p.danger_statement and p.safety_goal for p in plan.pairs):
        state.mark_done("pairs_done")
    for step in plan.steps:
        if step.who:
            state.mark_done(key("step_who", step.uid))
        if step.due or step.due_text:
            state.mark_done(key("step_when", step.uid))
    if plan.steps:
        state.mark_done("steps_done")
    if plan.target_closure_date:
        state.mark_done("closure_date")
