"""The bundled corpus: manifest.csv, organisations.csv and the documents under documents/."""
