"""Make the game's interface sounds (assets/sounds/*.wav).

    python assets/tools/make_sounds.py [OUTPUT_DIR]

Only the standard library: each sound is a few sine partials with soft
envelopes, written as 16-bit mono WAV at 22050 Hz. Every sound is shorter
than half a second and normalised to a peak between -14 and -16 dBFS (the
player's own reply the quietest), so the game stays quiet next to music or a
video call. The pitches sit in the middle of the range (nothing above about
1.3 kHz at full level): bright, high chimes carry across a classroom and tire
the ear. Nothing is random: the same script always writes the same bytes.
"""

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
PEAK_DBFS = {"message_in": -14.0, "message_out": -16.0, "notice": -15.0, "flag": -14.0, "nudge": -14.0}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "sounds"


def tone(freq, seconds, decay, attack=0.004, partials=((1, 1.0),), glide_to=None):
    """A decaying tone: sine partials (multiple, level), exponential decay
    (time constant `decay` seconds), short linear attack and release, and
    optionally a pitch glide to `glide_to` Hz over its length."""
    n = round(seconds * RATE)
    release = round(0.008 * RATE)  # fade out the last 8 ms: no click where it stops
    out = []
    phase = 0.0
    for i in range(n):
        t = i / RATE
        f = freq if glide_to is None else freq * (glide_to / freq) ** (i / n)
        phase += 2 * math.pi * f / RATE
        env = min(1.0, t / attack, (n - i) / release) * math.exp(-t / decay)
        out.append(env * sum(level * math.sin(k * phase) for k, level in partials))
    return out


def mix_at(base, sound, start):
    """Add `sound` into `base` from `start` seconds on (extending base if needed)."""
    i0 = round(start * RATE)
    if len(base) < i0 + len(sound):
        base.extend([0.0] * (i0 + len(sound) - len(base)))
    for i, v in enumerate(sound):
        base[i0 + i] += v
    return base


def finish(samples, peak_dbfs, fade=0.02):
    """Fade the tail out (no click at the end) and scale to the target peak."""
    n = len(samples)
    nf = min(n, round(fade * RATE))
    for i in range(nf):
        samples[n - nf + i] *= 1 - (i + 1) / nf
    peak = max(abs(v) for v in samples) or 1.0
    gain = 10 ** (peak_dbfs / 20) / peak
    return [v * gain for v in samples]


CHIME = ((1, 1.0), (2, 0.18), (3, 0.05))


def message_in():
    """A soft rising two-note chime, a fourth apart (E5 then A5), like a marimba far away."""
    s = tone(659.3, 0.40, 0.11, attack=0.008, partials=CHIME)
    return mix_at(s, [0.8 * v for v in tone(880.0, 0.34, 0.12, attack=0.008, partials=CHIME)], 0.10)


def message_out():
    """A soft pop: a short, round "bloop" that rises in pitch (the quietest sound)."""
    return tone(330.0, 0.10, 0.03, attack=0.006, partials=((1, 1.0), (2, 0.08)), glide_to=560.0)


def notice():
    """A system notification: one short, round mid tone (C5), a plain sine."""
    return tone(523.3, 0.18, 0.05, attack=0.008)


def flag():
    """Putting a marker down: a short soft upward slide (A4 to E5) that lands on a round G5 "tock"."""
    s = [0.6 * v for v in tone(440.0, 0.07, 0.05, attack=0.01, glide_to=659.3)]
    return mix_at(s, tone(784.0, 0.18, 0.05, attack=0.004, partials=((1, 1.0), (2, 0.12))), 0.06)


def _knock():
    """One knuckle tap on a wooden door: low inharmonic partials that die fast."""
    body = tone(190.0, 0.09, 0.018, attack=0.001,
                partials=((1, 1.0), (1.6, 0.55), (2.7, 0.3), (4.1, 0.15)))
    click = tone(1400.0, 0.010, 0.003, attack=0.001)
    return mix_at(body, [0.2 * v for v in click], 0.0)


def nudge():
    """A double-tap knock."""
    s = _knock()
    return mix_at(s, _knock(), 0.15)


SOUNDS = {
    "message_in": message_in,
    "message_out": message_out,
    "notice": notice,
    "flag": flag,
    "nudge": nudge,
}


def write_wav(path, samples):
    frames = b"".join(struct.pack("<h", max(-32767, min(32767, round(v * 32767))))
                      for v in samples)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: python assets/tools/make_sounds.py [OUTPUT_DIR]", file=sys.stderr)
        return 2
    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    for name, make in SOUNDS.items():
        samples = finish(make(), PEAK_DBFS[name])
        path = out / f"{name}.wav"
        write_wav(path, samples)
        print(f"{path}  {len(samples) / RATE:.3f} s  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
