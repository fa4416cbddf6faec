"""Results: every session stored on the device, and reports built from them.

Nothing in this package imports pygame. Modules, one job each:

- ``location``  where the results database lives (``--data-dir``, ``REDFLAGS_DATA_DIR``, platformdirs)
- ``db``        the SQLite connection (WAL, durability settings) and schema migrations
- ``store``     sessions, their event logs, cached results, settings
- ``recorder``  commits each engine event the moment it happens
- ``rescore``   the result record of a session, recomputed from its events
- ``resume``    rebuilds an unfinished session by replaying its stored commands
- ``identity``  nickname, class code and school clean-up, the "no real names" reminder
- ``stats``     hit rate, false-alarm rate, d' and c (signal detection)
- ``pin``       the counsellor PIN as a scrypt hash
- ``forget``    deleting a player's or a class's data for good
- ``retention`` purging sessions older than the retention setting
- ``reports``   the report model and its HTML, CSV and JSON renderings
"""
