"""Plug-ins that run inside Rasa: NLU guard, NLG, tracker store, fault barrier, launchers."""
