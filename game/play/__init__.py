"""The application layer: what every front end (window, terminal, browser, projector) drives.

Nothing here imports pygame or a web framework, parses a command line or prints.
A front end is a thin adapter: it turns input into a call of this layer and
renders the view data it gets back.

* ``options``    ``PlayOptions``: seed, player, class code, save, data folder, result file, resume
* ``sessions``   load a scenario, start / resume / rebuild a session, unfinished sessions, played-and-best
* ``pacing``     typing delays, message pacing and idle nudges, ticked by an injected clock
* ``chat_view``  events -> chat lines, header status and the ending: the words on screen
* ``catalogue``  what a picker card may say (no spoilers), difficulty words, platform names
* ``bus``        fans a session's events out to the results recorder and live listeners

Import the submodules (``from game.play import sessions``); this package imports
nothing itself, so ``game.session`` can use ``game.play.bus`` without a cycle.
"""
