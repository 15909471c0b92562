"""政策解读工作台 — policy document, interpretation plan and materials as one package."""

__version__ = "0.1.0"
