"""The route table: screen name -> screen class. The App opens screens by name.

Screens never import one another; they ask the app (``app.open("picker")``,
``app.show_start()``, ``app.show_debrief(...)``), and this table, built once
by ``game.ui.run.open_app``, says which class that is. A test or a kiosk
build can pass its own table.
"""
from __future__ import annotations

from collections.abc import Callable

from .app import Screen
from .screens.away import AwayScreen
from .screens.chat import ChatScreen
from .screens.check import CheckOfferDialog, CheckScreen
from .screens.check_results import CheckResultsScreen
from .screens.counsellor import CounsellorScreen
from .screens.counsellor_bundles import BundleScreen
from .screens.counsellor_pages import OverviewScreen
from .screens.debrief import DebriefScreen
from .screens.picker import PickerScreen
from .screens.settings import SettingsScreen
from .screens.start import StartScreen
from .screens.tutorial import TutorialScreen

ROUTES: dict[str, Callable[..., Screen]] = {
    "start": StartScreen,
    "picker": PickerScreen,
    "chat": ChatScreen,
    "debrief": DebriefScreen,
    "settings": SettingsScreen,
    "counsellor": CounsellorScreen,
    "counsellor_overview": OverviewScreen,
    "counsellor_bundles": BundleScreen,
    "check_results": CheckResultsScreen,
    "check": CheckScreen,
    "check_offer": CheckOfferDialog,
    "away": AwayScreen,
    "tutorial": TutorialScreen,
}
