"""The graph071 command line (typer): app.py assembles the commands of the modules here."""
