"""The game window: the only package of Red Flags that imports pygame.

Public entry point: :func:`game.ui.run.run_window`. Importing this package
itself does not import pygame, so the command line stays fast and works on
machines without a display.

Modules:
    app       App (window, main loop, screen stack) and the Screen base class
    settings  Settings persisted as JSON in the user data folder
    theme     colours per platform skin, normal and high contrast; sizes
    text      TextKit: fonts, emoji runs, word wrapping, a cache of surfaces
    sound     notification sounds that fall back to silence
    widgets   buttons, focus handling and small drawing helpers
    locations where assets and the data folder are
    screens/  one module per screen (chat, pause, ...)
    chat/     the parts of the chat screen (skins, bubbles, avatars)
    run       run_window(args): what the command line calls
"""
