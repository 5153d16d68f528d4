"""Quality checks for safety plan wording: why something is weak, and how to mend it.

New practitioners use them as a training aid, workers use them before a
meeting, and families get gentle questions instead of verdicts. Each check
returns ``Finding`` objects (see ``findings.py``); ``audience`` is "family" or
"worker" (learners get "worker") and only changes the reading limits.

Finding codes (stable; the wording for each lives in ``codes.py``):

jargon.label                   a professional label ("neglect", "DV", "substance misuse")
                               with no behaviour behind it
jargon.label_beside_behaviour  a label next to the behaviour it stands for: a lighter
                               note (the behaviour is what matters; the label can go)
jargon.acronym                 shorthand (CP, CIN, CAMHS) not written out in the same text
danger.no_who                  danger statement does not say who is worried
danger.no_behaviour            ... does not describe what the caregiver does
danger.no_impact               ... does not say what could happen to the child
goal.negative                  safety goal says what will stop, not what will be happening
goal.no_who                    ... does not say who will be involved or see it
goal.no_duration               ... does not say how long it must be shown for
goal.no_behaviour              ... has no behaviour anyone could see ("safe", "needs met")
scale.no_zero_anchor           scaling question does not say what 0 means
scale.no_ten_anchor            scaling question does not say what 10 means
rule.vague                     a going-well sign or red flag nobody could see or hear
rule.no_person                 a who-does-what rule that names nobody
rule.no_contact                a who-does-what rule with no way to reach the person
step.no_owner                  a step with no named owner ("everyone" counts as none)
step.no_date                   a step with no date ("ongoing", "asap", "tbc" count as none)
plan.too_many_steps            more than eight open steps
plan.too_many_pairs            more than three danger/goal pairs
plan.pair_without_goal         a danger statement with no safety goal
plan.pair_without_danger       a safety goal with no danger statement
plan.pair_without_scale        a danger statement with no scaling question
plan.no_closure                a timeline with no target closure date
plan.no_network                no family, friends or neighbours in the safety network
columns.strength_as_safety     existing safety that is really a strength (love, care)
columns.safety_no_time         existing safety that does not say how long it has been shown
read.hard                      Flesch reading ease under 60 (family) or 50 (worker)
read.long_sentence             a sentence over 20 words (family) or 25 words (worker)

Decisions worth knowing:

- A label always gets ``jargon.label`` when the text does not describe the
  behaviour behind it. When it does (same text, behaviour of the matching kind,
  e.g. "domestic abuse: he punches walls"), the label gets the lighter
  ``jargon.label_beside_behaviour`` instead: the statement meets the standard,
  but the label adds nothing and can make a family stop reading.
- An acronym that stands for a label ("DV") gets both findings: it is
  shorthand, and spelling it out would still leave a label.
- Scaling questions are read aloud in meetings and follow a set template, so
  they get jargon and anchor checks but no reading limits; steps are short
  labels on a timeline and get jargon, owner and date checks only.
- Acronym checks are skipped in text written mostly in capitals (shouting is
  not shorthand).

Every check accepts any Unicode text, never raises on it, keeps nothing and
logs nothing.
"""

from bot.quality.checks import (
    check_danger_statement,
    check_existing_safety,
    check_jargon,
    check_plan,
    check_rule,
    check_safety_goal,
    check_scaling_question,
    check_step,
)
from bot.quality.codes import CODES
from bot.quality.findings import Finding
from bot.quality.readability import check_readability

__all__ = [
    "CODES",
    "Finding",
    "check_danger_statement",
    "check_existing_safety",
    "check_jargon",
    "check_plan",
    "check_readability",
    "check_rule",
    "check_safety_goal",
    "check_scaling_question",
    "check_step",
]
