"""Copy the game's fonts from the Debian font packages into assets/fonts/.

    python assets/tools/copy_fonts.py

Needs the Debian packages fonts-noto-core, fonts-noto-color-emoji and
fonts-dejavu-core (`apt-get install fonts-noto-core fonts-noto-color-emoji
fonts-dejavu-core`). Copies the font files unchanged and writes a
LICENSE-<font>.txt beside them: the font's copyright, where it came from, and
its full licence text taken from the package's
/usr/share/doc/<package>/copyright file.

Noto Sans is the text face. DejaVu Sans is there for the symbols this Noto
Sans lacks (minus sign, arrows, check marks, stars, hearts, <= and >=).
"""

import shutil
import subprocess
import sys
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"

FONTS = [
    {
        "name": "NotoSans",
        "title": "Noto Sans",
        "package": "fonts-noto-core",
        "files": ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf"],
        "src": "/usr/share/fonts/truetype/noto",
        "copyright": "Copyright 2015-2020 Google LLC. Copyright 2010, 2012-2020 Google Inc.",
        "upstream": "https://github.com/googlefonts/noto-fonts",
    },
    {
        "name": "NotoColorEmoji",
        "title": "Noto Color Emoji",
        "package": "fonts-noto-color-emoji",
        "files": ["NotoColorEmoji.ttf"],
        "src": "/usr/share/fonts/truetype/noto",
        "copyright": "Copyright 2013-2022 Google Inc.",
        "upstream": "https://github.com/googlefonts/noto-emoji",
    },
    {
        "name": "DejaVuSans",
        "title": "DejaVu Sans",
        "package": "fonts-dejavu-core",
        "files": ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"],
        "src": "/usr/share/fonts/truetype/dejavu",
        "copyright": "Copyright (c) 2003 by Bitstream, Inc. DejaVu changes are in public domain.\n"
                     "Glyphs imported from Arev fonts are Copyright (c) 2006 by Tavmjong Bah.",
        "upstream": "https://dejavu-fonts.github.io/",
    },
]

# The Debian copyright file of fonts-dejavu-core gives the Bitstream Vera
# licence only; the upstream LICENSE file also carries this one.
AREV_LICENSE = """\
Arev Fonts Copyright
------------------------------

Copyright (c) 2006 by Tavmjong Bah. All Rights Reserved.

Permission is hereby granted, free of charge, to any person obtaining
a copy of the fonts accompanying this license ("Fonts") and
associated documentation files (the "Font Software"), to reproduce
and distribute the modifications to the Bitstream Vera Font Software,
including without limitation the rights to use, copy, merge, publish,
distribute, and/or sell copies of the Font Software, and to permit
persons to whom the Font Software is furnished to do so, subject to
the following conditions:

The above copyright and trademark notices and this permission notice
shall be included in all copies of one or more of the Font Software
typefaces.

The Font Software may be modified, altered, or added to, and in
particular the designs of glyphs or characters in the Fonts may be
modified and additional glyphs or characters may be added to the
Fonts, only if the fonts are renamed to names not containing either
the words "Tavmjong Bah" or the word "Arev".

This License becomes null and void to the extent applicable to Fonts
or Font Software that has been modified and is distributed under the
"Tavmjong Bah Arev" names.

The Font Software may be sold as part of a larger software package but
no copy of one or more of the Font Software typefaces may be sold by
itself.

THE FONT SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO ANY WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT
OF COPYRIGHT, PATENT, TRADEMARK, OR OTHER RIGHT. IN NO EVENT SHALL
TAVMJONG BAH BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
INCLUDING ANY GENERAL, SPECIAL, INDIRECT, INCIDENTAL, OR CONSEQUENTIAL
DAMAGES, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF THE USE OR INABILITY TO USE THE FONT SOFTWARE OR FROM
OTHER DEALINGS IN THE FONT SOFTWARE.

Except as contained in this notice, the name of Tavmjong Bah shall not
be used in advertising or otherwise to promote the sale, use or other
dealings in this Font Software without prior written authorization
from Tavmjong Bah. For further information, contact: tavmjong @ free
. fr.
"""

# The emoji package's copyright file carries the OFL in its usual layout.
OFL_SOURCE = "/usr/share/doc/fonts-noto-color-emoji/copyright"


def stanza(path, marker):
    """The indented licence text that follows `marker` in a Debian copyright file."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    start = max(i for i, l in enumerate(lines) if l.startswith(marker)) + 1  # the licence stanza
    out = []
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break  # the next stanza of the copyright file
        line = line[1:]
        out.append("" if line == "." else line)
    return "\n".join(out).strip() + "\n"


def ofl_text():
    """The SIL Open Font License 1.1, in its usual layout."""
    text = stanza(OFL_SOURCE, "License:   SIL-1.1")
    text = text[text.index("-" * 20):]
    text = text.replace("adding to,deleting", "adding to, deleting")  # typo in the Debian copy
    assert "DISCLAIMER" in text and "OTHER DEALINGS IN THE FONT SOFTWARE" in text
    return "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n" \
        "This license is copied below, and is also available with a FAQ at:\n" \
        "https://openfontlicense.org\n\n" + text


def dejavu_text():
    """The Bitstream Vera licence (from Debian) and the Arev licence."""
    vera = stanza("/usr/share/doc/fonts-dejavu-core/copyright", "License: bitstream-vera")
    assert "Bitstream" in vera and "fonts at gnome dot" in vera
    return ("Fonts are (c) Bitstream (see below). DejaVu changes are in public domain.\n"
            "Glyphs imported from Arev fonts are (c) Tavmjong Bah (see below).\n\n"
            "Bitstream Vera Fonts Copyright\n------------------------------\n\n"
            "Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is\n"
            "a trademark of Bitstream, Inc.\n\n" + vera + "\n" + AREV_LICENSE)


def package_version(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main():
    FONTS_DIR.mkdir(parents=True, exist_ok=True)
    for font in FONTS:
        for name in font["files"]:
            shutil.copyfile(Path(font["src"]) / name, FONTS_DIR / name)
        version = package_version(font["package"])
        header = (
            f"{font['title']}: {', '.join(font['files'])}\n"
            f"{font['copyright']}\n"
            f"\n"
            f"Copied unchanged from the Debian package {font['package']} {version}\n"
            f"(see /usr/share/doc/{font['package']}/copyright).\n"
            f"Upstream: {font['upstream']}\n"
            f"\n"
        )
        body = dejavu_text() if font["name"] == "DejaVuSans" else ofl_text()
        (FONTS_DIR / f"LICENSE-{font['name']}.txt").write_text(header + body, encoding="utf-8")
        print(f"{font['title']}: {', '.join(font['files'])} ({font['package']} {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
