"""Where the site meets MkDocs and Material: hooks, the macros entry point, the two-process page loops, serve caches."""
