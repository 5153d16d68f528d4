"""Sample plans for the exporter tests and the export benchmark.

Every typed answer in the large plan carries a unique tag ("[P3]", "[S12]"...)
so a test can find each one exactly once in a document.
"""

from __future__ import annotations

import datetime as dt

from bot.plan.model import (
    Attendee,
    CaseStatus,
    Child,
    ColumnEntry,
    ColumnKind,
    Meeting,
    MeetingType,
    OpenQuestion,
    Pair,
    Person,
    Plan,
    PlanRule,
    Revision,
    RuleKind,
    Score,
    Step,
    StepReview,
    StepStatus,
    UrgentFlag,
)

UTC = dt.timezone.utc
TODAY = dt.date(2024, 4, 15)


def _at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def _named(*names: str) -> list[Attendee]:
    """Attendees known by name only, as meetings recorded before issue 15 were kept."""
    return [Attendee(name) for name in names]


def small_plan() -> Plan:
    cin = Meeting(MeetingType.CIN, dt.date(2024, 1, 10), _named("Sarah", "Sam Okafor", "Nan"))
    core = Meeting(
        MeetingType.CORE_GROUP, dt.date(2024, 3, 6), _named("Sarah", "Dan", "Sam Okafor")
    )
    plan = Plan(
        reference="SOL-2024-0042",
        status=CaseStatus.ACTIVE,
        target_closure_date=dt.date(2024, 9, 30),
        target_closure_text="by the end of September",
        written_with=["Sarah (mum)", "Sam Okafor (social worker)"],
        version=7,
        created_at=_at(dt.date(2024, 1, 8)),
        updated_at=_at(dt.date(2024, 3, 20)),
        children=[Child("Leo", 6, 0), Child("Mia", 3, 1)],
        people=[
            Person("Sarah", "Mum", False, "07700 900123", "Keeps the plan on the fridge"),
            Person("Dan", "Dad", False, None, "Stops drinking by 6pm on contact days"),
            Person("Nan", "Sarah's mum", False, "07700 900456", "Has the children if Dan drinks"),
            Person("Sam Okafor", "Social worker", True, "Via the council", "Checks the plan"),
            Person("Ms Khan", "Leo's teacher", True, "School office", "Tells Sam about worries"),
        ],
        entries=[
            ColumnEntry(ColumnKind.HARM, "Dan pushed Sarah into the wall in November."),
            ColumnEntry(ColumnKind.COMPLICATING, "Sarah has no family nearby apart from Nan."),
            ColumnEntry(ColumnKind.STRENGTH, "Sarah and Dan love the children."),
            ColumnEntry(
                ColumnKind.EXISTING_SAFETY,
                "Sarah took the children to Nan's when Dan came home drunk.",
                how_long="three times since October",
            ),
            ColumnEntry(ColumnKind.NEEDS, "Dan to go to the drinking support group."),
        ],
        meetings=[cin, core],
    )
    pair1 = Pair(
        danger_statement=(
            "Sam the social worker, Ms Khan and Nan are worried that when Dan drinks more "
            "than a few cans he shouts and has pushed Sarah, and that if nothing changes "
            "Leo and Mia could be hurt and learn to be frightened at home."
        ),
        danger_confirmed=True,
        safety_goal=(
            "Everyone will know Leo and Mia are safe when Sarah and Dan sort out "
            "disagreements calmly, Nan checks in every weekend, and this has been "
            "happening for six months, including at Christmas."
        ),
        goal_confirmed=False,
        scaling_question=(
            "On a scale of 0 to 10, where 10 means everyone is sure Leo and Mia are safe "
            "at home and 0 means the shouting and pushing are still happening, where are "
            "things now?"
        ),
        scores=[
            Score("Sarah", 3, "Dan still drinks at weekends", "Dan home sober on Saturday",
                  dt.date(2024, 1, 10), cin),
            Score("Sam Okafor", 2, "No plan in place yet", None, dt.date(2024, 1, 10), cin),
            Score("Sarah", 6, "Dan has been to the group twice", None, dt.date(2024, 3, 6), core),
            Score("Sam Okafor", 5, "Good start, early days", "Nan checking in every weekend",
                  dt.date(2024, 3, 6), core),
        ],
        rules=[
            PlanRule(RuleKind.GOING_WELL, "Leo talks about fun weekends at school."),
            PlanRule(RuleKind.TRIGGER, "Football on the telly and payday."),
            PlanRule(RuleKind.RED_FLAG, "Dan buys more than four cans."),
            PlanRule(
                RuleKind.WHO_DOES_WHAT,
                "If Dan is drunk, Sarah takes the children to Nan's.",
                person_name="Nan",
                action="Picks the children up in her car",
                contact="07700 900456",
            ),
        ],
    )
    pair2 = Pair(
        danger_who="Ms Khan",
        danger_behaviour="Leo often comes to school without breakfast",
        danger_impact=None,
        goal_happening="Leo has breakfast every school day",
        scaling_question=None,
        rules=[PlanRule(RuleKind.GOING_WELL, "Leo has cereal at home before school.")],
    )
    plan.pairs = [pair1, pair2]
    plan.steps = [
        Step("Dan goes to his first group session", "Dan", dt.date(2024, 1, 31), "end of January",
             done=True),
        Step("Nan writes her number on the fridge", "Nan", None, "this week", done=True),
        Step("Family meeting to agree weekend rules", "Sam Okafor", dt.date(2024, 3, 1), None),
        Step("Leo's words and pictures story", "Sam Okafor", dt.date(2024, 5, 20), "May half term"),
        Step("Review the plan together", None, None, None),
    ]
    # The core group said the first session happened (a note kept as typed).
    core.step_reviews.append(StepReview(plan.steps[0], StepStatus.DONE, "Went on 30 January"))
    plan.open_questions = [
        OpenQuestion("pair2.danger_impact", "What could happen to Leo if nothing changes?",
                     _at(dt.date(2024, 3, 6))),
        OpenQuestion("pair2.scaling", "The scaling question for worry 2",
                     _at(dt.date(2024, 3, 6))),
    ]
    plan.revisions = [
        Revision("Sam Okafor", "added", "danger statement 1", None, _at(dt.date(2024, 1, 8))),
        Revision("Sarah", "changed", "safety goal 1", "Added Christmas", _at(dt.date(2024, 1, 9))),
        Revision("Nan", "added", "step 2", None, _at(dt.date(2024, 3, 7), 18, 30)),
        Revision("Sam Okafor", "changed", "step 3", "New date", _at(dt.date(2024, 3, 20))),
    ]
    plan.urgent_flags = [
        UrgentFlag("He is banging on the door right now and the kids are here", "web chat",
                   _at(dt.date(2024, 2, 14), 22, 15)),
    ]
    return plan


def three_worry_plan() -> Plan:
    """A plan as a core group carries it: three worries, three meetings, three scorers each."""
    plan = small_plan()
    conference = Meeting(
        MeetingType.INITIAL_CONFERENCE, dt.date(2023, 11, 22), _named("Sarah", "Sam Okafor", "Nan")
    )
    plan.meetings.insert(0, conference)
    cin, core = plan.meetings[1], plan.meetings[2]
    plan.entries += [
        ColumnEntry(ColumnKind.HARM, "Leo missed 12 days of school this term."),
        ColumnEntry(ColumnKind.COMPLICATING, "The rent is two months behind."),
        ColumnEntry(ColumnKind.STRENGTH, "Leo is doing well in reading."),
        ColumnEntry(ColumnKind.NEEDS, "Leo at school every day, on time."),
    ]
    pair2, pair3 = plan.pairs[1], Pair()
    pair2.danger_statement = (
        "Ms Khan is worried that Leo often comes to school without breakfast, and that if "
        "nothing changes he will be hungry and unable to learn."
    )
    pair2.safety_goal = (
        "Ms Khan and Nan will know Leo is cared for when he has breakfast every school day "
        "for three months."
    )
    pair2.scaling_question = (
        "On a scale of 0 to 10, where 10 means Leo has breakfast every school day and 0 "
        "means he comes in hungry most days, where are things now?"
    )
    pair3.danger_statement = (
        "Sam and Ms Khan are worried that Leo has missed 12 days of school this term, and "
        "that if nothing changes he will fall behind and lose his friends."
    )
    pair3.safety_goal = (
        "Sam and Ms Khan will know Leo is doing well when he is at school every day, on "
        "time, for a whole term."
    )
    pair3.scaling_question = (
        "On a scale of 0 to 10, where 10 means Leo is at school every day on time and 0 "
        "means he misses days every week, where are things now?"
    )
    pair3.rules = [PlanRule(RuleKind.RED_FLAG, "Leo is late twice in one week.")]
    plan.pairs.append(pair3)
    for pair in plan.pairs:
        pair.scores = []
        for meeting, base in ((conference, 2), (cin, 3), (core, 5)):
            for person, step in (("Sarah", 1), ("Sam Okafor", 0), ("Nan", 2)):
                pair.scores.append(
                    Score(person, base + step, f"{person}'s reason at the {meeting.kind.label}",
                          None, meeting.held_on, meeting)
                )
    return plan


def empty_plan() -> Plan:
    return Plan(reference="EMPTY-1", created_at=_at(dt.date(2024, 4, 1)),
                updated_at=_at(dt.date(2024, 4, 1)))


def large_plan(pairs: int = 10, steps: int = 40, people: int = 30, meetings: int = 5) -> Plan:
    """10 pairs, 40 steps, 30 people, 5 meetings where six people scored every pair."""
    kinds = list(MeetingType)
    meeting_list = [
        Meeting(kinds[i % len(kinds)], dt.date(2023, 10 + i, 12) if i < 3
                else dt.date(2024, i - 2, 12), _named(*(f"Person {j} [P{j}]" for j in range(6))))
        for i in range(meetings)
    ]
    plan = Plan(
        reference="LARGE-0001",
        status=CaseStatus.ACTIVE,
        target_closure_date=dt.date(2025, 3, 31),
        target_closure_text="by the end of March next year [CLOSE]",
        written_with=[f"Writer {i} [W{i}]" for i in range(3)],
        version=120,
        created_at=_at(dt.date(2023, 9, 1)),
        updated_at=_at(dt.date(2024, 2, 20)),
        children=[Child(f"Child{i}", 2 + i, i) for i in range(4)],
        meetings=meeting_list,
    )
    plan.people = [
        Person(f"Person {i} [P{i}]", f"Relationship [R{i}]", i % 3 == 0,
               f"0770090{i:04d} [C{i}]", f"Role in the plan number {i} [ROLE{i}]", i)
        for i in range(people)
    ]
    kinds_cycle = list(ColumnKind)
    plan.entries = [
        ColumnEntry(kinds_cycle[i % len(kinds_cycle)],
                    f"Map entry {i}: something people said about the family [E{i}]",
                    how_long=f"for {i + 1} months [HL{i}]"
                    if kinds_cycle[i % len(kinds_cycle)] is ColumnKind.EXISTING_SAFETY else None,
                    position=i)
        for i in range(30)
    ]
    for p in range(pairs):
        pair = Pair(
            danger_statement=(f"Danger statement {p}: the network is worried that a caregiver "
                              f"behaviour happens and the children could be hurt [D{p}]"),
            danger_confirmed=True,
            safety_goal=(f"Safety goal {p}: everyone will know the children are safe when "
                         f"caregivers do the positive thing for six months [G{p}]"),
            goal_confirmed=True,
            scaling_question=(f"Scaling question {p}: where 10 means the goal is met and 0 "
                              f"means the worry is happening, where are things now? [Q{p}]"),
            position=p,
        )
        for m, meeting in enumerate(meeting_list):
            for j in range(6):
                pair.scores.append(Score(
                    f"Person {j} [P{j}]", min(10, 2 + m + (j + p) % 3),
                    f"Reason of person {j} at meeting {m} on pair {p} [WHY{p}.{m}.{j}]",
                    f"One point higher {p}.{m}.{j} [OPH{p}.{m}.{j}]" if j == 0 else None,
                    meeting.held_on, meeting))
        for k, kind in enumerate(RuleKind):
            for r in range(2):
                tag = f"{p}.{k}.{r}"
                if kind is RuleKind.WHO_DOES_WHAT:
                    pair.rules.append(PlanRule(
                        kind, f"If the red flag shows, this happens [RULE{tag}]",
                        person_name=f"Person {r} [P{r}]",
                        action=f"Does the agreed thing [ACT{tag}]",
                        contact=f"Phone number [CON{tag}]", position=r))
                else:
                    pair.rules.append(PlanRule(kind, f"Plan rule text [RULE{tag}]", position=r))
        plan.pairs.append(pair)
    plan.steps = [
        Step(f"Step {i}: somebody does something small and concrete [S{i}]",
             f"Person {i % people} [P{i % people}]",
             dt.date(2024, 1, 1) + dt.timedelta(days=7 * i),
             f"week {i} [DT{i}]" if i % 2 else None, done=i < 10, position=i)
        for i in range(steps)
    ]
    plan.open_questions = [
        OpenQuestion(f"q{i}", f"Open question {i} still to answer [OQ{i}]",
                     _at(dt.date(2024, 2, 1)))
        for i in range(10)
    ]
    plan.revisions = [
        Revision(f"Person {i % 7} [P{i % 7}]", "changed", f"part {i} of the plan [REV{i}]",
                 f"Detail of change {i} [DET{i}]" if i % 2 else None,
                 _at(dt.date(2023, 9, 1) + dt.timedelta(days=3 * i)))
        for i in range(60)
    ]
    plan.urgent_flags = [
        UrgentFlag(f"Urgent message number {i} [UF{i}]", "web chat",
                   _at(dt.date(2024, 1, 5 + i), 21))
        for i in range(3)
    ]
    # Two more, reviewed by a worker as not urgent: they belong in the appendix.
    for i in (3, 4):
        flag = UrgentFlag(f"Urgent message number {i} [UF{i}]", "teams",
                          _at(dt.date(2024, 1, 5 + i), 21))
        flag.mark_reviewed(f"Reviewer {i} [RB{i}]", f"Note {i} [RN{i}]" if i == 3 else None,
                           _at(dt.date(2024, 1, 6 + i), 9, 30))
        plan.urgent_flags.insert(i - 2, flag)
    return plan


# -- hostile text -------------------------------------------------------------

CONTROL = "".join(chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
LONG = ("This is a very long answer that goes on and on. " * 420)[:20_000]
EMOJI = "Leo 😀👨‍👩‍👧‍👦 likes 🦖 dinosaurs"
ARABIC = "نحن قلقون من أن الأطفال قد يتعرضون للأذى"
MARKUP = "<script>alert('x')</script> {{ child_name }} {% if %} & &amp; <w:t>x</w:t> ]]>"
SURROGATE = "lone \ud800 surrogate and \ufffe \uffff non-characters"


def hostile_plan() -> Plan:
    """Text nobody should have to worry about: controls, 20 000 characters, emoji, Arabic..."""
    first = Meeting(MeetingType.TAF, dt.date(2024, 1, 9))
    second = Meeting(MeetingType.CP_CONFERENCE, dt.date(2024, 2, 20))
    names = [f"Mum{CONTROL}", "محمد", "$\\frac{1}{0}$ Dollar", "Nan 👵", "<b>Bold</b>"]
    plan = Plan(
        reference=f"REF{CONTROL}<&>",
        target_closure_text=MARKUP,
        written_with=[f"Mum\x00 {EMOJI}", ARABIC],
        practice_case="practice-case-1",
        created_at=_at(dt.date(2024, 1, 2)),
        updated_at=_at(dt.date(2024, 2, 21)),
        children=[Child(f"Zoë{CONTROL}", 4), Child("ليلى", 7), Child("{{ name }}", None)],
        people=[Person(n, ARABIC, False, MARKUP, LONG) for n in names],
        entries=[
            ColumnEntry(ColumnKind.HARM, LONG),
            ColumnEntry(ColumnKind.COMPLICATING, f"One\r\ntwo\rthree\ttabbed{CONTROL}"),
            ColumnEntry(ColumnKind.STRENGTH, EMOJI),
            ColumnEntry(ColumnKind.EXISTING_SAFETY, ARABIC, how_long=SURROGATE),
            ColumnEntry(ColumnKind.NEEDS, MARKUP),
        ],
        meetings=[first, second],
    )
    plan.pairs = [
        Pair(
            danger_statement=LONG,
            safety_goal=f"{ARABIC} {EMOJI}",
            scaling_question=MARKUP,
            scores=[
                Score(names[0], 2, LONG, SURROGATE, first.held_on, first),
                Score(names[2], 3.5, MARKUP, None, first.held_on, first),
                Score(names[0], 4, ARABIC, None, second.held_on, second),
                Score(names[2], 7.25, EMOJI, None, second.held_on, second),
            ],
            rules=[
                PlanRule(RuleKind.GOING_WELL, EMOJI),
                PlanRule(RuleKind.TRIGGER, CONTROL + "trigger"),
                PlanRule(RuleKind.RED_FLAG, ARABIC),
                PlanRule(RuleKind.WHO_DOES_WHAT, "", person_name=names[1], action=MARKUP,
                         contact=SURROGATE),
            ],
        ),
        Pair(danger_who=ARABIC, danger_behaviour=MARKUP, danger_impact=EMOJI, goal_duration=LONG),
    ]
    plan.steps = [
        Step(LONG, names[1], dt.date(2024, 3, 1), MARKUP),
        Step(EMOJI, CONTROL, None, ARABIC, done=True),
    ]
    plan.open_questions = [OpenQuestion("x", MARKUP, _at(dt.date(2024, 2, 1)))]
    plan.revisions = [
        Revision(names[0], "changed", MARKUP, LONG, _at(dt.date(2024, 2, 21))),
        Revision(ARABIC, "added", EMOJI, SURROGATE, _at(dt.date(2024, 1, 3))),
    ]
    plan.urgent_flags = [UrgentFlag(f"{LONG[:500]} {CONTROL}", f"chat {EMOJI}",
                                    _at(dt.date(2024, 2, 1), 3, 4)),
                         UrgentFlag(MARKUP, ARABIC, _at(dt.date(2024, 2, 2), 3, 4),
                                    reviewed_at=_at(dt.date(2024, 2, 3), 8, 0),
                                    reviewed_by=f"{ARABIC} {CONTROL}",
                                    review_note=f"{EMOJI} {SURROGATE}")]
    return plan


SAMPLES = {
    "small": small_plan,
    "large": large_plan,
    "hostile": hostile_plan,
    "empty": empty_plan,
}
