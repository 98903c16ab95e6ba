"""Options several commands share (--json, --csv), and how they pick an output format."""

from __future__ import annotations

from typing import Annotated

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON for scripts.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Write CSV.")]


def output_format(json_: bool, csv_: bool = False) -> str:
    """Return the format graph071.cli.output.emit writes: "json", "csv" or "table"."""
    return "json" if json_ else "csv" if csv_ else "table"


def records(frame) -> list[dict]:
    """Return the rows of a DataFrame the Network gave, as the dicts output.emit takes."""
    return frame.to_dict("records")
