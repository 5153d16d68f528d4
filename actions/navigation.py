"""Things people can say at any question: help, example, go back, skip, stop, review, restart."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import latest_intent, latest_text, latest_verdict, send, service, who
from bot.interview.reply import Reply

REQUESTED_SLOT = "requested_slot"


class _ServiceAction(Action):
    """Calls one service operation and sends its reply; the form (if any) asks the next question."""

    operation = ""
    action_name = ""
    # Requests a short answer can look like: checked against the open question first.
    may_be_an_answer = False

    def name(self) -> str:
        return self.action_name

    def call(self, sender_id: str, channel: str, tracker: Tracker) -> Reply:
        return getattr(service(), self.operation)(sender_id, channel)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        sender_id, channel = who(tracker)
        if self.may_be_an_answer and tracker.active_loop_name == "interview_form":
            answered = service().answer_instead(
                sender_id, channel, latest_text(tracker), latest_intent(tracker)
            )
            if answered is not None:
                send(dispatcher, answered)
                return []
        if self.may_be_an_answer and tracker.active_loop_name != "interview_form":
            # "The plan from the last conference" taken for the meeting pack: that plan.
            shown = service().plan_as_at(sender_id, channel, latest_text(tracker))
            if shown is not None:
                send(dispatcher, shown)
                return []
            # "We had a core group today" after the interview finished, taken for the
            # meeting pack: record the meeting, and let the form ask its questions.
            started = service().record_meeting(sender_id, channel, latest_text(tracker))
            if started is not None:
                send(dispatcher, started)
                return [FollowupAction("interview_form")]
        reply = self.call(sender_id, channel, tracker)
        send(dispatcher, reply)
        return self.events(reply, tracker)

    def events(self, reply: Reply, tracker: Tracker) -> list[dict[str, Any]]:
        return []


class ActionWelcome(_ServiceAction):
    action_name, operation = "action_welcome", "welcome"


class ActionContinue(Action):
    """A message outside the interview: carry on at the first thing the plan lacks."""

    def name(self) -> str:
        return "action_continue"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        sender_id, channel = who(tracker)
        # "The plan as it was at the core group" outside the interview: that plan's document.
        shown = service().plan_as_at(sender_id, channel, latest_text(tracker))
        if shown is not None:
            send(dispatcher, shown)
            return []
        # "We had a core group today" outside the interview starts recording the meeting;
        # the form then asks its first question.
        started = service().record_meeting(sender_id, channel, latest_text(tracker))
        if started is not None:
            send(dispatcher, started)
            return []
        # Only clears "we've stopped"; if the store is down, the form's question says so.
        service().carry_on(sender_id, channel)
        return []


class ActionHelp(_ServiceAction):
    action_name, operation = "action_help", "help"


class ActionExample(_ServiceAction):
    action_name, operation = "action_example", "example"


class ActionGoBack(_ServiceAction):
    action_name, operation = "action_go_back", "go_back"


class ActionSkip(_ServiceAction):
    action_name, operation = "action_skip", "skip"


class ActionReview(_ServiceAction):
    may_be_an_answer = True
    action_name, operation = "action_review", "review"


class ActionRestart(_ServiceAction):
    may_be_an_answer = True
    action_name, operation = "action_restart", "request_restart"


class ActionStop(_ServiceAction):
    action_name, operation = "action_stop", "stop"

    def call(self, sender_id: str, channel: str, tracker: Tracker) -> Reply:
        # The Rasa server heard danger in a request to leave ("gotta go, he's back"):
        # they go at once, with the emergency numbers, and the worker sees the flag.
        worried = latest_verdict(tracker) in ("urgent", "check")
        typed = latest_text(tracker)
        return service().stop(sender_id, channel, typed if worried else None, typed=typed)

    def events(self, reply: Reply, tracker: Tracker) -> list[dict[str, Any]]:
        # Leave the form; the question it was on is kept with the plan.
        return [ActiveLoop(None), SlotSet(REQUESTED_SLOT, None)]


class ActionExport(_ServiceAction):
    may_be_an_answer = True
    action_name = "action_export"

    def call(self, sender_id: str, channel: str, tracker: Tracker) -> Reply:
        return service().links(sender_id, channel)


class ActionMeetingPack(_ServiceAction):
    may_be_an_answer = True
    action_name = "action_meeting_pack"

    def call(self, sender_id: str, channel: str, tracker: Tracker) -> Reply:
        return service().links(sender_id, channel, meeting_pack=True)


class ActionInterviewComplete(_ServiceAction):
    action_name, operation = "action_interview_complete", "complete"


class ActionStartPractice(_ServiceAction):
    may_be_an_answer = True
    action_name, operation = "action_start_practice", "start_practice"


_CHITCHAT = {
    "greet": "Hello again.",
    "thank": "You're welcome.",
    "bot_challenge": (
        "I'm a computer program, not a person. I help write a draft plan; your worker and the "
        "people who support you decide the plan together."
    ),
    "out_of_scope": (
        "I can only help with writing the safety plan. For anything else, please ask your worker."
    ),
}


class ActionChitchat(Action):
    def name(self) -> str:
        return "action_chitchat"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        dispatcher.utter_message(text=_CHITCHAT.get(intent, _CHITCHAT["out_of_scope"]))
        return []
