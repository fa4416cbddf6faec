"""Screens of the game window. One module per screen.

``chat``      the conversation (the heart of the game)
``overlays``  pause menu, confirmations, link warning, help resources
``base``      MenuScreen / DialogScreen: reusable title + text + buttons layouts
``fallback``  plain start and result screens used until the real ones exist
"""
