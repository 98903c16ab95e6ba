"""Line charts of Index071 for a slide: the overall index with the baskets, or one basket.

matplotlib is imported inside the functions (it costs start-up time) with the Agg
backend, so charts are written without a display.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from graph071 import i18n
from graph071.errors import Graph071Error
from graph071.io.safe import atomic_path
from graph071.monitor.model import Basket, Monitor, Series
from graph071.schema import Node

FORMATS = (".png", ".svg", ".pdf")
SIZE_INCHES = (13.33, 7.5)  # a 16:9 slide
DPI = 150
# Colours that stay apart on a projector and for most colour-blind readers (Tableau 10).
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948",
           "#9c755f", "#ff9da7", "#bab0ac")
OVERALL_COLOUR = "#222222"
NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
                9: "negen", 10: "tien"}
# End-of-line labels closer than this share of the y range are pushed apart.
LABEL_GAP = 0.045


def plot_overview(monitor: Monitor, path: Path) -> Path:
    """Write the overall index and the five baskets as one line chart; return the path."""
    lines = [(f"{b.name} ({_pct(b.weight_pct)})", b.series, PALETTE[i % len(PALETTE)], 2.2)
             for i, b in enumerate(monitor.baskets)]
    lines.insert(0, (monitor.name, monitor.overall, OVERALL_COLOUR, 4.0))
    count = NUMBER_WORDS.get(len(monitor.baskets), str(len(monitor.baskets)))
    title = f"{_monitor_title(monitor)}: totaal en de {count} mandjes"
    return _write(monitor, lines, title, "Mandje (weging in het totaal)", path)


def plot_basket(monitor: Monitor, basket: Basket, path: Path) -> Path:
    """Write one basket and its parameters as a line chart; return the path."""
    lines = [(f"{p.number}. {p.name} ({_pct(p.weight)})", p.series, PALETTE[i % len(PALETTE)], 2.0)
             for i, p in enumerate(basket.parameters)]
    lines.insert(0, (f"Mandje {basket.name}", basket.series, OVERALL_COLOUR, 4.0))
    title = f"{_monitor_title(monitor)}: mandje {basket.name}"
    return _write(monitor, lines, title, "Parameter (weging in het mandje)", path)


def _short_name(monitor: Monitor) -> str:
    return monitor.name.split()[0] if monitor.name else Node.INDEX


def _monitor_title(monitor: Monitor) -> str:
    name = _short_name(monitor)
    return f"{name} (editie {monitor.edition[:4]})" if monitor.edition else name


def spread_labels(values: list[float], gap: float) -> list[float]:
    """Return label heights for `values` (in order) at least `gap` apart, moved as little as
    possible: each run of crowded labels is centred on its values.

    >>> spread_labels([112, 111, 95], 2)
    [112.5, 110.5, 95.0]
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [float(values[i]) for i in order]
    for _ in range(len(placed)):
        moved = False
        for k in range(1, len(placed)):
            if placed[k] - placed[k - 1] < gap - 1e-9:
                # Centre the crowded pair on where it wants to be.
                middle = (placed[k] + placed[k - 1]) / 2
                placed[k - 1], placed[k] = middle - gap / 2, middle + gap / 2
                moved = True
        if not moved:
            break
    result = [0.0] * len(values)
    for position, index in enumerate(order):
        result[index] = round(placed[position], 6)
    return result


def _pct(value: float | int | None) -> str:
    if value is None:
        return "weging onbekend"
    return (f"{value:g}".replace(".", ",")) + "%"


def _check_path(path: Path) -> None:
    if path.suffix.lower() not in FORMATS:
        raise Graph071Error(i18n.text("error:charts.format", "{path}: cannot draw a chart as {suffix!r}", path=path,
                                      suffix=path.suffix or i18n.text("error:no_extension", "(no extension)")),
                            hint=i18n.text("error:charts.format.hint", "end the file name in {formats}, e.g. "
                                           "index071.png", formats=', '.join(FORMATS)))
    if not path.parent.exists():
        raise Graph071Error(i18n.text("error:no_folder", "{path}: folder {folder} does not exist", path=path,
                                      folder=path.parent),
                            hint=i18n.text("error:no_folder.hint", "create the folder first or choose another path"))


def _write(monitor: Monitor, lines: list[tuple[str, Series, str, float]], title: str,
           legend_title: str, path: Path) -> Path:
    path = Path(path)
    _check_path(path)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    years = monitor.years
    figure, axes = plt.subplots(figsize=SIZE_INCHES, dpi=DPI)
    try:
        base = monitor.base_year or (years[0] if years else None)
        axes.axhline(100, color="#888888", linestyle="--", linewidth=1.5, zorder=1,
                     label=f"Basisjaar {base} = 100")
        ends: list[tuple[int, float, str]] = []  # (year, figure, colour) of each line's end
        for position, (label, series, colour, width) in enumerate(lines):
            # A year without a figure is a gap in the line, never a fall to zero.
            values = [series.get(year) for year in years]
            axes.plot(years, [float("nan") if v is None else v for v in values], color=colour,
                      linewidth=width, marker="o", markersize=5 + width,
                      zorder=4 if position == 0 else 3, label=textwrap.fill(label, 52))
            last = max((i for i, v in enumerate(values) if v is not None), default=None)
            if last is not None:
                ends.append((years[last], values[last], colour))
        axes.yaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 5, 10], integer=True))
        low, high = axes.get_ylim()
        for year in sorted({year for year, _, _ in ends}):
            at_year = [(value, colour) for y, value, colour in ends if y == year]
            heights = spread_labels([value for value, _ in at_year], LABEL_GAP * (high - low))
            for (value, colour), height in zip(at_year, heights):
                axes.annotate(f"{value:g}".replace(".", ","), (year, value),
                              xytext=(year + 0.07, height), textcoords="data", va="center",
                              fontsize=12, color=colour, fontweight="bold")
        axes.set_title(title, fontsize=22, fontweight="bold", loc="left", pad=14)
        axes.set_xlabel("Jaar", fontsize=16)
        axes.set_ylabel(f"Indexcijfer ({base} = 100)", fontsize=16)
        axes.set_xticks(years)
        axes.set_xlim(years[0] - 0.25, years[-1] + 0.45)
        axes.tick_params(labelsize=14)
        axes.grid(axis="y", color="#dddddd", linewidth=0.8)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        legend = axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=12,
                             title=legend_title, title_fontsize=13, frameon=False,
                             labelspacing=0.9)
        legend._legend_box.align = "left"
        figure.text(0.01, 0.01, f"Bron: {_short_name(monitor)} (editie {monitor.edition}), "
                    f"bijlage; document {monitor.document}. Een jaar zonder cijfer is niet getekend "
                    f"(de lijn stopt).",
                    fontsize=11, color="#555555")
        figure.tight_layout(rect=(0, 0.04, 1, 1))
        with atomic_path(path) as temporary:  # a full disk never truncates the previous chart
            figure.savefig(temporary, dpi=DPI, format=path.suffix.lstrip(".").lower())
    finally:
        plt.close(figure)
    return path
