"""政策解读工作台 — policy document, interpretation plan and materials as one package."""

__version__ = "0.1.0"
APP_NAME = "政策解读工作台"
APP_NAME_EN = "Policy Interpretation Workbench"
