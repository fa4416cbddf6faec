"""Small vector icons for buttons, drawn in the button's text colour."""
from __future__ import annotations

import pygame


def block(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    w = max(2, r.w // 9)
    c = r.center
    rad = r.w // 2 - 1
    pygame.draw.circle(surface, color, c, rad, w)
    d = int(rad * 0.7)
    pygame.draw.line(surface, color, (c[0] - d, c[1] + d), (c[0] + d, c[1] - d), w)


def report(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    w = max(2, r.w // 9)
    pts = [(r.centerx, r.y + 1), (r.right - 1, r.bottom - 2), (r.x + 1, r.bottom - 2)]
    pygame.draw.polygon(surface, color, pts, w)
    pygame.draw.line(surface, color, (r.centerx, r.y + r.h * 0.38), (r.centerx, r.y + r.h * 0.66), w)
    pygame.draw.circle(surface, color, (r.centerx, int(r.y + r.h * 0.8)), max(1, w // 2 + 1))


def leave(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    w = max(2, r.w // 9)
    door = pygame.Rect(r.x + 1, r.y + 1, int(r.w * 0.5), r.h - 2)
    pygame.draw.lines(surface, color, False, [(door.right, door.y + r.h * 0.25), (door.right, door.y),
                                              (door.x, door.y), (door.x, door.bottom), (door.right, door.bottom),
                                              (door.right, door.bottom - r.h * 0.25)], w)
    y = r.centery
    pygame.draw.line(surface, color, (door.x + r.w * 0.3, y), (r.right - 2, y), w)
    pygame.draw.lines(surface, color, False, [(r.right - r.w * 0.28, y - r.h * 0.22), (r.right - 2, y),
                                              (r.right - r.w * 0.28, y + r.h * 0.22)], w)


def pause(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    bw = max(3, r.w // 4)
    pygame.draw.rect(surface, color, pygame.Rect(r.x + r.w // 5, r.y + 2, bw, r.h - 4), border_radius=1)
    pygame.draw.rect(surface, color, pygame.Rect(r.right - r.w // 5 - bw, r.y + 2, bw, r.h - 4), border_radius=1)


def person(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    w = max(2, r.w // 9)
    pygame.draw.circle(surface, color, (r.centerx, r.y + r.h // 3), r.h // 5, w)
    body = pygame.Rect(r.x + r.w // 6, r.y + r.h // 2 + 1, r.w - r.w // 3, r.h // 2)
    pygame.draw.arc(surface, color, body.inflate(0, body.h), 0, 3.1416, w)


def mic(surface: pygame.Surface, r: pygame.Rect, color, muted: bool = False) -> None:
    """A microphone: capsule, holder arc, stem and foot; crossed out when muted."""
    w = max(2, r.w // 8)
    cap = pygame.Rect(0, 0, max(4, int(r.w * 0.36)), max(6, int(r.h * 0.5)))
    cap.midtop = (r.centerx, r.y)
    pygame.draw.rect(surface, color, cap, border_radius=cap.w // 2)
    arc = pygame.Rect(r.x + 1, r.y + int(r.h * 0.12), r.w - 2, int(r.h * 0.56))
    pygame.draw.arc(surface, color, arc, 3.1416, 2 * 3.1416, w)
    pygame.draw.line(surface, color, (r.centerx, arc.bottom - 1), (r.centerx, r.bottom - w), w)
    pygame.draw.line(surface, color, (r.centerx - r.w // 4, r.bottom - w // 2 - 1),
                     (r.centerx + r.w // 4, r.bottom - w // 2 - 1), w)
    if muted:
        pygame.draw.line(surface, color, (r.x, r.y + 1), (r.right - 1, r.bottom - 1), w)


def shield(surface: pygame.Surface, r: pygame.Rect, color) -> None:
    """A shield with a tick: the Safety menu (Block, Report, Leave)."""
    w = max(2, r.w // 9)
    x0, x1, y0 = r.x + 2, r.right - 2, r.y + 1
    pts = [(r.centerx, y0), (x1, y0 + r.h * 0.18), (x1 - r.w * 0.06, r.y + r.h * 0.6),
           (r.centerx, r.bottom - 1), (x0 + r.w * 0.06, r.y + r.h * 0.6), (x0, y0 + r.h * 0.18)]
    pygame.draw.polygon(surface, color, pts, w)
    pygame.draw.lines(surface, color, False, [(r.x + r.w * 0.32, r.y + r.h * 0.5), (r.x + r.w * 0.46, r.y + r.h * 0.64),
                                              (r.x + r.w * 0.7, r.y + r.h * 0.36)], w)
