"""The vis-network library the map inlines, read from the installed pyvis package.

pyvis ships vis-network 9.1.2 (dual Apache-2.0/MIT; the licence header stays at
the top of the inlined script). Reading it from the package means no copy to keep
in step here and never a download: the map page makes no request to any host.
vis-network's stylesheet is left out: it styles the navigation buttons, the editing
toolbar and vis's own tooltip, none of which the map uses, and would add 220 kB.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from graph071 import i18n
from graph071.errors import Graph071Error

VIS_VERSION = "9.1.2"


@lru_cache(maxsize=1)
def vis_network_script() -> str:
    """Return vis-network's JavaScript from the installed pyvis package, safe to inline."""
    try:
        path = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
        script = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as error:
        raise Graph071Error(i18n.text("error:assets.vis", "vis-network {version} not found in the pyvis package "
                                      "({why})", version=VIS_VERSION, why=error),
                            hint=i18n.text("error:assets.vis.hint", "reinstall graph071: pip install -e . (it "
                                           "installs pyvis>=0.3.2)"))
    return inline_safe(script, "script")


def inline_safe(text: str, tag: str) -> str:
    """Return `text` with every "</tag" broken up, so it cannot end its inline element early.

    >>> inline_safe('a="</script>"', "script")
    'a="<\\\\/script>"'
    """
    return re.sub(rf"</(?={tag})", r"<\\/", text, flags=re.IGNORECASE)
