"""The progress method: targets read per kind, statuses, progress.csv and worked examples."""
