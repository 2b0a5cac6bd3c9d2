"""`python -m ofsted_qa.cli`, as the docs and scripts run it (the same as `ofsted-qa`)."""

import sys

from ofsted_qa.cli import main

sys.exit(main())
