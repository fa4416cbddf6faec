"""The projector in the game window: the class session for the whole room (counts, never names).

``window.run_projector(link)`` opens the window; ``painter.ProjectorPainter``
draws one teacher state. The window reaches the class server only through
the ``link`` it is given (see ``window.Link``), so nothing here imports the
server.
"""
