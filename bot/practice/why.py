"""Why each part of a safety plan is built the way it is, in a few plain sentences.

Shown to a new practitioner after they compare their attempt with the model
answer. Grounded in the practice guide (docs/practice-guide.md); the practice
these explanations support is Signs of Safety practice.
"""

from __future__ import annotations

WHY: dict[str, str] = {
    "network": (
        "A safety plan belongs to the family and the people naturally around them: relatives, "
        "friends, neighbours. Professionals come and go, but the network is still there at "
        "two in the morning and after the case closes. Naming who is in it, and what each "
        "person can do, is what makes the plan real."
    ),
    "columns": (
        "The assessment map keeps three questions apart: what are we worried about, what is "
        "working well, and what needs to happen. Separating harm that has happened, danger "
        "that could happen and complicating factors stops everything being lumped together. "
        "It also makes sure strengths are written down beside the worries, not forgotten."
    ),
    "existing_safety": (
        "Existing safety is what people have already done to keep the children safe when the "
        "danger was there. For example, Mum has taken the children to Nan's every time Dad "
        "started drinking, for months. It is different from a strength: love is a strength, "
        "not safety. Finding it shows the family they have already started, and gives the "
        "plan something to build on."
    ),
    "danger": (
        "A danger statement says who is worried, what the caregiver does that worries them, "
        "and what could happen to the child if nothing changes. Describing the behaviour "
        "instead of a label like 'neglect' means the family can recognise it and everyone can "
        "tell when it has changed. Keep to three or fewer, in words the family can read."
    ),
    "goal": (
        "A safety goal describes what everyone needs to see happening, not what will have "
        "stopped. People can see behaviour, but they cannot see something that is missing. It "
        "names who will see it and how long it must last, including hard times like "
        "Christmas. It tells the family clearly what would let the case close."
    ),
    "pairing": (
        "Every danger statement is paired with one safety goal so each worry has its own "
        "clear answer. The family can see exactly what would settle that worry, and the "
        "network can judge progress on each one separately. A worry without a goal tells the "
        "family what is wrong but not what would put it right."
    ),
    "scale": (
        "Scaling each pair from 0 to 10 turns a judgement into something everyone can share "
        "and compare. Each person scores on their own and then says why, which brings "
        "differences into the open. Scoring each pair separately means progress on one worry "
        "is honoured even while another remains."
    ),
    "rules": (
        "Plan rules say how everyone will know things are going well, and what stresses might "
        "make danger more likely. They list red flags that things may be going wrong, and who "
        "will do what if they see one. They only work if people can see or hear the signs, "
        "and know who to ring and how."
    ),
    "timeline": (
        "The timeline lists the next steps in order of priority: who does what, by when. "
        "Small steps with one named person and a date can be checked at the next meeting. "
        "About eight actions at most keeps the plan doable for a family under stress."
    ),
    "closure": (
        "A target date for the case to close, if the plan works, gives the family an end to "
        "work towards. It keeps everyone honest about how long professionals expect to be "
        "involved. The date can move, but having one makes progress visible."
    ),
}

STEPS: tuple[str, ...] = tuple(WHY)

# Other names people (and other parts of the bot) use for the same steps.
_ALIASES = {
    "safety_network": "network",
    "people": "network",
    "map": "columns",
    "three_columns": "columns",
    "assessment_map": "columns",
    "existing": "existing_safety",
    "safety": "existing_safety",
    "danger_statement": "danger",
    "danger_statements": "danger",
    "safety_goal": "goal",
    "safety_goals": "goal",
    "goals": "goal",
    "pair": "pairing",
    "pairs": "pairing",
    "scaling": "scale",
    "scaling_question": "scale",
    "scales": "scale",
    "safety_scale": "scale",
    "plan_rules": "rules",
    "rule": "rules",
    "steps": "timeline",
    "next_steps": "timeline",
    "close": "closure",
    "closing": "closure",
    "target_closure": "closure",
}


def step_key(step: str) -> str:
    """The canonical step name for ``step``; KeyError naming the steps when unknown."""
    name = "_".join(str(step or "").casefold().replace("-", " ").split())
    name = _ALIASES.get(name, name)
    if name not in WHY:
        raise KeyError(f"unknown practice step {step!r}; known steps: {', '.join(STEPS)}")
    return name


def why(step: str) -> str:
    """Why this part of the plan matters: two to four plain sentences."""
    return WHY[step_key(step)]
