"""``GET /api/v1/scenarios``: the scenarios the teacher made available.

A scenario is only ever named by its id over the network, never by a path.
``?age=N`` keeps the scenarios whose audience (``"13-15"``) includes N, for
the teacher's picker.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..model import Scenario
from .errors import ApiError

_RANGE = re.compile(r"^\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*$")
_PLUS = re.compile(r"^\s*(\d+)\s*\+\s*$")


def audience_includes(audience: str, age: int) -> bool:
    """True when ``age`` is inside ``audience`` ("13-15", "15+", "14"); an empty audience fits all."""
    if not audience.strip():
        return True
    if m := _RANGE.match(audience):
        return int(m.group(1)) <= age <= int(m.group(2))
    if m := _PLUS.match(audience):
        return age >= int(m.group(1))
    if audience.strip().isdigit():
        return age == int(audience.strip())
    return True


def scenario_summary(scenario: Scenario) -> dict[str, Any]:
    return {"id": scenario.id, "title": scenario.title, "platform": scenario.platform,
            "difficulty": scenario.difficulty, "audience": scenario.audience, "summary": scenario.summary}


async def list_scenarios(request: Request) -> JSONResponse:
    """The scenarios on offer.
    ---
    summary: The scenarios the teacher made available
    security: []
    parameters:
      - name: age
        in: query
        required: false
        description: keep only scenarios whose audience includes this age
        schema: {type: integer, minimum: 5, maximum: 99}
    responses:
      "200":
        description: the scenarios, in the picker's order
        content:
          application/json:
            schema:
              type: array
              items: {$ref: "#/components/schemas/ScenarioSummary"}
    """
    config = request.app.state.config
    scenarios = config.library.scenarios
    age_text = request.query_params.get("age")
    if age_text is not None:
        if not age_text.isdigit() or not 5 <= int(age_text) <= 99:
            raise ApiError(400, "'age' must be a whole number from 5 to 99")
        scenarios = [s for s in scenarios if audience_includes(s.audience, int(age_text))]
    return JSONResponse([scenario_summary(s) for s in scenarios])


OPENAPI_COMPONENTS = {"schemas": {"ScenarioSummary": {
    "type": "object",
    "required": ["id", "title", "platform", "difficulty", "audience", "summary"],
    "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "platform": {"type": "string"},
                   "difficulty": {"type": "integer"}, "audience": {"type": "string"},
                   "summary": {"type": "string"}},
}}}

routes = [Route("/api/v1/scenarios", list_scenarios, methods=["GET"])]
