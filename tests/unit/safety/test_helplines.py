"""The helplines are data, and the domestic abuse helpline comes where the worries involve it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.safety.helplines import DOMESTIC_ABUSE, helplines, kinds_in
from bot.safety.messages import CHILDLINE, NSPCC, domestic_abuse_line, urgent_message
from bot.settings import load_settings
from bot.storage.migrate import upgrade
from tests.support.interview_driver import Driver, service_for


def test_the_helplines_are_the_checked_numbers() -> None:
    numbers = {h.name: h.number for h in helplines()}
    assert numbers == {
        "NSPCC helpline": "0808 800 5000",
        "Childline": "0800 1111",
        "National Domestic Abuse Helpline": "0808 2000 247",
    }
    assert NSPCC == "NSPCC helpline, for adults worried about a child: 0808 800 5000."
    assert CHILDLINE == "Childline, for children and young people: 0800 1111."


@pytest.mark.parametrize(
    "text",
    [
        "my partner is hitting me and the kids are screaming",
        "Dan pushed Sarah into the wall in November",
        "her ex keeps turning up and threatened to kill her",
        "there's been domestic violence, police were called",
    ],
)
def test_domestic_abuse_is_heard(text: str) -> None:
    assert DOMESTIC_ABUSE in kinds_in([text])


@pytest.mark.parametrize(
    "text", ["Leo misses school a lot", "she leaves them alone at night", "he drinks on payday"]
)
def test_other_worries_are_not_domestic_abuse(text: str) -> None:
    assert kinds_in([text]) == set()


def test_the_urgent_reply_adds_the_domestic_abuse_helpline_only_when_it_fits() -> None:
    settings = load_settings()
    plain = urgent_message(settings)
    assert "999" in plain and "0808 2000 247" not in plain
    abuse = urgent_message(settings, kinds_in(["he's hitting me right now"]))
    assert "999" in abuse
    assert "National Domestic Abuse Helpline" in abuse and "0808 2000 247" in abuse
    assert "999" not in domestic_abuse_line() and "0808 2000 247" in domestic_abuse_line()


def test_worries_written_before_bring_the_helpline_to_a_later_alarm(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'plans.db'}"
    upgrade(url)
    driver = Driver(service_for(url), "person-da")
    driver.start()
    for answer in ("no", '/choose{"choice": "family"}', "yes", "Sarah, their mum", "Leo 7",
                   "/deny", "/deny", "good mum", "no"):
        driver.say(answer)
    driver.say("my husband pushed me into the wall last year when he was drunk")
    # The alarm itself said nothing about abuse; the Rasa server's reply went by it alone.
    reply = driver.service.urgent(driver.sender, driver.channel, "there's a fire in the flat")
    said = "\n".join(m.text for m in reply.messages)
    assert "0808 2000 247" in said and "999" not in said


def test_a_worker_is_not_told_to_ask_their_worker() -> None:
    from bot.channels.teams import CHANNEL
    from bot.rasa_ext.nlg import TEAMS_CHANNEL

    settings = load_settings()
    assert not settings.council_phone, "the check below is about a council with no numbers set"
    assert "ask your worker" in urgent_message(settings)
    worker = urgent_message(settings, audience="worker")
    assert "999" in worker and "ask your worker" not in worker
    assert "Emergency Duty Team" in worker
    # Teams is for social workers: the server's own urgent reply there uses worker words.
    assert TEAMS_CHANNEL == CHANNEL
