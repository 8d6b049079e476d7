"""Imported once by the multiprocessing fork server, so that every extraction worker it forks starts
with the pipeline already loaded (and shares its memory copy-on-write) instead of loading it again."""
try:
    import tidings

    tidings.load()
except Exception:  # a worker that finds no pipeline loads it itself, and reports what goes wrong
    pass
