"""`python -m scripts.tools.synthetic`: the synthetic package's command line (write.main)."""

import sys

from scripts.tools.synthetic.write import main

sys.exit(main())
