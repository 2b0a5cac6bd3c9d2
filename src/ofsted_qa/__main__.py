"""`python -m ofsted_qa` runs the CLI (the same as the `ofsted-qa` script)."""

from ofsted_qa.cli import main

raise SystemExit(main())
