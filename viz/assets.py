"""The vis-network library the map inlines, read from the installed pyvis package.

pyvis ships vis-network 9.1.2 (dual Apache-2.0/MIT; the licence header stays at
the top of the inlined file). Reading it from the package means no copy to keep
in step here and never a download: the map page makes no request to any host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from graph071.errors import Graph071Error

VIS_VERSION = "9.1.2"


@dataclass(frozen=True)
class VisNetwork:
    """vis-network's script and stylesheet, ready to put inside <script> and <style>.

    The map inlines only the script (see graph071.viz.network_map.render_page).
    """

    version: str
    script: str
    stylesheet: str


@lru_cache(maxsize=1)
def vis_network() -> VisNetwork:
    """Return vis-network's JavaScript and CSS from the installed pyvis package."""
    try:
        folder = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
        script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        stylesheet = (folder / "vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as error:
        raise Graph071Error(f"vis-network {VIS_VERSION} not found in the pyvis package ({error})",
                            hint="reinstall graph071: pip install -e . (it installs pyvis>=0.3.2)")
    return VisNetwork(VIS_VERSION, inline_safe(script, "script"), inline_safe(stylesheet, "style"))


def inline_safe(text: str, tag: str) -> str:
    """Return `text` with every "</tag" broken up, so it cannot end its inline element early.

    >>> inline_safe('a="</script>"', "script")
    'a="<\\\\/script>"'
    """
    return re.sub(rf"</(?={tag})", r"<\\/", text, flags=re.IGNORECASE)
