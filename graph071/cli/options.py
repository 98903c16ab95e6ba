"""Options several commands share (--json, --csv, --xlsx), and how they pick an output format;
with_csv and with_xlsx give them to every command that lists something."""

from __future__ import annotations

import functools
import inspect
import typing
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON for scripts.")]
CsvOption = Annotated[bool, typer.Option(
    "--csv", help="Write CSV that Excel with Dutch settings opens as columns: ';' between "
                  "cells, UTF-8 with a byte order mark, decimal commas. For scripts: --json.")]
XlsxOption = Annotated[Optional[Path], typer.Option(
    "--xlsx", metavar="PATH", dir_okay=False,
    help="Also write the tables shown as an Excel workbook (.xlsx), one sheet per table: "
         "Dutch headers, filters, column widths, frozen header row.")]
# Commands that write files of their own rather than list something: no --xlsx there.
NOT_LISTINGS = frozenset({"export", "template", "add", "map_", "presentation"})


def output_format(json_: bool, csv_: bool = False) -> str:
    """Return the format graph071.cli.output.emit writes: "json", "csv" or "table"."""
    return "json" if json_ else "csv" if csv_ else "table"


def with_csv(command: Callable) -> Callable:
    """Return `command` with a --csv option when it has none of its own: the tables it
    prints are written as CSV for Excel instead (graph071.cli.output.tables_as_csv); with
    --json the JSON wins. Commands in NOT_LISTINGS stay as they are."""
    if command.__name__ in NOT_LISTINGS or "csv_" in inspect.signature(command).parameters:
        return command
    from graph071.cli import output

    @functools.wraps(command)
    def listing(*args, csv_: bool = False, **kwargs):
        with output.tables_as_csv(csv_ and not kwargs.get("json_")):
            return command(*args, **kwargs)

    return _with_option(listing, command, "csv_", CsvOption, False)


def _with_option(wrapper: Callable, command: Callable, name: str, annotation: Any,
                 default: Any) -> Callable:
    """Give `wrapper` the signature of `command` plus the keyword option `name`."""
    # typer reads the options from the signature: give it the annotations resolved
    # (the modules use `from __future__ import annotations`) and the one added.
    hints = typing.get_type_hints(command, include_extras=True)
    parameters = [parameter.replace(annotation=hints.get(key, parameter.annotation))
                  for key, parameter in inspect.signature(command).parameters.items()]
    extra = inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                              annotation=annotation)
    wrapper.__signature__ = inspect.Signature([*parameters, extra],
                                              return_annotation=hints.get("return", None))
    wrapper.__annotations__ = {**hints, name: annotation}
    return wrapper


def with_xlsx(command: Callable) -> Callable:
    """Return `command` with an --xlsx PATH option: the tables it prints also go into that
    workbook (graph071.cli.output.tables_to_xlsx). Commands in NOT_LISTINGS stay as they are."""
    if command.__name__ in NOT_LISTINGS:
        return command
    from graph071.cli import output

    @functools.wraps(command)
    def listing(*args, xlsx: Optional[Path] = None, **kwargs):
        with output.tables_to_xlsx(xlsx):
            return command(*args, **kwargs)

    return _with_option(listing, command, "xlsx", XlsxOption, None)
