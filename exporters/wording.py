"""Every fixed phrase the documents use, in a family and a worker wording.

The family version is read by parents, sometimes stressed or reading in a
second language: short plain words, no acronyms, no professional labels.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.plan.model import MeetingType, RuleKind

NOTHING_YET = "Nothing written here yet."


@dataclass(frozen=True)
class Wording:
    version_label: str
    network: str
    network_headers: tuple[str, str, str, str]
    map_heading: str
    map_headers: tuple[str, str, str]
    harm: str
    complicating: str
    strengths: str
    existing_safety: str
    how_long: str
    pairs_heading: str
    pair_heading: str  # "Worry {n}"
    danger: str
    goal: str
    scaling: str
    scores: str
    score_headers: tuple[str, str, str, str]
    no_scores: str
    one_point_higher: str
    not_at_meeting: str
    rule_headings: dict[RuleKind, str]
    timeline: str
    step_headers: tuple[str, str, str, str, str]
    done: str
    not_done: str
    closure: str
    closure_not_set: str
    still_to_do: str
    agreement: str
    agreement_intro: str
    agreement_headers: tuple[str, str, str]
    meeting_labels: dict[MeetingType, str]


WORKER = Wording(
    version_label="Worker version",
    network="Who is in the safety network",
    network_headers=("Name", "Relationship", "Contact", "Role in the plan"),
    map_heading="Worries, what's working well and what needs to happen",
    map_headers=("What are we worried about?", "What's working well?", "What needs to happen?"),
    harm="Harm that has happened",
    complicating="Complicating factors",
    strengths="Strengths",
    existing_safety="Existing safety",
    how_long="Shown for: ",
    pairs_heading="Danger statements, safety goals and plan rules",
    pair_heading="Worry {n}",
    danger="Danger statement",
    goal="Safety goal",
    scaling="Scaling question",
    scores="Scores",
    score_headers=("Person", "Score (0 to 10)", "Why", "Meeting and date"),
    no_scores="No scores recorded yet.",
    one_point_higher="One point higher would look like: ",
    not_at_meeting="Not at a meeting",
    rule_headings={kind: kind.heading for kind in RuleKind},
    timeline="Timeline",
    step_headers=("Step", "What", "Who", "By when", "Done?"),
    done="Done",
    not_done="Not yet",
    closure="Target date for closing the case: ",
    closure_not_set="Target date for closing the case: not agreed yet.",
    still_to_do="Still to do",
    agreement="Agreement",
    agreement_intro=(
        "Each person in the safety network signs to show they agree to this plan "
        "and will do their part."
    ),
    agreement_headers=("Name", "Signature", "Date"),
    meeting_labels={kind: kind.label for kind in MeetingType},
)

FAMILY = Wording(
    version_label="Family version",
    network="Who is in the safety network",
    network_headers=("Name", "Who they are", "How to reach them", "What they will do"),
    map_heading="Worries, what's working well and what needs to happen",
    map_headers=("What are we worried about?", "What's working well?", "What needs to happen?"),
    harm="What has happened",
    complicating="Things that make it harder",
    strengths="Good things about the family",
    existing_safety="What people already do to keep the children safe",
    how_long="For how long: ",
    pairs_heading="Our worries and what we want to see",
    pair_heading="Worry {n}",
    danger="What we are worried about",
    goal="What we want to see happening",
    scaling="The question we score from 0 to 10",
    scores="How people scored it",
    score_headers=("Who", "Score out of 10", "Why", "When"),
    no_scores="Nobody has scored this yet.",
    one_point_higher="One point higher would look like: ",
    not_at_meeting="Not at a meeting",
    rule_headings={
        RuleKind.GOING_WELL: "How we'll know it's going well",
        RuleKind.TRIGGER: "Things that could make it harder",
        RuleKind.RED_FLAG: "Warning signs",
        RuleKind.WHO_DOES_WHAT: "Who will do what",
    },
    timeline="What will happen and when",
    step_headers=("Step", "What", "Who", "By when", "Done?"),
    done="Done",
    not_done="Not yet",
    closure="The date we are aiming for children's services to stop being involved: ",
    closure_not_set="We have not agreed yet when children's services will stop being involved.",
    still_to_do="Things we still need to talk about",
    agreement="Agreeing the plan",
    agreement_intro="Each person signs to show they agree to this plan and will do their part.",
    agreement_headers=("Name", "Signature", "Date"),
    # The family's words for each kind of meeting are data: bot/plan/meeting_types.yml.
    meeting_labels={kind: kind.family_label for kind in MeetingType},
)


def wording_for(version: str) -> Wording:
    return FAMILY if version == "family" else WORKER
