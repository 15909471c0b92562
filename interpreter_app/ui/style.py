"""The application's look: a light, restrained office style with one deep-red accent."""

from __future__ import annotations

ACCENT = "#B5282E"
ACCENT_DARK = "#8E1F24"
ACCENT_SOFT = "#F6E7E8"
TEXT = "#1F2329"
MUTED_TEXT = "#5F6670"
BORDER = "#D9DCE1"
SURFACE = "#F4F5F7"
SELECTION = "#FBEFF0"
# The state badge of a package, keyed by workflow state.
STATE_COLORS = {"draft": "#5f6368", "in_review": "#b06000", "awaiting_signoff": "#8a1c1c",
                "signed": "#1d4f91", "released": "#2f6b3a"}


def style_sheet(chevron: str = "", chevron_up: str = "") -> str:
    """The application style sheet; `chevron` and `chevron_up` are the paths of the down and
    up arrow images (drop-downs, spin boxes)."""
    arrows = ""
    if chevron:
        arrows += (f"QComboBox::down-arrow, QDateEdit::down-arrow, QSpinBox::down-arrow"
                   f" {{ image: url({chevron}); }}")
    if chevron_up:
        arrows += f"QSpinBox::up-arrow {{ image: url({chevron_up}); }}"
    return STYLESHEET + arrows


STYLESHEET = f"""
QMainWindow, QDialog, QWizard {{ background: #FFFFFF; }}
QWidget:disabled {{ color: #A0A5AD; }}
QToolBar {{ background: {SURFACE}; border: none; border-bottom: 1px solid {BORDER};
           padding: 4px 8px; spacing: 6px; }}
QToolBar QToolButton {{ padding: 5px 10px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: #E8EAED; }}
QToolBar QToolButton:disabled {{ color: #A0A5AD; }}
QMenuBar {{ background: #FFFFFF; border-bottom: 1px solid {BORDER}; }}
QMenuBar::item {{ padding: 5px 12px; }}
QMenuBar::item:selected {{ background: {ACCENT_SOFT}; color: {ACCENT_DARK}; }}
QMenu {{ background: #FFFFFF; border: 1px solid {BORDER}; padding: 4px 0; }}
QMenu::item {{ padding: 6px 28px 6px 24px; }}
QMenu::item:selected {{ background: {ACCENT_SOFT}; color: {ACCENT_DARK}; }}
QMenu::separator {{ height: 1px; background: {BORDER}; margin: 4px 8px; }}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED_TEXT}; }}
QStatusBar QLabel {{ color: {MUTED_TEXT}; padding: 0 8px; }}
QSplitter::handle {{ background: {BORDER}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QSplitter::handle:vertical {{ height: 1px; }}

#sidebar {{ background: {SURFACE}; }}
#sidebarTitle {{ color: {MUTED_TEXT}; font-weight: bold; padding: 4px 8px 8px 8px; }}
#viewList {{ background: transparent; border: none; outline: none; }}
#viewList::item {{ padding: 0 10px; border-radius: 4px; margin: 1px 8px 1px 0; }}
#viewList::item:hover {{ background: #E8EAED; }}
#viewList::item:selected {{ background: #FFFFFF; color: {ACCENT_DARK}; font-weight: bold;
                            border-left: 3px solid {ACCENT}; }}
#resultLabel {{ color: {MUTED_TEXT}; padding-left: 8px; }}

QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QSpinBox {{
    border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 6px; background: #FFFFFF;
    selection-background-color: {ACCENT}; selection-color: #FFFFFF; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QDateEdit:focus {{
    border: 1px solid {ACCENT}; }}
QLineEdit:read-only {{ background: {SURFACE}; }}
QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding;
    subcontrol-position: top right; width: 22px; border: none; }}
QSpinBox {{ padding-right: 22px; }}
QSpinBox::up-button, QSpinBox::down-button {{ subcontrol-origin: border; width: 20px;
    border: none; border-left: 1px solid {BORDER}; background: transparent; }}
QSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 4px; }}
QSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 4px; }}
QSpinBox::up-button:hover, QSpinBox::down-button:hover {{ background: {SURFACE}; }}
QSpinBox::up-arrow, QSpinBox::down-arrow {{ width: 10px; height: 10px; }}
QSpinBox::up-arrow:disabled, QSpinBox::down-arrow:disabled {{ image: none; }}
#searchBox {{ padding: 6px 8px; }}

QTableView, QTableWidget, QTreeView, QListView, QListWidget {{
    border: 1px solid {BORDER}; background: #FFFFFF; alternate-background-color: #FAFAFB;
    selection-background-color: {SELECTION}; selection-color: {TEXT}; gridline-color: {BORDER}; }}
QTableView::item:selected {{ background: {SELECTION}; color: {TEXT}; }}
QHeaderView::section {{ background: {SURFACE}; color: {MUTED_TEXT}; border: none;
    border-bottom: 1px solid {BORDER}; border-right: 1px solid #E6E8EB; padding: 5px 8px;
    font-weight: bold; }}

QPushButton {{ border: 1px solid {BORDER}; border-radius: 4px; padding: 5px 16px;
    background: #FFFFFF; min-height: 20px; }}
QPushButton:hover {{ background: {SURFACE}; }}
QPushButton:default {{ background: {ACCENT}; color: #FFFFFF; border-color: {ACCENT}; }}
QPushButton:default:hover {{ background: {ACCENT_DARK}; }}
QPushButton:disabled {{ color: #A0A5AD; background: {SURFACE}; }}

QTabWidget::pane {{ border: 1px solid {BORDER}; border-top: none; top: -1px; }}
QTabBar::tab {{ padding: 7px 16px; border: 1px solid transparent; border-bottom: none;
    color: {MUTED_TEXT}; }}
QTabBar::tab:selected {{ color: {ACCENT_DARK}; border-color: {BORDER}; background: #FFFFFF;
    border-top: 2px solid {ACCENT}; }}
QTabBar::tab:hover:!selected {{ color: {TEXT}; }}

#errorLabel {{ color: {ACCENT}; }}
#noteLabel, #hintText {{ color: {MUTED_TEXT}; }}
#dialogHeading, #loginHeading {{ font-size: 15pt; font-weight: bold; color: {TEXT}; }}
#loginHeading {{ color: {ACCENT_DARK}; }}
#loginSubheading {{ color: {MUTED_TEXT}; }}
#hintFrame, #noticeFrame {{ background: #FFF8E6; border: 1px solid #F0DFB0; border-radius: 4px; }}
#sentenceLabel {{ background: {SURFACE}; border-left: 3px solid {ACCENT}; padding: 10px; }}
QToolTip {{ background: #FFFFFF; color: {TEXT}; border: 1px solid {BORDER}; padding: 4px; }}
"""
