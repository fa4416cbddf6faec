"""A scenario's facilitator notes reach the adult: the report model, the HTML report and the JSON report."""

from test_results_report_model import Log, record

from game.results.reports import html_report, model

NOTES = "Don't promise to keep it secret. Stay calm & thank them; <follow> your procedure the same day."


def report_with_notes():
    log = Log("alpha").say("a.0", "secrecy").flag("a.0").end("leave")
    info = {"alpha" * 4: {"id": "alpha", "title": "Alpha", "stranger": "Sly", "facilitator_notes": NOTES}}
    return model.build_from([record(log)], info)


def test_the_session_view_carries_the_scenarios_facilitator_notes():
    (session,) = report_with_notes().sessions
    assert session.facilitator_notes == NOTES


def test_the_html_report_shows_them_escaped_beside_the_session():
    page = html_report.render(report_with_notes())
    assert "For the adult: notes and responding to a disclosure" in page
    assert "Stay calm &amp; thank them; &lt;follow&gt; your procedure" in page
    assert "<follow>" not in page


def test_a_scenario_without_notes_adds_no_empty_block():
    log = Log("beta").say("a.0").end("leave")
    rep = model.build_from([record(log)], {"beta" * 4: {"id": "beta", "title": "Beta"}})
    assert "For the adult" not in html_report.render(rep)
