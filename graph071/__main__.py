"""`python -m graph071` runs the CLI."""

from graph071.cli.app import main

main()
