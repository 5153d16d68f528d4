"""The plan the number-correction batches are written against (tests/data/numbers_blind/).

Jodie is typing (the children's mum); Tracey is her mum; Dean the children's
dad; Becky her friend; then a social worker and a health visitor. Two numbers
are saved under the wrong person, as the batches' writers were told: Tracey's
under Jodie, Dean's under Becky.
"""

from __future__ import annotations

from bot.plan.model import Child, Person, Plan


def batch_plan() -> Plan:
    plan = Plan(reference="numbers-blind")
    plan.children = [Child(first_name="Kai", age=6), Child(first_name="Evie", age=3)]
    plan.people = [
        Person("Jodie", "mum", contact="07700 900481"),
        Person("Tracey", "my mum"),
        Person("Dean", "dad", contact="07700 900222"),
        Person("Becky", "my friend", contact="07911 123456"),
        Person("Sam Patel", "social worker", is_professional=True, contact="0161 496 0000"),
        Person("Lucy Grant", "health visitor", is_professional=True),
    ]
    return plan
