"""Whole interviews through the real Rasa server and action server, one per role.

Each goes from "hi" to a complete plan (two worries, scores, rules, four
steps, a closure date), using help, example, go back and "I don't know" on
the way, downloads the document over plain HTTP, and checks that every
answer is in the database.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document

from bot.plan.model import MeetingType, Role, RuleKind
from bot.storage.unit_of_work import SqlUnitOfWork

pytestmark = [pytest.mark.conversation, pytest.mark.slow]


class Chat:
    def __init__(self, bot, role: str) -> None:  # noqa: ANN001
        self.bot = bot
        self.sender = bot.new_sender(role)
        self.log: list[str] = []
        self.checks = 0

    def __call__(self, message: str) -> str:
        reply = self.bot.texts(self.bot.say(self.sender, message))
        self.log.append(f"> {message}\n{reply}")
        print(self.log[-1])  # shown by pytest when a test fails
        if "I want to check I've understood" in reply or "To check: is someone in danger" in reply:
            # The model alone heard danger in a description of the past; the
            # person says it is about before and their words are kept.
            self.checks += 1
            return self("/deny")
        return reply

    def plan(self):  # noqa: ANN201
        with SqlUnitOfWork(self.bot.settings.database_url) as uow:
            conversation = uow.conversations.get(self.sender)
            return conversation, conversation.plan

    def link(self, text: str, kind: str | None = None) -> str:
        links = re.findall(r"https?://\S+/chat/download/\S+", text)
        assert links, text
        return links[0]


def _offers_to_add(reply: str) -> bool:
    return "people who help yet" in reply or "in the safety network yet" in reply


def _worry(chat: Chat, who: str, behaviour: str, impact: str, goal: tuple[str, str, str],
           score: str, rules: tuple[str, str, str, str], worker: bool) -> None:
    chat(who)
    chat(behaviour)
    check = chat(impact)
    assert "999" not in check
    chat('/choose{"choice": "accept"}')
    chat(goal[0])
    if _offers_to_add(chat(goal[1])):
        chat("/affirm")
    chat(goal[2])
    chat('/choose{"choice": "accept"}')
    if "Why " in chat(score):
        chat("because things are a bit calmer")
    chat("he would ring Nan when he wants a drink")
    if worker:
        chat("/deny")  # no other people's scores for this one
    for text in rules[:3]:
        chat(text)
    if _offers_to_add(chat(rules[3])):
        chat("/deny")


def test_a_family_member_from_hi_to_a_downloaded_plan(bot) -> None:  # noqa: ANN001
    chat = Chat(bot, "family")
    assert "draft safety plan" in chat("hi")
    chat("no")
    chat('/choose{"choice": "family"}')
    chat("/affirm")
    chat("Priya, I'm their mum")
    # "help" alone may be a cry for help: the bot asks which, then helps.
    assert "or is someone in danger right now?" in chat("help")
    assert "First names are enough" in chat("help")
    chat("Leo 7 and Mia 4")
    chat("Kelly, my sister")
    chat("/deny")
    chat("Sam Patel, social worker")
    chat("/deny")
    assert "For example" in chat("can you give me an example")
    chat("I get the kids to school every day")
    chat("no")
    chat("Dad pushed me in March when he was drunk and Leo saw")
    back = chat("go back")
    assert "Before, you said" in back
    chat("Dad pushed me in March when he was drunk and Leo saw it")
    assert "something to come back to" in chat("I don't know")
    chat("Dad needs help with his drinking")
    _worry(chat, "Sam and the school", "When Dad drinks he shouts and pushes me",
           "Leo and Mia could get hurt", ("Dad is sober with the kids", "Kelly and Sam",
                                          "six months"),
           "about a 5 because he's trying", ("Dad sober at pick up", "payday",
                                             "cans in the bin", "Kelly will have the kids"),
           worker=False)
    chat("yes")
    _worry(chat, "Me and the health visitor", "when I'm low I stay in bed all day",
           "Mia could go hungry", ("I get up every morning", "Kelly", "three months"),
           "6", ("kids at school on time", "winter", "Leo late again", "Kelly will come round"),
           worker=False)
    chat("no")
    for what, who, when in (("Dad to go to the alcohol service", "Dad", "in two weeks"),
                            ("Family meeting", "Sam", "12/01/2027"),
                            ("Check in with Kelly every Friday", "me", "next Friday"),
                            ("Core group to check progress", "Sam", "end of March")):
        chat(what)
        chat(who)
        assert "Saved: by" in chat(when)
        chat("yes" if what != "Core group to check progress" else "no")
    review = chat("in nine months")
    assert "Here is the plan so far." in review and "Still to do" in review
    done = chat("yes")
    assert "draft plan is ready" in done.lower()
    assert "999" not in "\n".join(chat.log[1:])

    status, content, headers = bot.get(chat.link(done))
    content_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    assert status == 200 and "wordprocessingml" in content_type
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "Draft safety plan for Leo and Mia" in text

    conversation, plan = chat.plan()
    assert conversation.role is Role.FAMILY
    assert len(plan.pairs) == 2 and all(p.danger_confirmed and p.goal_confirmed for p in plan.pairs)
    assert plan.pairs[0].scores[0].value == 5
    assert [s.what for s in plan.steps][0] == "Dad to go to the alcohol service"
    assert len(plan.steps) == 4 and all(s.due for s in plan.steps)
    assert plan.target_closure_date is not None
    assert [q.key for q in plan.open_questions] == ["complicating"]
    assert plan.pairs[0].rules_of(RuleKind.WHO_DOES_WHAT)[0].person_name == "Kelly"


def test_a_worker_pastes_statements_scores_a_meeting_and_gets_the_meeting_pack(bot) -> None:  # noqa: ANN001
    chat = Chat(bot, "worker")
    chat("hello")
    chat("no")
    chat('/choose{"choice": "worker"}')
    chat("/affirm")
    chat("Sam Patel, social worker")
    chat("Amara 2")
    chat("Grace, maternal grandmother, 07700 900123")
    chat("/deny")
    chat("Dr Okoye, GP")
    chat("/deny")
    for answer in ("Mum is loving and attentive with Amara",
                   "When Mum has been drinking, Grace has taken Amara overnight",
                   "yes", "three times since June",
                   "Amara was found asleep on the sofa with Mum after Mum had been drinking",
                   "Mum is isolated and in rent arrears", "Safe sleep every night"):
        chat(answer)
    pasted = chat(
        "Sam (social worker) and the health visitor are worried that when Mum has been drinking "
        "she falls asleep on the sofa holding Amara, and that if nothing changes Amara could be "
        "smothered or dropped."
    )
    assert "Danger statement 1:" in pasted and "Quality notes" in pasted
    chat('/choose{"choice": "accept"}')
    chat("Mum puts Amara in her cot for every sleep and is sober when she cares for her")
    if _offers_to_add(chat("Grace and the health visitor")):
        chat("/deny")
    chat("for three months including Christmas")
    chat('/choose{"choice": "accept"}')
    chat("4 because the cot is being used")
    chat("Mum telling Grace when she wants a drink")
    chat("yes")
    assert "Core group, 12 January 2027" in chat("core group 12/01/2027")
    assert "Saved: Grace, 6." in chat("Grace 6 because she sees the cot used")
    chat("Health visitor 3.5 wants it to last")
    chat("/deny")
    for text in ("cot used every night", "weekends and payday", "empty bottles",
                 "Grace will take Amara overnight, 07700 900123"):
        chat(text)
    chat("yes")
    chat("Sam (social worker), Ms Khan (school) and Grace are worried that Mum leaves the home "
         "conditions so cluttered that Amara can reach medicines, and that if nothing changes "
         "Amara could swallow tablets.")
    chat('/choose{"choice": "accept"}')
    chat("medicines are locked away and the floor is clear")
    chat("Grace")
    chat("for six weeks")
    chat('/choose{"choice": "accept"}')
    chat("5")
    chat("the floor is mostly clear")
    chat("medicine box bought")
    chat("/deny")
    for text in ("clear floor", "Mum feeling low", "tablets on the side", "Grace will ring Sam"):
        chat(text)
    chat("no")
    for what, who, when in (("Referral to the alcohol service", "Sam", "in 1 week"),
                            ("Buy a lockable medicine box", "Mum", "next Friday"),
                            ("Grace to visit twice a week", "Grace", "in 2 weeks"),
                            ("Core group review", "Sam", "12/02/2027")):
        chat(what)
        chat(who)
        chat(when)
        chat("yes" if what != "Core group review" else "no")
    chat("30/09/2027")
    done = chat("yes")
    assert "Worker version" in done and "Meeting pack" in done and "JSON" in done
    pack = chat("can I have the meeting pack please")
    status, content, _headers = bot.get(chat.link(pack))
    assert status == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "Danger statement" in text or "danger statement" in text.lower()

    _conversation, plan = chat.plan()
    assert len(plan.pairs) == 2 and plan.pairs[0].danger_statement.startswith("Sam (social worker)")
    meeting_scores = [(s.person_name, s.value) for s in plan.pairs[0].scores if s.meeting]
    assert meeting_scores == [("Grace", 6), ("Health visitor", 3.5)]
    assert plan.meetings[0].kind is MeetingType.CORE_GROUP
    assert plan.meetings[0].held_on == dt.date(2027, 1, 12)
    assert len(plan.steps) == 4 and plan.target_closure_date == dt.date(2027, 9, 30)


def test_a_learner_practises_and_downloads_the_practice_plan(bot) -> None:  # noqa: ANN001
    chat = Chat(bot, "learner")
    chat("hi")
    chat("no")
    chat("I'm a student social worker practising")
    chat("yes")
    intro = chat('/choose{"choice": "bennett"}')
    assert "Bennett" in intro and "Why it's built this way" in intro
    chat("Mum loves Ava and feeds her well")
    chat("no")
    chat("Ava was found face down in the adult bed")
    chat("Mum is low and on her own")
    assert "model of the three columns" in chat("Mum needs help")
    chat("The health visitor")
    chat("Mum has neglect")
    check = chat("Ava could suffer")
    assert "neglect" in check.lower() and "A model answer to compare with yours" in check
    while True:
        reply = chat("i don't know")
        if "Is the draft right?" in reply or "Is everything right?" in reply:
            break
        assert len(chat.log) < 80, "the practice run did not reach the review"
    # Every part was skipped, so the worry is unfinished: the learner is told so
    # in one sentence (not shown the review again) and chooses.
    unfinished = chat("yes")
    assert "is not finished yet" in unfinished and "What would you like to do?" in unfinished
    finished = chat('/choose{"choice": "leave"}')
    assert "finished the practice plan" in finished and "What to practise" in finished
    status, _content, _headers = bot.get(chat.link(finished))
    assert status == 200
