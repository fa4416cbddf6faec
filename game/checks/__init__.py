"""The discernment check (prepost.md): two parallel forms of short chat excerpts.

A player answers "red flag" or "safe" for each item, with how sure they are,
before and after playing. The check tells a school whether players got better
at telling manipulators from real friends, or only more suspicious.

    model.py      Form, Item, Line (frozen dataclasses)
    loader.py     form YAML -> model, with located findings
    rules.py      whole-set checks: sizes, balance, twins, categories, no scenario text
    scoring.py    one check's record: rates, d' and c, AUC from the 8-level ratings
    change.py     a group's change from pre to post: bootstrap intervals and its sentence
    script.py     the check's command language (`red N`, `safe N`, `skip`)
    schedule.py   the default form and phase for a player

Nothing here imports pygame or a web framework.
"""
