"""Below everything: reading the package, periods, build-file writing."""
