"""The finding codes, what each means, and the words each finding is written in.

Codes are stable: tests, documents and the conversation refer to them. The
wording is data so it can be reviewed by practice leads in one place.
Templates may use ``{excerpt}`` and a few named fields filled by the check.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.quality.findings import Finding


@dataclass(frozen=True)
class Wording:
    summary: str  # one line, for documentation and reports
    message: str  # why it matters, for a worker or learner
    suggestion: str  # a concrete way to mend it
    family_hint: str  # a gentle question for a family member


WORDING: dict[str, Wording] = {
    "jargon.label": Wording(
        "A professional label ('neglect', 'DV', 'substance misuse') with no behaviour behind it.",
        "'{excerpt}' is a professional label. It gives a conclusion, not what happens, so a "
        "family may not recognise themselves in it and nobody can tell when it has changed.",
        "{describe}",
        "{hint}",
    ),
    "jargon.label_beside_behaviour": Wording(
        "A label used next to the behaviour it stands for: a lighter note, the label can go.",
        "The behaviour is described, which is what matters. The label '{excerpt}' adds little "
        "and can make a family stop reading or feel judged.",
        "Keep the description of what happens and drop '{excerpt}'.",
        "You have said what happens, which really helps. Could we keep just those words and "
        "leave out the professional term?",
    ),
    "jargon.acronym": Wording(
        "Shorthand letters (CP, CIN, CAMHS) that are not written out in the same text.",
        "'{excerpt}' is shorthand. Families, and professionals from other services, may not "
        "know what it stands for.",
        "{expand}",
        "Could you write out the short letters in full, so everyone knows what they mean?",
    ),
    "danger.no_who": Wording(
        "The danger statement does not say who is worried.",
        "A danger statement starts with who is worried, by name or role, so the family knows "
        "whose worry it is and who to talk to about it.",
        "Start with the people and services who are worried, e.g. 'Sam the social worker, "
        "Ms Khan at school and Nan are worried that ...', or 'I am worried that ...'.",
        "Who is worried about this? Could you start with their names, or with 'I am worried'?",
    ),
    "danger.no_behaviour": Wording(
        "The danger statement does not describe what the caregiver does.",
        "Without the caregiver's behaviour, specific and observable, the family cannot tell "
        "what needs to change and the network cannot tell when it has.",
        "Say what the adult does that causes the worry, e.g. 'when Dad drinks more than a few "
        "cans he shouts and has pushed Mum into the wall'.",
        "Could you say what actually happens, like what Dad does when he has been drinking?",
    ),
    "danger.no_impact": Wording(
        "The danger statement does not say what could happen to the child if nothing changes.",
        "The impact on the child is why the worry matters. Saying what could happen, short and "
        "long term, keeps everyone's attention on the child.",
        "Add what could happen to the child if nothing changes, e.g. 'and if nothing changes "
        "Leo could be hurt if he is in the way, and he is learning to be frightened at home'.",
        "If nothing changes, what could happen to the children? How might they be hurt or feel?",
    ),
    "goal.negative": Wording(
        "The safety goal says what will stop rather than what will be happening.",
        "A goal framed as what will stop ('{excerpt}') cannot be seen happening; people can only "
        "notice its absence. A goal people can see gives the family something to do.",
        "Say what will be happening instead, e.g. 'Mum and Dad sort out disagreements calmly' "
        "rather than 'they will not argue'.",
        "What will be happening instead, that people could see? What would it look like on a "
        "good day?",
    ),
    "goal.no_who": Wording(
        "The safety goal does not say who will be involved or who will see it happening.",
        "Safety is shown to the network. A goal that names the people who will see it, or help, "
        "makes clear who can say it is working.",
        "Name who will see it or help, e.g. 'Nan and Ms Khan will know Leo is safe when ...' or "
        "'... and Nan will pop in every Sunday'.",
        "Who will be around to see this happening, or to help? Could you add their names?",
    ),
    "goal.no_duration": Wording(
        "The safety goal does not say how long it must be shown for.",
        "Safety has to be shown over time, through the hard moments too, before a case can "
        "close. Without a length of time nobody knows when the goal is met.",
        "Add how long, e.g. 'for six months, including at Christmas and on Dad's birthday', or "
        "'until the review in March'.",
        "How long would this need to keep happening for everyone to feel sure? Are there hard "
        "times, like birthdays or holidays, it should include?",
    ),
    "goal.no_behaviour": Wording(
        "The safety goal has no behaviour anyone could see happening.",
        "'Safe' or 'needs met' cannot be seen. A goal describes what the caregiver will be "
        "doing and what the child will experience.",
        "Say what the caregiver will be doing, e.g. 'Dad is sober every time he looks after Leo' "
        "or 'Chloe puts Rosie to sleep on her back in her own cot'.",
        "What would people see you doing, day to day, when things are going well?",
    ),
    "scale.no_zero_anchor": Wording(
        "The scaling question does not say what 0 means.",
        "Without a 0, people score against different pictures. 0 should describe the worry in "
        "the danger statement happening.",
        "Add what 0 means, e.g. 'and 0 means Dad is still drinking and hurting Mum'.",
        "What would the very worst end, number 0, look like?",
    ),
    "scale.no_ten_anchor": Wording(
        "The scaling question does not say what 10 means.",
        "Without a 10, nobody knows what they are scaling towards. 10 should describe the "
        "safety goal being met, so everyone is sure enough for the case to close.",
        "Add what 10 means, e.g. 'where 10 means everyone is sure Leo is safe when Dad drinks "
        "and the case can close'.",
        "What would the best end, number 10, look like, when everyone feels sure the children "
        "are safe?",
    ),
    "rule.vague": Wording(
        "A sign in the plan rules that nobody could see or hear.",
        "Rules only help if people can spot the signs. '{excerpt}' could mean different things "
        "to different people.",
        "Say what people would see or hear, e.g. 'Mum's curtains are shut all day and she stops "
        "answering her phone'.",
        "What would people notice, like something they could see or hear?",
    ),
    "rule.no_person": Wording(
        "A 'who will do what' rule that names nobody.",
        "If a rule does not name a person, everyone may assume someone else will act.",
        "Name the person, e.g. 'Nan will ...' or 'Auntie Jo will ...'.",
        "Who would do this? Could you put their name?",
    ),
    "rule.no_contact": Wording(
        "A 'who will do what' rule that does not say how to reach the person.",
        "In a worrying moment people need to know how to reach each other straight away.",
        "Add how to reach them, e.g. 'ring Nan on 07700 900123' or 'knock next door'.",
        "How would people get hold of them quickly, like a phone number?",
    ),
    "step.no_owner": Wording(
        "A step with no named person responsible.",
        "A step owned by everyone is owned by no one; the network needs to know who will do it.",
        "Put one named person against the step, e.g. 'Sam' or 'Mum and Nan'.",
        "Who will do this? Could you put a name next to it?",
    ),
    "step.no_date": Wording(
        "A step with no date to do it by.",
        "Without a date nobody can check at the next meeting whether the step happened.",
        "Add a date, or a time people can check against, e.g. 'by Friday 14 March' or 'in two "
        "weeks'.",
        "When should this be done by?",
    ),
    "plan.too_many_steps": Wording(
        "More than about eight open steps on the timeline.",
        "A long list of actions is hard for a family to hold in mind and tends to drift. About "
        "eight actions at most keeps the plan doable.",
        "Keep the steps that matter most for safety now; move the rest to later or merge them.",
        "That is a lot to do at once. Which things matter most to do first?",
    ),
    "plan.too_many_pairs": Wording(
        "More than three danger statements with safety goals.",
        "Three worries or fewer keeps the plan focused on what matters most for the child's "
        "safety; more dilutes it.",
        "Combine related worries, or move less serious ones to the worries column for now.",
        "There are quite a few worries here. Which ones matter most for the children's safety?",
    ),
    "plan.pair_without_goal": Wording(
        "A danger statement without a paired safety goal.",
        "Every worry needs a goal that says what people need to see happening; otherwise the "
        "family knows what is wrong but not what would put it right.",
        "Write a safety goal for this worry: who will see what happening, and for how long.",
        "For this worry, what would everyone need to see happening to feel sure it is sorted?",
    ),
    "plan.pair_without_danger": Wording(
        "A safety goal without the danger statement it answers.",
        "A goal only makes sense beside the worry it answers; the two are read together.",
        "Write the danger statement this goal answers: who is worried, about what, and what "
        "could happen to the child.",
        "What is the worry that this goal is about?",
    ),
    "plan.pair_without_scale": Wording(
        "A danger statement and goal with no scaling question.",
        "Each pair is scaled separately so progress on one worry can be honoured even while "
        "another remains.",
        "Add a scaling question: 'On a scale of 0 to 10, where 10 means [the goal is met] and 0 "
        "means [the danger is happening], where are things now?'",
        "Could we add a 0 to 10 question for this worry, so everyone can say where things are?",
    ),
    "plan.no_closure": Wording(
        "The timeline has no target date for the case to close.",
        "Almost every plan needs a date it is working towards, so the family can see an end "
        "and the network can check progress against it.",
        "Add a target closure date, e.g. 'in nine months, if the plan is working'.",
        "When would everyone hope to be able to step back, if things keep going well?",
    ),
    "plan.no_network": Wording(
        "No family members, friends or neighbours in the safety network.",
        "Plans belong to the family's own network: professionals come and go, the network "
        "stays. A plan held only by professionals is unlikely to last.",
        "Ask who the family trusts (relatives, friends, neighbours, faith community) and add "
        "them, with what they could do.",
        "Who in your family, friends or neighbours could help and be part of this plan?",
    ),
    "columns.strength_as_safety": Wording(
        "An existing safety entry that describes a strength (love, care) rather than protection.",
        "Existing safety is what people have already done to keep the child safe when the "
        "danger was there. Love is a strength, not safety; keep the two apart.",
        "Move this to strengths, or describe a time the danger was present and what someone did "
        "to keep the child safe, e.g. 'when Dad has been drinking, Mum has taken the children "
        "to Nan's every time since last summer'.",
        "That sounds like a real strength. Can you think of a time when things were worrying "
        "and someone did something to keep the children safe?",
    ),
    "columns.safety_no_time": Wording(
        "An existing safety entry that does not say how long it has been shown.",
        "Safety counts when it has been shown over time; how long tells the network how much "
        "weight it can bear.",
        "Say how long or how often, e.g. 'every weekend since June' or 'for the last three "
        "months'.",
        "How long has this been happening for?",
    ),
    "read.hard": Wording(
        "Hard to read: Flesch reading ease below the limit for this audience.",
        "This reads as hard (reading ease {ease:.0f}; {limit:.0f} or more is plain enough for "
        "{audience} wording). Parents say long words in plans scare them.",
        "{swaps}",
        "Could we say this in shorter, everyday words?",
    ),
    "read.long_sentence": Wording(
        "A sentence longer than the limit for this audience (20 words family, 25 worker).",
        "This sentence has {count} words. Long sentences are hard to follow, especially when "
        "someone is stressed or reading in a second language.",
        "Split it into sentences of {limit} words or fewer: one idea each.",
        "Could we break this into shorter sentences, one idea at a time?",
    ),
}

CODES: dict[str, str] = {code: wording.summary for code, wording in WORDING.items()}


class _Fields(dict[str, object]):
    """Missing template fields read as empty rather than raising."""

    def __missing__(self, key: str) -> str:
        return ""


def make(code: str, target: str, excerpt: str | None = None, **fields: object) -> Finding:
    wording = WORDING[code]
    values = _Fields(fields)
    values["excerpt"] = excerpt or ""
    return Finding(
        code=code,
        target=target,
        message=wording.message.format_map(values),
        suggestion=wording.suggestion.format_map(values),
        family_hint=wording.family_hint.format_map(values),
        excerpt=excerpt,
    )
