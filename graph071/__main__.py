"""`python -m graph071` runs the CLI."""

from .cli import main

main()
