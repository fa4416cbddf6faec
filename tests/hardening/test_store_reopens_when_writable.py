"""A results store opened while its disk became writable again writes once the disk can be written.

SQLite opens a file it cannot write read-only without a word, and such a
connection never writes again. When a read-only disk is remounted writable
while the recorder is opening the store (a chat going on meanwhile), the
store used to come up with read-only connections and refuse every later
write: the terminal chat ended with "could not be saved (the results folder
is read-only)" on a disk that was writable (the flaky
test_nothing_is_lost_when_space_comes_back_mid_chat[read-only]). Each trial
here opens the store again and again across a real remount.
"""

from __future__ import annotations

import threading

from small_disk import small_disk  # noqa: F401 - the fixture

from game.engine import Conversation
from game.results import simulate
from game.results.recorder import open_recorder
from game.results.store import Store

TRIALS = 10


def keep_trying(rec, stop: threading.Event) -> None:
    """The recorder trying to open the store and write, as fast as it can, until told to stop."""
    while not stop.is_set() and not rec.flush():
        pass


def test_a_store_opened_across_a_remount_writes_once_the_disk_is_writable(small_disk):  # noqa: F811
    sc = next(s for s in simulate.library() if s.id == "generous-teammate")
    data = small_disk.path / "data"
    Store.open(data).close()
    for trial in range(TRIALS):
        small_disk.read_only()
        rec = open_recorder(data_dir=data, scenario=sc)
        assert rec is not None and rec.status().state == "retrying"
        conv = Conversation(sc, seed=trial, on_event=rec.on_event)
        conv.start()
        conv.deliver_all()                       # these events wait in memory
        stop = threading.Event()
        worker = threading.Thread(target=keep_trying, args=(rec, stop))
        worker.start()
        small_disk.writable()                    # ... while the disk becomes writable again
        stop.set()
        worker.join(60)
        assert not worker.is_alive()
        assert rec.flush() or rec.flush(), f"trial {trial}: {rec.status()}"   # at most one more failed try
        conv.choose(1)
        conv.deliver_all()
        conv.end_action("block")
        rec.finish(None)
        assert rec.status().state == "saved"
        with Store.open(data) as store:
            assert store.events(rec.session_id) == conv.events
