"""`python -m scripts.tools.bench`: the benchmark, and the child processes it starts."""

import sys

from scripts.tools.bench import main

if __name__ == "__main__":
    sys.exit(main())
