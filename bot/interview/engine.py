"""The interview's operations: ask, answer, and the things people can say at any question."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.faults import too_long
from bot.interview import (
    answers,
    commands,
    contact_edits,
    meeting_answers,
    next_meeting,
    own_person,
    plan_as_at,
    process_questions,
)
from bot.interview.answers import Answer, says_keep
from bot.interview.catalogue import spec
from bot.interview.context import Context
from bot.interview.flow import PAIR_SLOTS, next_key
from bot.interview.keys import key, split
from bot.interview.prompts import fill, question_message
from bot.interview.reply import Button, Message, Reply, choice
from bot.interview.review import show_whole_plan
from bot.plan.compose import compose_scaling_question
from bot.plan.model import Pair, Role, UrgentFlag, join_names
from bot.safety.decide import Outcome as Verdict
from bot.safety.decide import decide, is_bare_help, thresholds
from bot.safety.helplines import DOMESTIC_ABUSE, kinds_in, plan_worry_texts
from bot.safety.messages import domestic_abuse_line, urgent_message
from bot.settings import Settings, load_settings
from bot.text import clean_text, is_blank

# Questions about the conversation rather than the plan: "go back" skips them.
_NOT_IN_HISTORY = {
    "danger_now",
    "check_danger",
    "consent",
    "resume",
    "review",
    "review_pick",
    "review_item",
    "safe_to_continue",
    "restart_confirm",
    "add_person",
    "user_role",
    # Recording a meeting is asked out of order, like the review.
    *meeting_answers.SLOTS,
    # So is setting the next meeting, and which of the plan's people someone is.
    *next_meeting.SLOTS,
    "about_you_which",
}
# Requests that a short answer to an open question can look like ("Family
# meeting" as a step is not a request for the meeting pack). While such a
# question waits, these intents count only when the words say so.
_ONLY_WHEN_SAID = {
    "meeting_pack": re.compile(
        r"\bpack\b|\b(prep|prepare|preparing|ready)\b.*\b(meeting|conference)"
    ),
    "export": re.compile(
        r"\b(download|word|document|doc|docx|export|print|pdf|json|copy of|send (me|it)|email)\b"
    ),
    "start_practice": re.compile(r"\b(practi[cs]e|practising|practicing|training|learn)"),
    "restart": re.compile(
        r"\b(start (again|over|afresh)|restart|begin again|from (the )?(beginning|scratch|start))\b"
    ),
    "out_of_scope": re.compile(r"\?\s*$"),
    # "Core group review" is a step; "can I review the plan" is a request.
    "review": re.compile(
        r"^\W*(please )?(review|recap|summary|summarise)( please| it| that)?\W*$|"
        r"\b(so far|my answers?|what we'?ve (got|done|written)|go over|"
        r"change (something|an answer|my answer|a part)|read (it|the plan|everything) back)\b|"
        r"\b(review|see|show|check|look at|read)\b.*\b(plan|answers|everything|draft)\b"
    ),
}
# "Review the plan at the core group meeting" is a step, though it says "review
# the plan": a meeting, a time or company make it something to do, not a request.
_REVIEW_AS_A_STEP = re.compile(
    r"\b(meeting|meetings|group|conference|weekly|monthly|fortnightly|every|each|week|weeks|"
    r"month|months|together|with (the )?(family|worker|social worker|network|school))\b"
)
_OPEN_KINDS = {"text", "list", "date", "score"}
# Taking back the yes to "is there another worry?" ("no wait i didnt say yes",
# "i said no. i dont want another worry").
_TAKES_BACK_YES = re.compile(
    r"\b(?:did ?n'?t|did not|never)\s+(?:say|mean|press|tap|click|pick|choose)(?:\s+\w+){0,2}?"
    r"\s+yes\b|\bi\s+(?:said|meant|mean|pressed|tapped|clicked|picked)\s+no\b|"
    r"\b(?:don'?t|do not|didn'?t|did not)\s+(?:want|need|mean)\s+(?:to add\s+)?"
    r"(?:another|a second|a new|one more|any more|anymore|more)(?:\s+\w+)?\s+worr|"
    r"\bno more worries\b|\bnot another worry\b|^\W*no+\W+wait\b",
    re.IGNORECASE,
)
_BARE_NO = re.compile(r"\W*(?:no+|nope|nah|no thanks|no thank you)\W*", re.IGNORECASE)
# The state flag holding words typed that may be a command, while the person is asked.
_COMMAND_CHECK = "command_check"
# The state flag holding the words the alarm went off on when they could not be kept
# as the answer first (a question whose answer becomes names, dates or a score): after
# "I'm safe" they are offered back, so they are never dropped and never turned into
# people or dates without the person choosing to.
_OFFER_AFTER_ALARM = "offer_after_alarm"
# Why words are held to offer back: they had to leave (else: the alarm went off).
_LEFT = "left"
_OFFERED_BACK_KINDS = {"text", "list", "score"}
# Questions answered in free words (not a yes, a choice or a button).
_FREE_KINDS = {"text", "list", "date", "score"}
# Questions about safety itself: what is said there is judged by their own handlers.
_SAFETY_QUESTIONS = {"danger_now", "check_danger", "safe_to_continue"}
# Questions that cannot be left open.
_CANNOT_SKIP = {"user_role", "consent"}
# The state flag naming the question already asked in the last "please say yes or no"
# message; cleared by the service at the start of every turn that may change state.
_ASKED_IN_RETRY = "asked_in_retry"


class Interview:
    def __init__(self, ctx: Context, settings: Settings | None = None) -> None:
        self.ctx = ctx
        self.settings = settings or load_settings()

    # -- reading -----------------------------------------------------------

    def current_key(self) -> str | None:
        return next_key(self.ctx)

    def takes_as_answer(self, text: str, intent: str | None) -> bool:
        """Whether a message routed as a request is really the answer to the open question."""
        if meeting_answers.can_record(self.ctx) and meeting_answers.is_request(text):
            # "We had a core group today" taken for the meeting pack: answer() records it.
            return True
        if self._next_meeting_request(text):
            # "The next core group is on 14 January": answer() sets it.
            return True
        if plan_as_at.is_request(text):
            # "The plan from the last conference" taken for the meeting pack: answer() sends it.
            return True
        pattern = _ONLY_WHEN_SAID.get(intent or "")
        slot = self.current_slot()
        if slot in ("review", "review_pick") and answers.worry_named_for_removal(text):
            # "Delete worry 2" at the review answers it, whatever request the model heard
            # ("restart" would offer to clear the whole plan).
            return True
        if pattern is None or slot is None or spec(slot).kind not in _OPEN_KINDS:
            return False
        if commands.whole_command(text, prefer=intent) == intent:
            # The whole message is the request ("a copy to print, please").
            return False
        said = text.casefold()
        if intent == "review" and _REVIEW_AS_A_STEP.search(said):
            return True
        return not pattern.search(said)

    def current_slot(self) -> str | None:
        question = self.current_key()
        return split(question)[0] if question else None

    def ask(self) -> Reply:
        question = self.current_key()
        reply = Reply(slot=split(question)[0] if question else None)
        if question is None:
            return reply
        pending = self._pending_command()
        if pending is not None:
            # They typed something that may be a command: ask before acting, and
            # before taking it as the answer.
            command = pending["command"]
            yes, no = commands.confirm_buttons(command)
            reply.say(
                commands.confirm_question(command, self.ctx.audience),
                [Button(yes, "/affirm"), Button(no, "/deny")],
            )
            return reply
        offer = self._pending_offer()
        if offer is not None:
            reply.say(*self._offer_question(offer["text"], question, offer.get("why")))
            return reply
        removal = self._pending_removal()
        if removal is not None:
            reply.say(*self._removal_question(removal))
            return reply
        if self.ctx.state.flags.get(answers.UNFINISHED) == question:
            reply.say(*self._unfinished_question())
            return reply
        if self.ctx.state.retry and self.ctx.state.flags.get(_ASKED_IN_RETRY) == question:
            # Already asked, with its buttons, in the message saying why the answer
            # could not be used.
            return reply
        message = question_message(self.ctx, question)
        if split(question)[0] == "review":
            from bot.interview.review import SHOW_ALL, summary_sections, summary_to_show

            text, whole = summary_to_show(self.ctx)
            if whole:
                reply.messages.append(Message(text, sections=summary_sections(text)))
            else:
                if text:
                    reply.messages.append(Message(text))
                message.buttons.append(choice("Show the whole plan", SHOW_ALL))
        if self.ctx.state.retry:
            # Asked again after an answer that couldn't be used: the problem was
            # already explained, so only the buttons are shown again.
            message.text = _short_question(message.text)
        reply.messages.append(message)
        return reply

    # -- starting and stopping -----------------------------------------------

    def welcome(self) -> Reply:
        ctx = self.ctx
        reply = Reply()
        state = ctx.state
        returning = ctx.plan is not None and bool(state.history)
        state.flags.pop("stopped", None)
        if ctx.conversation.consent is False:
            ctx.conversation.consent = None
        if returning:
            state.resume_offer = True
            state.danger_checked = False
            reply.say("Hello again.")
        else:
            if ctx.role is Role.FAMILY or ctx.conversation.role is None:
                reply.say(
                    "Hello. I can help you write a draft safety plan, one question at a time. "
                    "It's a draft to talk through with your family's worker, not a decision."
                )
            else:
                reply.say(
                    "Hello. I help you turn what you know into a draft safety plan, one question "
                    "at a time. It's a draft for the family and network to agree, not a decision."
                )
            reply.say(
                "You can say 'help', 'example', 'go back', 'I don't know' or 'stop' at any time."
            )
        reply.slot = self.current_slot()
        return reply

    def carry_on(self) -> Reply:
        """They spoke again after stopping: the interview is back on."""
        self.ctx.state.flags.pop("stopped", None)
        return Reply(slot=self.current_slot())

    def stop(
        self, worried: str | None = None, channel: str = "", typed: str | None = None
    ) -> Reply:
        """They asked to stop. `worried`: their message, when it asked to leave and
        the urgent decision heard danger in it ("gotta go, he's back"): they are let
        go at once, with the emergency numbers, and it is flagged for the worker.
        Holding someone who has to leave with "is someone in danger?" keeps them
        on the screen. `typed`: the message, whose words before "gotta go" are kept
        and offered back as the answer when they return (never dropped, never
        saved unseen)."""
        ctx = self.ctx
        reply = Reply(slot=None)
        ctx.state.flags.pop(_COMMAND_CHECK, None)
        ctx.state.flags.pop(_OFFER_AFTER_ALARM, None)
        before = commands.answer_before_leaving(typed) if typed else None
        if before is not None:
            self._hold_for_after_alarm(before, self.current_key(), why=_LEFT)
        if worried is not None:
            self._flag_urgent(worried, channel)
            reply.say(urgent_message(self.settings, self._worry_kinds(worried), ctx.audience))
        # Until they come back, "help" is about coming back, not the next question.
        ctx.state.flags["stopped"] = True
        if ctx.plan is not None and ctx.conversation.consent:
            ctx.state.danger_checked = False
            if ctx.audience == "family":
                reply.say(
                    "Your answers are saved. To carry on later, come back to this chat and say "
                    "hello. Take care."
                )
            else:
                reply.say("Saved. Say hello when you want to carry on where you left off.")
        else:
            reply.say("OK. Nothing has been kept. Say hello if you'd like to start.")
        return reply

    # -- answering ------------------------------------------------------------

    def answer(self, given: Answer, channel: str) -> Reply:
        ctx = self.ctx
        state = ctx.state
        state.flags.pop("stopped", None)
        question = self.current_key()
        reply = Reply()
        if not given.choice and self._asks_to_set_next_meeting(given, question):
            return self._set_next_meeting(given.text or "")
        if not given.choice and self._asks_to_record_meeting(given, question):
            return self._record_meeting(given.text or "")
        if not given.choice and self._asks_for_plan_as_at(given, question):
            return self._plan_as_at(given.text or "")
        if question is None:
            told = (
                None if given.choice else process_questions.answer(given.text or "", ctx.audience)
            )
            # "thanks. will priya get this or do i send it": answered, after the plan too.
            reply.say(
                told
                or "There's nothing more to ask. You can say 'review' to change something, "
                "or 'download' to get the document."
            )
            return reply
        slot, _uid = split(question)
        text = clean_text(given.text or "")
        if not given.choice and is_blank(text):
            return self._retry(
                reply, "I didn't get an answer there. You can type it, or say 'I don't know'."
            )
        if len(text) > ctx.max_chars:
            return self._retry(reply, too_long(ctx.max_chars))
        if not given.choice and slot not in _SAFETY_QUESTIONS:
            verdict = given.verdict or decide(text, slot).outcome.value
            if verdict == Verdict.URGENT.value:
                return self.urgent_from(text, channel, say=True)
            if verdict == Verdict.CHECK.value:
                return self.hold_for_check(text, channel)
        if not given.choice and spec(slot).kind in _FREE_KINDS and commands.is_hold_on(text):
            # "sorry kai fell over one sec": asked to wait, not an answer.
            return self._retry(reply, "No rush. I'll be here when you're ready.")
        if not given.choice and spec(slot).kind in _FREE_KINDS and commands.is_carry_on(text):
            # "im back, can i carry on?" is neither an answer nor a command: to "Do
            # you want to stop for now?" it is a no (the held words are the answer);
            # anywhere else the question is asked again.
            if self._pending_command() is not None:
                return self._after_command_check(Answer("no", "deny"), channel)
            return self._retry(reply, "OK, let's carry on.")
        told = None if given.choice else process_questions.answer(text, ctx.audience)
        if told is not None and slot not in _SAFETY_QUESTIONS:
            # "who else gets to read this": a question about the chat, answered; the
            # question is asked again and nothing is saved.
            return self._retry(reply, told)
        asked_after: str | None = None
        if not given.choice and slot not in _SAFETY_QUESTIONS and spec(slot).kind in _FREE_KINDS:
            # "police came once in march. what will happen will they take the kids": the
            # answer is saved without the question, and the question is answered.
            text, asked_after = process_questions.split_trailing(text)
        moved = (
            None if given.choice or slot in _SAFETY_QUESTIONS or ctx.plan is None
            else contact_edits.asked_to_move_number(ctx.plan, text, own_person.me(ctx))
        )
        if moved is not None:
            # "no 900481 is my mums number not mine": the number is put right, said
            # back, and the question asked again (it was read as "no" and lost).
            return self._retry(reply, self._move_number(moved))
        if not given.choice and slot in ("scale_reason", "scale_higher"):
            fixed = answers.corrected_score(ctx, question, text)
            if fixed is not None:
                return self._retry(reply, fixed)
        if self._pending_command() is not None:
            return self._after_command_check(given, channel)
        state.flags.pop(_COMMAND_CHECK, None)
        if self._pending_offer() is not None:
            offered = self._after_offer(given, channel)
            if offered is not None:
                return offered
        held = state.flags.get(_OFFER_AFTER_ALARM)
        if slot not in _SAFETY_QUESTIONS and not (
            isinstance(held, dict) and held.get("why") == _LEFT and held.get("for") != question
        ):
            # A fresh answer instead: the held words stay only in the flag for the worker.
            # (Words typed before leaving wait through "shall we carry on?" for their
            # own question.)
            state.flags.pop(_OFFER_AFTER_ALARM, None)
        if self._pending_removal() is not None:
            return self._after_removal_check(given, channel)
        if state.flags.get(answers.UNFINISHED) == question:
            outcome = answers.unfinished_choice(
                ctx, question, Answer(text, given.intent, given.choice)
            )
            if not outcome.accepted:
                return self._retry(reply, *outcome.say)
            state.retry = False
            for line in outcome.say:
                reply.say(line)
            reply.slot = self.current_slot()
            return reply
        if self._calls_off_new_worry(question, given):
            # "No wait, I didn't say yes" once a new worry has started: ask before
            # removing it, and never keep those words as its answers.
            worry = self._new_worry(question)
            answers.ask_to_remove(
                ctx, question, [worry] if isinstance(worry, Pair) else [], cancel=True
            )
            state.retry = False
            reply.slot = self.current_slot()
            return reply
        if (
            given.command in commands.commands()
            and not given.choice
            and slot not in _SAFETY_QUESTIONS
            and spec(slot).kind in _OPEN_KINDS
        ):
            # Maybe a command, maybe the answer: ask, and keep what was typed.
            state.flags[_COMMAND_CHECK] = {"command": given.command, "text": text, "for": question}
            state.retry = False
            reply.slot = self.current_slot()
            return reply
        if state.cursor == question and says_keep(given) and slot not in _NOT_IN_HISTORY:
            self._leave_cursor(question)
            reply.say("OK, I've kept your answer.")
            reply.slot = self.current_slot()
            return reply
        if slot == "check_danger":
            if state.flags.get("help_or_danger"):
                return self._after_help_choice(reply, given, channel)
            return self._after_check(reply, text, given, channel)
        cursor_before = state.cursor
        handler = (
            answers.HANDLERS.get(slot)
            or next_meeting.HANDLERS.get(slot)
            or meeting_answers.HANDLERS[slot]
        )
        built = self._built_scaling_questions()
        outcome = handler(ctx, question, Answer(text, given.intent, given.choice))
        self._rebuild_scaling_questions(built)
        if outcome.skipped:
            return self.skip(channel)
        if outcome.urgent:
            state.danger_checked = True
            return self.pause_for_safety(text, channel, say=True)
        if asked_after is not None:
            outcome.say.append(process_questions.answer_for(asked_after, ctx.audience))
        if not outcome.accepted:
            return self._retry(reply, *outcome.say)
        state.retry = False
        if outcome.say == ["restart"]:
            return self._restart(reply)
        effective = outcome.key or question
        if slot not in _NOT_IN_HISTORY:
            # The plan changed: a review accepted earlier (perhaps of a nearly empty
            # plan, mid-interview) no longer counts, so the whole plan is shown again.
            state.reviewed = False
        if not outcome.again:
            state.mark_done(effective)
            if slot not in _NOT_IN_HISTORY:
                if effective in state.history:
                    state.history.remove(effective)
                state.history.append(effective)
            if ctx.plan is not None:
                ctx.plan.resolve_open(effective)
            if state.cursor == cursor_before == question:
                self._leave_cursor(question)
        state.flags.pop("going_back", None)
        if slot == "safe_to_continue" and not state.paused:
            outcome.say = self._carry_on_after_alarm(outcome.say)
        for line in outcome.say:
            reply.say(line)
        if outcome.ended:
            reply.slot = None
            return reply
        reply.slot = self.current_slot()
        return reply

    def _whole_request(self, given: Answer, question: str | None, said: bool) -> bool:
        """A request `said` as the whole message is taken at this question: never while
        the chat is paused for safety or an answer is held, never at the safety
        questions, and only when the message raises no danger."""
        state = self.ctx.state
        slot = split(question)[0] if question else None
        if state.paused or state.held_answer is not None or slot in _SAFETY_QUESTIONS:
            return False
        if not said:
            return False
        text = clean_text(given.text or "")
        return (given.verdict or decide(text, slot).outcome.value) == Verdict.NONE.value

    def _asks_to_record_meeting(self, given: Answer, question: str | None) -> bool:
        """A worker said "we had a core group today" (the whole message), at any question."""
        return self._whole_request(
            given,
            question,
            meeting_answers.can_record(self.ctx) and meeting_answers.is_request(given.text or ""),
        )

    def _next_meeting_request(self, text: str) -> bool:
        question = self.current_key()
        return next_meeting.can_set(self.ctx) and next_meeting.is_request(
            text, split(question)[0] if question else None
        )

    def _asks_to_set_next_meeting(self, given: Answer, question: str | None) -> bool:
        """A worker said "the next core group is on 14 January" (the whole message)."""
        slot = split(question)[0] if question else None
        return self._whole_request(
            given,
            question,
            slot not in next_meeting.SLOTS and self._next_meeting_request(given.text or ""),
        )

    def _asks_for_plan_as_at(self, given: Answer, question: str | None) -> bool:
        """ "The plan as it was at the core group on 12 November" (the whole message)."""
        return self._whole_request(
            given, question, self.ctx.plan is not None and plan_as_at.is_request(given.text or "")
        )

    def _set_next_meeting(self, text: str) -> Reply:
        return self._begin_aside(next_meeting.begin, text)

    def _begin_aside(self, begin: Callable[[Context, str], list[str]], text: str) -> Reply:
        """Start questions asked out of the interview's order (a meeting's record, the next
        meeting), from wherever the person was."""
        state = self.ctx.state
        state.flags.pop(_COMMAND_CHECK, None)
        state.flags.pop(_OFFER_AFTER_ALARM, None)
        state.flags.pop("stopped", None)
        state.retry = False
        reply = Reply()
        for line in begin(self.ctx, clean_text(text)):
            reply.say(line)
        reply.slot = self.current_slot()
        return reply

    def asks_for_plan_as_at(self, text: str) -> bool:
        """Whether these words, said outside the interview, ask for a past meeting's plan."""
        return self._asks_for_plan_as_at(Answer(text), self.current_key())

    def plan_as_at(self, text: str) -> Reply:
        return self._plan_as_at(text)

    def _plan_as_at(self, text: str) -> Reply:
        """The meeting named, for the service to send its plan; or why not, and which can be."""
        ctx = self.ctx
        reply = Reply(slot=self.current_slot())
        plan = ctx.plan
        if plan is None or ctx.role is not Role.WORKER or not ctx.conversation.consent:
            # Families (and learners) get the plan as it is now, never a past meeting's.
            reply.say("I can give you the plan as it is now: say 'download' to get it.")
            return reply
        found = plan_as_at.find(plan, clean_text(text), ctx.today)
        if found.meeting is not None:
            reply.request = "plan_as_at"
            reply.as_at = found.meeting.uid
            return reply
        for line in found.say[:-1]:
            reply.say(line)
        reply.say(found.say[-1], found.buttons)
        return reply

    def starts_meeting(self, text: str) -> bool:
        """Whether these words, said outside the interview, start recording a meeting
        or setting the next one."""
        return self._asks_to_set_next_meeting(
            Answer(text), self.current_key()
        ) or self._asks_to_record_meeting(Answer(text), self.current_key())

    def wants_meeting(self, text: str) -> bool:
        """A worker's request to record (or set) a meeting, even if a safety question must
        come first."""
        return self._next_meeting_request(text) or (
            meeting_answers.can_record(self.ctx) and meeting_answers.is_request(text)
        )

    def record_meeting(self, text: str) -> Reply:
        if self._asks_to_set_next_meeting(Answer(text), self.current_key()):
            return self._set_next_meeting(text)
        return self._record_meeting(text)

    def _record_meeting(self, text: str) -> Reply:
        return self._begin_aside(meeting_answers.begin, text)

    # -- removing a worry -----------------------------------------------------------

    def _pending_removal(self) -> dict | None:
        """The worries waiting for a yes before they are removed, if any."""
        pending = self.ctx.state.flags.get(answers.REMOVE_WORRY)
        if not isinstance(pending, dict) or pending.get("for") != self.current_key():
            return None
        return pending

    def _new_worry(self, question: str | None) -> Pair | None | bool:
        """The worry just started after "is there another worry?": the Pair, None when
        no part of it is written yet, or False when the question is not in one."""
        ctx = self.ctx
        state = ctx.state
        plan = ctx.plan
        if question is None or plan is None or not plan.pairs:
            return False
        slot, uid = split(question)
        if slot not in PAIR_SLOTS:
            return False
        pair = ctx.pair_for_key(question)
        if pair is None:
            started = slot == "danger_who" and uid is None and state.new_pair
            return None if started and state.cursor is None else False
        if pair is not plan.pairs[-1] or len(plan.pairs) < 2 or pair.danger_confirmed:
            return False
        if state.return_stack or (state.cursor and not state.cursor.endswith("@" + pair.uid)):
            # Changing an answer from the review, not writing a new worry.
            return False
        return pair

    def _calls_off_new_worry(self, question: str, given: Answer) -> bool:
        """Whether what was typed takes back the yes that started a new worry."""
        if given.choice is not None or self._new_worry(question) is False:
            return False
        text = given.text.strip()
        bare_no = text == "/deny" or (
            split(question)[0] == "danger_who" and bool(_BARE_NO.fullmatch(text))
        )
        return bare_no or bool(_TAKES_BACK_YES.search(text))

    def _removal_question(self, removal: dict) -> tuple[str, list[Button]]:
        ctx = self.ctx
        pairs = [p for p in (ctx.pair(uid) for uid in removal.get("uids", [])) if p is not None]
        numbers = [ctx.pair_number(p) for p in pairs]
        from bot.plan.model import join_names

        if removal.get("cancel") and not pairs:
            number = ctx.pair_number(None)
            return (
                f"Do you want to stop, and not add worry {number}?",
                [Button("Yes, no more worries", "/affirm"), Button("No, carry on", "/deny")],
            )
        names = join_names([str(n) for n in numbers])
        word = "worry" if len(numbers) == 1 else "worries"
        if removal.get("cancel"):
            text = f"Do you want to stop writing worry {names} and remove it from the plan?"
        else:
            text = f"Remove {word} {names} from the plan? Everything in it will be deleted."
        return text, [
            Button(f"Yes, remove {word} {names}", "/affirm"),
            Button("No, keep it" if len(numbers) == 1 else "No, keep them", "/deny"),
        ]

    def _after_removal_check(self, given: Answer, channel: str) -> Reply:
        ctx = self.ctx
        state = ctx.state
        removal = state.flags.pop(answers.REMOVE_WORRY)
        reply = Reply()
        value = answers.yes_no(Answer(given.text, given.intent, given.choice))
        if value is None:
            # Something else typed: they carried on, so it answers the question.
            return self.answer(given, channel)
        cancel = bool(removal.get("cancel"))
        if value is False:
            number = ctx.pair_number(ctx.pair((removal.get("uids") or [None])[0]))
            reply.say(f"OK, let's carry on with worry {number}." if cancel else "OK, I've kept it.")
            reply.slot = self.current_slot()
            return reply
        numbers = answers.remove_pairs(ctx, list(removal.get("uids") or []))
        state.reviewed = False
        if cancel:
            state.new_pair = False
            state.flags.pop(answers.WORRY_SAID, None)
            state.mark_done("pairs_done")
            if state.cursor and split(state.cursor)[0] in PAIR_SLOTS:
                state.cursor = None
                state.return_stack.clear()
        from bot.plan.model import join_names

        if numbers:
            word = "worry" if len(numbers) == 1 else "worries"
            reply.say(f"OK, I've removed {word} {join_names([str(n) for n in numbers])}.")
        else:
            reply.say("OK, no more worries for now.")
        reply.slot = self.current_slot()
        return reply

    def _unfinished_question(self) -> tuple[str, list[Button]]:
        """After "yes, it's right" with worries left unfinished: one sentence and a choice."""
        ctx = self.ctx
        pairs = answers.unfinished_pairs(ctx)
        from bot.interview.reply import choice
        from bot.plan.model import join_names

        names = join_names([str(ctx.pair_number(p)) for p in pairs])
        one = len(pairs) == 1
        missing = []
        if any(not p.danger_statement for p in pairs):
            missing.append("its worry sentence" if one else "a worry sentence")
        if any(not p.safety_goal for p in pairs):
            missing.append("its goal" if one else "a goal")
        word = "Worry" if ctx.audience == "family" else "Danger statement"
        noun = (
            f"{word} {names}" if one else f"{'Worries' if word == 'Worry' else word + 's'} {names}"
        )
        text = (
            f"{noun} {'is' if one else 'are'} not finished yet: "
            f"{'it needs' if one else 'they need'} {' and '.join(missing)}. "
            "What would you like to do?"
        )
        it = "it" if one else "them"
        return text, [
            choice(f"Finish {it} now", "finish"),
            choice(f"Leave {it} unfinished", "leave"),
            choice(f"Remove {noun.lower()}", "remove"),
        ]

    def _pending_command(self) -> dict[str, str] | None:
        """The typed words held while asking whether a command was meant, if any."""
        pending = self.ctx.state.flags.get(_COMMAND_CHECK)
        if not isinstance(pending, dict) or pending.get("for") != self.current_key():
            return None
        return pending

    def _after_command_check(self, given: Answer, channel: str) -> Reply:
        """The answer to "Do you want to stop for now?": yes does it, no keeps the words."""
        pending = self.ctx.state.flags.pop(_COMMAND_CHECK)
        command, held = pending["command"], pending["text"]
        value = answers.yes_no(Answer(given.text, given.intent, given.choice))
        if value is True:
            return self._run_command(command, channel, held)
        if value is False:
            # What they typed was their answer all along.
            return self.answer(Answer(held, "inform", verdict=Verdict.NONE.value), channel)
        # Something else typed instead of yes or no: they carried on, so the held
        # words were their answer. Keep them first (never drop what was typed, and
        # say so, so a wrong one can be changed), then take the new words for the
        # question after.
        kept = self.answer(Answer(held, "inform", verdict=Verdict.NONE.value), channel)
        then = self.answer(Answer(given.text, given.intent, given.choice, given.verdict), channel)
        if kept.slot == then.slot and not then.messages:
            return kept
        then.messages.insert(0, Message(f'I kept "{held}" as your answer.', []))
        return then

    def _hold_for_after_alarm(
        self, text: str, question: str | None, why: str | None = None
    ) -> None:
        """Keep words the alarm went off on, to offer back as the answer after "I'm safe"
        (or, `why` being _LEFT, words typed before "gotta go", for when they return)."""
        if question is None or split(question)[0] in _SAFETY_QUESTIONS:
            return
        if spec(split(question)[0]).kind not in _OFFERED_BACK_KINDS:
            return  # a yes, a choice or a date: words the alarm went off on answer none
        if text.startswith("/") or is_blank(text):
            return
        if self.ctx.plan is None or not self.ctx.conversation.consent:
            return
        held = {"text": clean_text(text), "for": question}
        if why is not None:
            held["why"] = why
        self.ctx.state.flags[_OFFER_AFTER_ALARM] = held

    def _pending_offer(self) -> dict[str, str] | None:
        """The words offered back after the alarm, while their question is the one open."""
        held = self.ctx.state.flags.get(_OFFER_AFTER_ALARM)
        if not isinstance(held, dict) or self.ctx.state.paused:
            return None
        if held.get("for") != self.current_key():
            return None
        return held

    def _carry_on_after_alarm(self, said: list[str]) -> list[str]:
        """ "I'm safe": when words are held for this question, the offer follows instead."""
        if self._pending_offer() is None:
            self.ctx.state.flags.pop(_OFFER_AFTER_ALARM, None)
            return said
        return ["Thank you. I'm glad you're safe."]

    def _offer_question(
        self, text: str, question: str, why: str | None = None
    ) -> tuple[str, list[Button]]:
        asked = _short_question(question_message(self.ctx, question).text)
        shown = text if len(text) <= 300 else text[:297].rstrip() + "..."
        when = "Before you left" if why == _LEFT else "Before that"
        return (
            f'{when}, you wrote: "{shown}"\n\n'
            f"Shall I keep that as your answer to this question?\n\n{asked}",
            [Button("Yes, keep it", "/affirm"), Button("No, I'll answer again", "/deny")],
        )

    def _after_offer(self, given: Answer, channel: str) -> Reply | None:
        """Yes keeps the held words as the answer; no asks the question again.

        Anything else is a fresh answer to the question (returns None), and the
        held words stay only in the flag the worker sees.
        """
        held = self.ctx.state.flags.pop(_OFFER_AFTER_ALARM)
        value = answers.yes_no(Answer(given.text, given.intent, given.choice))
        if value is True:
            return self.answer(Answer(held["text"], "inform", verdict=Verdict.NONE.value), channel)
        if value is False:
            reply = Reply(slot=self.current_slot())
            reply.say("OK.")
            return reply
        return None

    def _run_command(self, command: str, channel: str, held: str | None = None) -> Reply:
        if command == "stop":
            return self.stop(typed=held)
        if command == "go_back":
            return self.go_back()
        if command == "skip":
            return self.skip(channel)
        if command == "help":
            return self.help()
        if command == "review":
            return self.start_review()
        if command == "restart":
            return self.request_restart()
        # Documents are made by the service, which knows the channel's links.
        return Reply(slot=self.current_slot(), request=command)

    def _keep_first(self, text: str, channel: str) -> bool:
        """Save what was typed as the open question's answer before the alarm or the check.

        Only for questions whose answer is free text about the plan; the words
        are never dropped, and the person can change them in the review.
        Returns whether the answer was kept.
        """
        question = self.current_key()
        if question is None or text.startswith("/") or is_blank(text):
            return False
        slot = split(question)[0]
        if slot not in thresholds().answers_kept_first:
            return False
        if self.ctx.plan is None or not self.ctx.conversation.consent:
            return False
        kept = self.answer(Answer(clean_text(text), "inform", verdict=Verdict.NONE.value), channel)
        state = self.ctx.state
        if state.retry:
            # Not an answer this question can take (a score without a number):
            # nothing was kept, so the words are held for after the check.
            state.retry = False
            return False
        state.flags["said_after_check"] = [m.text for m in kept.messages]
        return True

    def urgent_from(self, text: str, channel: str, say: bool = False, keep: bool = True) -> Reply:
        """Danger now: keep the answer, then stop, record it and ask if they're safe."""
        question = self.current_key()
        kept = keep and self._keep_first(text, channel)
        reply = self.pause_for_safety(text, channel, say=say)
        if kept:
            self.ctx.state.flags["kept_answer"] = True
        elif keep:
            self._hold_for_after_alarm(text, question)
        if not say and DOMESTIC_ABUSE in self._worry_kinds() - kinds_in([text]):
            # The server's reply went by the message alone; the worries written
            # before involve domestic abuse, so its helpline is given too.
            reply.say(domestic_abuse_line())
        return reply

    def _worry_kinds(self, *more: str) -> set[str]:
        plan = self.ctx.plan
        texts = list(more) + (plan_worry_texts(plan) if plan is not None else [])
        return kinds_in(texts)

    def hold_for_check(self, text: str, channel: str) -> Reply:
        """Maybe danger now: keep the answer, then ask before sounding the alarm.

        A bare "help" gets the same question with a choice: help with this
        question, or someone is in danger.
        """
        state = self.ctx.state
        current = self.current_key()
        state.retry = False
        if current in ("check_danger", "safe_to_continue"):
            return Reply(slot=self.current_slot())
        if is_bare_help(text):
            state.flags["help_or_danger"] = True
            state.held_answer = ""
            state.held_for = current
            return Reply(slot=self.current_slot())
        if self._keep_first(text, channel):
            state.held_answer = ""
            state.held_for = None
            state.flags["kept_for_check"] = clean_text(text)
        else:
            state.held_answer = clean_text(text)
            state.held_for = current
        return Reply(slot=self.current_slot())

    def _after_check(self, reply: Reply, text: str, given: Answer, channel: str) -> Reply:
        state = self.ctx.state
        value = answers.yes_no(Answer(text, given.intent, given.choice))
        if value is None:
            return self._retry(
                reply, "Please say yes if someone is in danger right now, or no if not."
            )
        held, held_for = state.held_answer or "", state.held_for
        kept = state.flags.pop("kept_for_check", None)
        said_before = state.flags.pop("said_after_check", None) or []
        state.held_answer = None
        state.held_for = None
        if value:
            if kept:
                state.flags["kept_answer"] = True
            paused = self.pause_for_safety(kept or held or text, channel, say=True)
            if not kept and held and held_for:
                self._hold_for_after_alarm(held, held_for)
            return paused
        if kept:
            # The answer was saved before the question was asked.
            lines = [_without_thanks(line) for line in said_before]
            reply.say(_one_thanks("Thank you for checking with me. I've kept your answer.", lines))
            for line in lines[1:]:
                if line:
                    reply.say(line)
            reply.slot = self.current_slot()
            return reply
        if held and held_for and self.current_key() == held_for:
            # What they typed was their answer all along.
            followed = self.answer(Answer(held, verdict=Verdict.NONE.value), channel)
            # One thank-you: "Thank you for checking with me." then "Thank you, I've
            # saved that." reads as the bot repeating itself.
            first = _without_thanks(followed.messages[0].text) if followed.messages else ""
            if followed.messages and not followed.messages[0].buttons:
                followed.messages.pop(0)
                reply.say(_one_thanks("Thank you for checking with me.", [first]))
            else:
                reply.say("Thank you for checking with me.")
            reply.extend(followed)
            return reply
        reply.say("Thank you. Let's carry on.")
        reply.slot = self.current_slot()
        return reply

    def _after_help_choice(self, reply: Reply, given: Answer, channel: str) -> Reply:
        """They said "help" and were asked: help with this question, or someone in danger?"""
        state = self.ctx.state
        value = answers.yes_no(given)
        wants_help = (
            given.intent in ("help", "deny")
            or value is False
            or bool(re.search(r"\b(question|explain|mean|understand|this)\b", given.text, re.I))
        )
        if value is True:
            state.flags.pop("help_or_danger", None)
            state.held_answer = None
            state.held_for = None
            return self.pause_for_safety("(asked for help: someone is in danger)", channel, True)
        if not wants_help:
            return self._retry(
                reply,
                "Please choose: help with this question, or someone is in danger right now.",
            )
        state.flags.pop("help_or_danger", None)
        state.held_answer = None
        state.held_for = None
        return self.help()

    def _built_scaling_questions(self) -> set[int]:
        """The pairs whose scaling question is the one built from their statements.

        A question the worker wrote themselves is never in this set.
        """
        plan = self.ctx.plan
        if plan is None:
            return set()
        children = self.ctx.children()
        return {
            id(pair)
            for pair in plan.pairs
            if pair.scaling_question
            and pair.scaling_question == compose_scaling_question(pair, children)
        }

    def _rebuild_scaling_questions(self, built: set[int]) -> None:
        """A goal, danger statement or child's name changed: so does the question built on it.

        ("10 means Dad will stop drinking" stood after the goal was rewritten.)
        """
        plan = self.ctx.plan
        if plan is None or not built:
            return
        children = self.ctx.children()
        for number, pair in enumerate(plan.pairs, start=1):
            if id(pair) not in built:
                continue
            rebuilt = compose_scaling_question(pair, children)
            if rebuilt and rebuilt != pair.scaling_question:
                pair.scaling_question = rebuilt
                plan.record(self.ctx.actor, "changed", f"the scaling question (worry {number})")

    def _move_number(self, wanted: contact_edits.NumberMove) -> str:
        ctx = self.ctx
        plan = ctx.require_plan()
        owner = wanted.owner
        if wanted.number is None:
            return (
                "I couldn't tell which number you mean, so I haven't changed anything. "
                "You can say whose it is, like '07700 900123 is Nan's'."
            )
        if owner is None:
            who = f"\"{wanted.typed_who}\"" if wanted.typed_who else "who it belongs to"
            return (
                f"I couldn't tell who {who} is in the plan, so I haven't changed "
                f"{wanted.number}. You can say whose it is, like '{wanted.number} is Nan's'."
            )
        had = owner.contact
        taken_off = contact_edits.move(plan, wanted)
        if not taken_off and had == owner.contact:
            return f"{wanted.number} is already under {owner.name}'s name. Nothing has changed."
        if owner is own_person.me(ctx):
            under = "your name"
        else:
            under = f"{owner.name} ({owner.relationship})" if owner.relationship else owner.name
        said = f"Thanks. I've put {wanted.number} under {under}"
        if taken_off:
            said += " and taken it off " + join_names([p.name for p in taken_off])
        said += "."
        if had and had != owner.contact:
            said += (
                f" {owner.name} already had {had}, so both are kept. Say 'review' if one is wrong."
            )
        plan.record(ctx.actor, "changed", f"{owner.name}'s phone number")
        return said

    def _retry(self, reply: Reply, *lines: str) -> Reply:
        """The answer could not be used: say why and ask again, in one message.

        The re-ask and the question are one bubble with the question's buttons
        (two bubbles saying "Please say yes or no: did it help...?" then "Did it
        help...?" read as the bot repeating itself), so the question asked after
        this turn is not sent again.
        """
        state = self.ctx.state
        state.retry = True
        question = self.current_key()
        said = [line for line in lines if line]
        if question is None or not said or self._pending_command() is not None:
            for line in said:
                reply.say(line)
            reply.slot = self.current_slot()
            return reply
        asked = question_message(self.ctx, question)
        last = said[-1]
        if "?" not in last:
            # The explanation does not ask anything itself: the question follows it.
            said[-1] = last + "\n\n" + _short_question(asked.text)
        for line in said[:-1]:
            reply.say(line)
        reply.say(said[-1], asked.buttons)
        state.flags[_ASKED_IN_RETRY] = question
        reply.slot = self.current_slot()
        return reply

    def _leave_cursor(self, question: str) -> None:
        state = self.ctx.state
        if state.flags.get("going_back") == question and question not in state.history:
            # Kept as it was: it is again the last answer to go back to.
            state.history.append(question)
        if state.cursor == question:
            # Never back to the question just answered: "Yes, it's right" after a change
            # made from the review found "review" waiting on the stack, and the review
            # was asked again, and again (two personas in the web chat).
            while state.return_stack and state.return_stack[-1] == question:
                state.return_stack.pop()
            state.cursor = state.return_stack.pop() if state.return_stack else None
        state.flags.pop("going_back", None)

    # -- at any question --------------------------------------------------------

    def help(self) -> Reply:
        state = self.ctx.state
        if state.flags.pop("help_or_danger", None):
            # "Help with this question", chosen after a bare "help".
            state.held_answer = None
            state.held_for = None
        question = self.current_key()
        reply = Reply(slot=split(question)[0] if question else None)
        if self.ctx.state.flags.get("stopped"):
            reply.say(self._after_stop())
            return reply
        if question is None:
            reply.say(
                "I help you write a draft safety plan. You can say 'review' to see it and change "
                "any part, or 'download' to get it as a document."
            )
            return reply
        question_spec = spec(split(question)[0])
        reply.say(fill(self.ctx, question_spec.help.for_audience(self.ctx.audience), question))
        return reply

    def example(self) -> Reply:
        question = self.current_key()
        reply = Reply(slot=split(question)[0] if question else None)
        if self.ctx.state.flags.get("stopped"):
            reply.say(self._after_stop())
            return reply
        if question is None:
            reply.say("There's no question waiting for an answer just now.")
            return reply
        question_spec = spec(split(question)[0])
        text = fill(self.ctx, question_spec.example.for_audience(self.ctx.audience), question)
        reply.say(
            "For example: " + text
            if not text.lower().startswith(("for example", "you could"))
            else text
        )
        return reply

    def _after_stop(self) -> str:
        if self.ctx.plan is not None and self.ctx.conversation.consent:
            return (
                "We've stopped for now, and your answers are saved. "
                "Say hello when you'd like to carry on where you left off."
            )
        return "We've stopped for now. Say hello when you'd like to start."

    def go_back(self) -> Reply:
        ctx = self.ctx
        state = ctx.state
        state.flags.pop(_COMMAND_CHECK, None)
        state.flags.pop(_OFFER_AFTER_ALARM, None)
        reply = Reply()
        if state.paused:
            reply.slot = self.current_slot()
            return reply
        current = self.current_key()
        if current and split(current)[0] in meeting_answers.SLOTS:
            # A meeting's answers are changed from its read-back, not by leaving it.
            reply.say(meeting_answers.GOING_BACK)
            reply.slot = self.current_slot()
            return reply
        history = [k for k in state.history if k != current]
        worry = self._new_worry(current)
        if (
            worry is not False
            and history
            and split(history[-1])[0] == "more_pairs"
            and (worry is None or split(current or "")[0] == "danger_who")
        ):
            # Back from the first question of a new worry: the yes to "another
            # worry?" is what they want to take back.
            answers.ask_to_remove(
                self.ctx, current or "", [worry] if isinstance(worry, Pair) else [], cancel=True
            )
            reply.slot = self.current_slot()
            return reply
        if not history:
            reply.say("We're at the first question, so there's nothing to go back to.")
            reply.slot = self.current_slot()
            return reply
        previous = history[-1]
        state.history = history[:-1]
        if state.cursor and state.cursor != previous:
            # Going back from a question that was itself out of order: forget where it led.
            state.return_stack.clear()
        state.cursor = previous
        state.flags["going_back"] = previous
        state.retry = False
        reply.slot = split(previous)[0]
        return reply

    def skip(self, channel: str) -> Reply:
        ctx = self.ctx
        state = ctx.state
        state.flags.pop(_COMMAND_CHECK, None)
        state.flags.pop(_OFFER_AFTER_ALARM, None)
        reply = Reply()
        question = self.current_key()
        if question is None:
            reply.say("There's no question to skip just now.")
            return reply
        slot, _uid = split(question)
        if slot == "check_danger":
            # Not sure whether someone is in danger now: treated as a yes.
            held = state.held_answer or "(not sure whether anyone is in danger)"
            return self.pause_for_safety(held, channel, say=True)
        if slot == "danger_now":
            # Not knowing whether someone is in danger is treated as a yes.
            state.danger_checked = True
            return self.pause_for_safety(
                "(not sure whether anyone is in danger)", channel, say=True
            )
        if slot in _CANNOT_SKIP:
            reply.say(fill(ctx, spec(slot).help.for_audience(ctx.audience), question))
            reply.slot = slot
            return reply
        if slot in ("safe_to_continue",):
            return self.answer(Answer("not now"), channel)
        if state.cursor == question and slot not in _NOT_IN_HISTORY:
            self._leave_cursor(question)
            reply.say("OK, I've left that as it was.")
            reply.slot = self.current_slot()
            return reply
        handled = self._skip_special(slot, question, reply)
        if not handled:
            effective = question
            if slot == "danger_who" and ctx.pair_for_key(question) is None:
                _pair, effective = answers._pair_for(ctx, question)
            plan = ctx.require_plan()
            plan.note_open(effective, self._open_label(effective))
            state.reviewed = False
            state.mark_done(effective)
            if slot not in _NOT_IN_HISTORY:
                state.history.append(effective)
            pair = ctx.pair_for_key(effective)
            if pair is not None:
                answers.compose_danger_if_ready(ctx, pair)
                answers.compose_goal_if_ready(ctx, pair)
                self._skip_what_depends_on(slot, pair)
            if state.cursor == question:
                self._leave_cursor(question)
            reply.say(
                "That's OK. I've noted it as something to come back to."
                if ctx.audience == "family"
                else "Noted as still to do."
            )
        state.retry = False
        reply.slot = self.current_slot()
        return reply

    def _skip_special(self, slot: str, question: str, reply: Reply) -> bool:
        """Questions where "I don't know" means something other than 'leave it open'."""
        ctx = self.ctx
        state = ctx.state
        if slot in ("resume",):
            state.resume_offer = False
            return True
        if slot == "practice_case":
            answers.practice_case(ctx, question, Answer("surprise me"))
            return True
        if slot == "about_you":
            state.mark_done("about_you")
            return True
        if slot in ("more_pairs",):
            state.mark_done(question)
            state.mark_done("pairs_done")
            return True
        if slot == "more_steps":
            state.mark_done(question)
            state.mark_done("steps_done")
            return True
        if slot == "step_what" and ctx.step_for_key(question) is None:
            state.new_step = False
            state.mark_done("steps_done")
            plan = ctx.require_plan()
            if not plan.steps:
                plan.note_open("steps", "Steps on the timeline")
            return True
        if slot in meeting_answers.SLOTS:
            meeting_answers.skip(ctx, slot)
            return True
        if slot in next_meeting.SLOTS:
            next_meeting.skip(ctx, slot)
            return True
        if slot == "about_you_which":
            # Not said which: their scores keep their name only, nothing is guessed.
            data = own_person.pending(ctx) or {}
            state.flags.pop(own_person.WHICH_YOU, None)
            ctx.conversation.user_name = str(data.get("name") or "") or None
            return True
        if slot in ("scale_others", "scale_other_score"):
            pair = ctx.pair_for_key(question)
            if pair is not None:
                for part in ("scale_others", "scale_meeting", "scale_other_score"):
                    state.mark_done(key(part, pair.uid))
            return True
        if slot == "safety_when_worry":
            answers.safety_when_worry(ctx, question, Answer("not sure"))
            state.mark_done(question)
            ctx.require_plan().note_open(
                question, "Whether the existing safety was shown while the worry was happening"
            )
            return True
        if slot == "add_person":
            answers.add_person(ctx, question, Answer("no"))
            return True
        if slot in ("review", "review_pick", "review_item"):
            state.cursor = None
            state.return_stack.clear()
            state.reviewed = True
            return True
        if slot == "restart_confirm":
            self._leave_cursor(question)
            return True
        return False

    def _skip_what_depends_on(self, slot: str, pair) -> None:  # noqa: ANN001
        """A question built from a skipped answer is not asked with a blank in it."""
        state = self.ctx.state
        dependents: tuple[str, ...] = ()
        if slot == "scale_score":
            dependents = ("scale_reason", "scale_higher")
        elif (
            slot in ("danger_who", "danger_behaviour", "danger_impact")
            and not pair.danger_statement
        ):
            if all(
                state.is_done(key(s, pair.uid))
                for s in ("danger_who", "danger_behaviour", "danger_impact")
            ):
                dependents = ("danger_check",)
        elif slot in ("goal_happening", "goal_who", "goal_duration") and not pair.safety_goal:
            if all(
                state.is_done(key(s, pair.uid))
                for s in ("goal_happening", "goal_who", "goal_duration")
            ):
                dependents = ("goal_check",)
        for dependent in dependents:
            state.mark_done(key(dependent, pair.uid))

    def _open_label(self, question: str) -> str:
        ctx = self.ctx
        slot, _uid = split(question)
        label = spec(slot).label
        pair = ctx.pair_for_key(question)
        step = ctx.step_for_key(question)
        if pair is not None:
            return f"Worry {ctx.pair_number(pair)}: {label[0].lower() + label[1:]}"
        if step is not None:
            return f"Step {ctx.step_number(step)}: {label[0].lower() + label[1:]}"
        return label

    def start_review(self) -> Reply:
        state = self.ctx.state
        state.flags.pop(_COMMAND_CHECK, None)
        state.flags.pop(_OFFER_AFTER_ALARM, None)
        reply = Reply()
        if self.ctx.plan is None or not self.ctx.conversation.consent:
            reply.say("There's nothing in the plan yet.")
            reply.slot = self.current_slot()
            return reply
        if self.current_slot() in ("review", "review_pick", "review_item"):
            # Asking to change something while the plan is being reviewed.
            state.cursor = "review_pick"
            state.return_stack[:] = ["review"]
            reply.slot = "review_pick"
            return reply
        state.return_stack.clear()
        state.cursor = "review"
        state.reviewed = False
        state.retry = False
        # Asked for: the whole plan, not only what changed.
        show_whole_plan(self.ctx)
        reply.slot = "review"
        return reply

    def start_practice(self) -> Reply:
        conversation = self.ctx.conversation
        reply = Reply()
        if conversation.role in (None, Role.PRACTISING) and (
            self.ctx.plan is None or not self.ctx.plan.pairs
        ):
            conversation.role = Role.PRACTISING
            reply.say("Let's practise with a made-up family. I'll give you feedback as you go.")
        else:
            reply.say(
                "Practice uses a made-up family, so it needs a chat of its own. Start a new chat "
                "and choose 'I'm practising'."
            )
        reply.slot = self.current_slot()
        return reply

    def request_restart(self) -> Reply:
        state = self.ctx.state
        reply = Reply()
        if self.ctx.conversation.invite_id and self.ctx.role is Role.FAMILY:
            # A family member can see and add to a plan shared with their worker,
            # but clearing everyone's answers is not theirs to do alone.
            reply.say(
                "This plan is shared with your worker, so I can't clear it. You can change any "
                "answer: just say 'review'."
            )
            reply.slot = self.current_slot()
            return reply
        current = self.current_key()
        if self.ctx.plan is None:
            state.cursor = None
            state.return_stack.clear()
            reply.slot = self.current_slot()
            return reply
        if current and current != "restart_confirm":
            if state.cursor:
                state.return_stack.append(state.cursor)
            state.cursor = "restart_confirm"
        reply.slot = "restart_confirm"
        return reply

    def _restart(self, reply: Reply) -> Reply:
        ctx = self.ctx
        plan = ctx.plan
        if plan is not None:
            for collection in (
                plan.children,
                plan.people,
                plan.entries,
                plan.pairs,
                plan.steps,
                plan.meetings,
                plan.open_questions,
            ):
                collection.clear()
            plan.target_closure_date = None
            plan.target_closure_text = None
            plan.practice_case = None
            plan.record(ctx.actor, "removed", "every answer (started again)")
        from bot.interview.state import InterviewState

        fresh = InterviewState(danger_checked=True)
        ctx.state.__dict__.update(fresh.__dict__)
        if ctx.conversation.user_name and plan is not None:
            ctx.state.mark_done("about_you")
            from bot.plan.model import Person

            plan.add_person(
                Person(
                    name=ctx.conversation.user_name,
                    relationship=ctx.conversation.user_relationship,
                    is_professional=ctx.role is not Role.FAMILY,
                )
            )
        reply.say("OK, we're starting again from the beginning.")
        reply.slot = self.current_slot()
        return reply

    # -- safety -------------------------------------------------------------------

    def _flag_urgent(self, message: str, channel: str) -> None:
        """Kept for the worker: on the conversation always, on the plan once they agreed."""
        ctx = self.ctx
        flag = UrgentFlag(message=message, channel=channel)
        ctx.conversation.urgent_flags.append(flag)
        if ctx.plan is not None and ctx.conversation.consent:
            ctx.plan.urgent_flags.append(flag)

    def pause_for_safety(self, message: str, channel: str, say: bool = False) -> Reply:
        """Someone may be in danger now: stop, record it for the worker, and ask if they're safe."""
        ctx = self.ctx
        state = ctx.state
        state.held_answer = None
        state.held_for = None
        state.flags.pop("help_or_danger", None)
        state.flags.pop("said_after_check", None)
        if state.flags.pop("kept_for_check", None):
            state.flags["kept_answer"] = True
        self._flag_urgent(message, channel)
        state.paused = True
        state.retry = False
        reply = Reply()
        if say:
            reply.say(
                urgent_message(self.settings, self._worry_kinds(message), ctx.audience)
            )
        reply.slot = "safe_to_continue"
        return reply


# The ordinary acknowledgements of a saved answer, said again after a thank-you.
_THANKS = re.compile(r"^\s*(?:thank you|thanks)(?:[,.!]\s*|\s+(?=saved|i've|got))", re.IGNORECASE)
_PLAIN_SAVED = {"saved.", "i've saved that.", "got it, i've saved that."}


def _without_thanks(text: str) -> str:
    """An acknowledgement without its own "Thank you", to follow another one."""
    rest = _THANKS.sub("", text, count=1).strip()
    return rest[:1].upper() + rest[1:] if rest else ""


def _one_thanks(first: str, after: list[str]) -> str:
    """One thank-you and what else was said, in one message ("Saved." adds nothing
    to "I've kept your answer")."""
    extra = after[0] if after else ""
    if not extra or ("kept your answer" in first and extra.casefold() in _PLAIN_SAVED):
        return first
    return first + " " + extra


def _short_question(text: str) -> str:
    """The last paragraph of a question: its actual ask, without the preamble."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return paragraphs[-1] if paragraphs else text
