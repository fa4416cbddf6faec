"""The top-level `clock:` key: the story's time of day when the chat starts (scenarios/README.md)."""
import pytest
from scenario_kit import scenario, write

from game.validator import check_file, load_scenario


@pytest.mark.parametrize("line,expected", [('clock: "22:05"\n', "22:05"), ("clock: 22:05\n", "22:05"),
                                           ('clock: "7:30"\n', "07:30"), ("", "")])
def test_the_clock_key_is_read_as_a_time_of_day(tmp_path, line, expected):
    assert load_scenario(write(tmp_path, scenario(top=line))).clock == expected


@pytest.mark.parametrize("line", ['clock: "25:00"\n', "clock: evening\n", "clock: 99:99\n"])
def test_a_clock_that_is_no_time_of_day_is_refused_with_its_line(tmp_path, line):
    _, findings = check_file(write(tmp_path, scenario(top=line)))
    assert [d.code for d in findings] == ["RF013"] and "time of day" in findings[0].message
