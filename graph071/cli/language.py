"""The command line in the user's language: help texts, typer's own words, usage errors.

`localised(app)` returns the click command tree of the typer app with every command's
and option's help taken from graph071.i18n (Dutch by default); typer's section names
("Options"), the usage line and the option placeholder follow. `usage_error(error)`
says a mistake in the arguments (unknown option, bad value) in one line of that
language. Nothing here decides a command's behaviour.
"""

from __future__ import annotations

import sys
from typing import Any

from graph071 import i18n
from graph071.schema import hub_formula_nl


def walk(command: Any, path: tuple[str, ...] = ()):
    """Yield (path, command) for `command` and every subcommand, depth first."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, (*path, name))


def localised(app: Any) -> Any:
    """Return the click command of `app` with its texts in the language in use."""
    import typer.main

    root = typer.main.get_command(app)
    for path, command in walk(root):
        where = " ".join(path)
        command.help = i18n.text(f"command:{where}", command.help, hub_formula=hub_formula_nl())
        command.short_help = None  # the list of commands shows the first line of the help
        command.options_metavar = i18n.text("click:[OPTIONS]", "[OPTIONS]")
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = i18n.text("click:COMMAND [ARGS]...", "COMMAND [ARGS]...")
        help_option = command.get_help_option

        def translated_help(ctx: Any, original: Any = help_option) -> Any:
            option = original(ctx)
            if option is not None:
                option.help = i18n.text("param:*:help", option.help)
            return option

        command.get_help_option = translated_help
        for param in command.params:
            if getattr(param, "help", None) is not None or param.name == "help":
                param.help = i18n.text(f"param:{where}:{param.name}",
                                       i18n.text(f"param:*:{param.name}", param.help or ""))
    translate_typer_words()
    return root


def translate_typer_words() -> None:
    """Route typer's own words ("Options", "Usage: ", "[default: ...]") through the catalogue."""
    import typer._click.formatting as formatting

    def words(message: str) -> str:
        return i18n.text(f"click:{message}", message)

    for name, module in list(sys.modules.items()):
        if name.startswith("typer") and callable(getattr(module, "_", None)):
            module._ = words
    usage = formatting.HelpFormatter.write_usage
    if not getattr(usage, "graph071", False):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            usage(self, prog, args, words("Usage: ") if prefix is None else prefix)

        write_usage.graph071 = True
        formatting.HelpFormatter.write_usage = write_usage


def usage_error(error: Any) -> str:
    """Return a usage error (unknown option or command, bad or missing value) as one line."""
    import typer._click.exceptions as click_errors

    if isinstance(error, click_errors.NoSuchOption):
        line = i18n.text("error:no_such_option", name=error.option_name)
        if error.possibilities:
            line += "; " + i18n.text("error:did_you_mean",
                                     possibilities=", ".join(sorted(error.possibilities)))
    elif isinstance(error, click_errors.MissingParameter):
        key = "error:missing_option" if error.param_type == "option" else "error:missing_argument"
        line = i18n.text(key, param=param_hint(error))
    elif isinstance(error, click_errors.BadParameter):
        line = i18n.text("error:invalid_value", param=param_hint(error),
                         message=value_problem(error))
    elif error.message.startswith("No such command"):
        line = i18n.text("error:no_such_command", name=error.message.split("'")[1]
                         if "'" in error.message else error.message)
    elif error.message.startswith("Got unexpected extra argument"):
        line = i18n.text("error:extra_argument", args=error.message.split("(", 1)[-1].rstrip(")"))
    elif "requires an argument" in error.message:
        line = i18n.text("error:needs_value", name=error.message.split("'")[1]
                         if "'" in error.message else "")
    else:
        line = error.message
    command = error.ctx.command_path if error.ctx else "graph071"
    return f"{i18n.text('error:prefix')}{line} ({i18n.text('error:try_help', command=command)})"


def param_hint(error: Any) -> str:
    """Return how an error names its option or argument: "--top" or "ORGANISATION"."""
    param = getattr(error, "param", None)
    if param is None:
        return str(getattr(error, "param_hint", "") or "")
    return " / ".join(param.opts) if getattr(param, "param_type_name", "") == "option" \
        else (param.name or "").upper()


def value_problem(error: Any) -> str:
    """Return what is wrong with a value in the language in use (typer says it in English)."""
    message = error.message
    choices = getattr(getattr(error.param, "type", None), "choices", None)
    if choices:
        return i18n.text("error:not_choice", choices=", ".join(map(str, choices)))
    if "is not one of " in message:
        listed = message.split("is not one of ", 1)[1].rstrip(".")
        return i18n.text("error:not_choice", choices=listed)
    if "integer" in message:
        return i18n.text("error:not_integer")
    if "number" in message or "float" in message:
        return i18n.text("error:not_number")
    return message
