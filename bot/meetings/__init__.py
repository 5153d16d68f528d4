"""Recording a meeting on an existing case, one step at a time (issue 15).

Free of Rasa and SQL: each function changes the plan and returns what to ask
next (an ``Ask``); bot/meeting_service.py wraps each call in one unit of work,
so every answer is saved as it is given.
"""
