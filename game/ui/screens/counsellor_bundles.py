"""The counsellor view's "Move results" page: export and import result bundles (a USB stick workflow).

A class played on computers that are not on one network: on each computer the
counsellor opens this page and exports the results onto a USB stick; on the
computer that collects them, the same page lists the bundles on the stick and
imports them. It does what ``python main.py export`` and ``import`` do
(``game.results.bundle``): a bundle is checked whole before anything is
written, importing the same bundle twice adds nothing, and a damaged or
foreign file is refused with one line and changes nothing.

Folders come from ``game.results.drives``: the device's own bundle folder and
every removable drive it can see. Each export is a new file named after the
class, the date and the time, so exports from 30 computers never overwrite
each other on one stick. Every exported file is remembered in the store (``report_files``)
so that ``forget`` and retention reach it too.
"""

from __future__ import annotations

import datetime as _dt
import socket
from functools import partial
from pathlib import Path
from typing import Any

from game.results import bundle, drives, report_files
from game.results.db import ERRORS
from game.results.store import NO_CLASS, Filters

from ..app import App
from ..widgets import Button
from .counsellor_pages import PageBuilder, PageScreen

MAX_LISTED = 30        # bundle files listed per folder (newest first)


def bundle_name(class_code: str | None, now: _dt.datetime | None = None) -> str:
    """A file name no other computer's export takes: class, computer name, date and time."""
    now = now or _dt.datetime.now()
    host = "".join(ch for ch in socket.gethostname().split(".")[0] if ch.isalnum() or ch in "-_")[:20] or "computer"
    klass = {None: "all", NO_CLASS: "no-class"}.get(class_code, class_code or "all")
    klass = "".join(ch for ch in klass if ch.isalnum() or ch in "-_")[:24] or "class"
    return f"red-flags-{klass}-{host}-{now:%Y%m%d-%H%M%S}{drives.SUFFIX}"


def import_message(path: Path, got: bundle.ImportSummary) -> str:
    parts = [f"{got.added} added"]
    if got.extended:
        parts.append(f"{got.extended} completed")
    if got.already:
        parts.append(f"{got.already} already here")
    noun = "session" if got.sessions == 1 else "sessions"
    return f"Imported {path.name}: {got.sessions} {noun} ({', '.join(parts)})."


class BundleScreen(PageScreen):
    """Export the shown class (or everything) to a folder; import the bundles found in the folders."""

    title = "Move results between computers"

    def __init__(self, app: App, store: Any, class_code: str | None = None, *,
                 data_dir: Path | None = None) -> None:
        super().__init__(app, store)
        self.class_code = class_code
        self.data_dir = data_dir if data_dir is not None else getattr(app, "data_dir", None)
        self.message = ""           # one line: what the last export or import did
        self.message_bad = False
        self.imported_any = False

    def subtitle(self) -> str:
        what = {None: "all classes", NO_CLASS: "the sessions without a class code"}.get(
            self.class_code, f"class {self.class_code}")
        return (f"Export writes the results of {what} on this computer into a bundle file. Import adds the "
                "sessions of a bundle; importing the same one twice adds nothing.")

    def build_header_buttons(self) -> list[Button]:
        return [Button("Back", self.back, ident="back")]

    def folders(self) -> list[drives.Folder]:
        return drives.bundle_folders(self.data_dir)

    def build_body(self, page: PageBuilder) -> None:
        if self.message:
            page.text(self.message, "body_bold", colour=self.theme.p.flag if self.message_bad else None)
            page.gap(6)
        folders = self.folders()
        page.heading("Export")
        if not any(f.removable for f in folders):
            page.text("No USB drive found. Plug one in and come back to this page, or export to this "
                      "computer's bundle folder and copy the file yourself.", dim=True)
        for f in folders:
            page.row([(f"Export to {f.label}", 0.5), (str(f.path), 0.5)], partial(self.export_to, f),
                     f"export:{f.path}")
        page.heading("Import")
        page.text("Bundles found (newest first). A file is checked whole before anything is added.", dim=True)
        found = 0
        for f in folders:
            for path in drives.bundles_in(f.path)[:MAX_LISTED]:
                found += 1
                page.row([(path.name, 0.6), (f.label, 0.4)], partial(self.import_from, path), f"import:{path}")
        if not found:
            page.text("No bundle files (.rfbundle) in these folders.", dim=True)

    def _say(self, text: str, bad: bool = False) -> None:
        self.message, self.message_bad = " ".join(text.split()), bad
        self.on_resize(self.app.size)

    def export_to(self, folder: drives.Folder) -> None:
        target = folder.path / bundle_name(self.class_code)
        try:
            folder.path.mkdir(parents=True, exist_ok=True)
            done = bundle.write(self.store, target, Filters(class_code=self.class_code))
        except OSError as exc:
            self._say(f"Could not write to {folder.label}: {exc.strerror or exc}. Nothing was exported.", bad=True)
            return
        except ERRORS as exc:
            self._say(f"The results could not be read ({str(exc).splitlines()[0][:100]}). Nothing was exported.",
                      bad=True)
            return
        try:        # so that forget and retention reach this file too
            report_files.remember(self.store, done.path, Filters(class_code=self.class_code), pairs=done.pairs)
        except ERRORS:
            pass    # the file is written; only forget/retention will not know of it (the note says to delete it)
        noun = "session" if done.sessions == 1 else "sessions"
        self._say(f"Exported {done.sessions} {noun} to {target}. Delete the file once it has been imported.")

    def import_from(self, path: Path) -> None:
        try:
            got = bundle.import_file(self.store, path)
        except bundle.BundleError as exc:
            self._say(f"Refused: {exc}; nothing was imported from it.", bad=True)
            return
        except ERRORS as exc:
            self._say(f"Refused: {path.name}: the results could not be written "
                      f"({str(exc).splitlines()[0][:100]}); nothing was imported from it.", bad=True)
            return
        self.imported_any = True
        self._say(import_message(path, got))
