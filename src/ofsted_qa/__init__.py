"""ofsted-qa: ask questions of inspection reports, get cited passages back."""

__version__ = "0.1.0"
