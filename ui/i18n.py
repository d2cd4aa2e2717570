"""Language and settings: the Thai translation read straight from its .ts file, and QSettings.

Every visible string is written in English with ``self.tr()``; the Thai text
lives in ``resources/translations/judge_app_th.ts`` (Qt Linguist XML, one
context per class). :class:`TsTranslator` parses that XML when the app starts,
so no ``lrelease`` step or compiled ``.qm`` file is needed, and Qt Linguist can
still edit the file. Thai is the default; the choice is kept in QSettings.

When a ``tr()`` string is added or changed, refresh the file with Qt's own tool
(it keeps every existing translation) and translate what is new, in Qt
Linguist or by hand::

    .venv/bin/pyside6-lupdate ui/*.py -locations none -no-obsolete -ts resources/translations/judge_app_th.ts

The secretariat window's parts each keep their own file,
``resources/translations/secretariat_<part>_th.ts`` (refresh each with lupdate
from its own ``ui/secretariat/<part>.py``); every ``*_th.ts`` is loaded.

``tests/test_ui_shell.py`` fails while any string of ``ui/`` has no Thai text.
The file also carries Thai for Qt's own buttons and menus (contexts
``QPlatformTheme``, ``QLineEdit``, ``QFileDialog`` …), because the Qt wheels
ship no Thai translation of their own; lupdate leaves those contexts alone.

Settings live in the platform's usual place (organisation "DGA", application
"dlg-judge-app"). When ``DLG_JUDGE_DATA`` points the app at a folder of its own
(tests, portable installs) the settings go there too, as ``settings.ini``, so a
test never reads or writes a person's real settings.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup

from judge_app.paths import resources_dir

SETTINGS_ORGANISATION = "DGA"
SETTINGS_APPLICATION = "dlg-judge-app"

#: Languages the app speaks, with their names as their speakers write them.
LANGUAGES: dict[str, str] = {"th": "ไทย", "en": "English"}
DEFAULT_LANGUAGE = "th"


#: Qt's own words on standard buttons, edit menus and the file dialog. The Qt wheels ship no
#: Thai for them, so our .ts carries it; listed here so that lupdate keeps those messages.
QT_OWN_STRINGS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QFileDialog", "Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "File &name:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "Cancel"),
    QT_TRANSLATE_NOOP("QFileDialog", "Save As"),
    QT_TRANSLATE_NOOP("QFileDialog", "Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "Back"),
    QT_TRANSLATE_NOOP("QFileDialog", "Parent Directory"),
    QT_TRANSLATE_NOOP("QFileDialog", "Create New Folder"),
    QT_TRANSLATE_NOOP("QFileDialog", "List View"),
    QT_TRANSLATE_NOOP("QFileDialog", "Detail View"),
    QT_TRANSLATE_NOOP("QFileDialog", "All Files (*)"),
    QT_TRANSLATE_NOOP("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Name"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Date Modified"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "Kind"),
)


def translation_file(language: str) -> Path:
    """The judge window's translation (lupdate keeps it up to date from ``ui/*.py``)."""
    return resources_dir() / "translations" / f"judge_app_{language}.ts"


def translation_files(language: str) -> list[Path]:
    """Every translation file of the language: the judge window's, then one per part of the secretariat window."""
    folder = resources_dir() / "translations"
    others = sorted(p for p in folder.glob(f"*_{language}.ts") if p != translation_file(language))
    return [translation_file(language), *others]


def add_language_actions(menu, owner, choose) -> dict[str, QAction]:
    """One checkable action per language in ``menu``, exclusive; ``choose(code)`` when one is picked.

    Each language is named in its own words and never translated.
    """
    group = QActionGroup(owner)
    actions: dict[str, QAction] = {}
    for code, name in LANGUAGES.items():
        action = menu.addAction(name)
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, c=code: choose(c))
        group.addAction(action)
        actions[code] = action
    return actions


# ---------------------------------------------------------------- settings


def app_settings() -> QSettings:
    """The app's settings (see the module docstring for where they are kept)."""
    portable = os.environ.get("DLG_JUDGE_DATA")
    if portable:
        return QSettings(str(Path(portable) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)


def settings_list(key: str) -> list[str]:
    """A list of strings kept as JSON (QSettings turns a one-item list into a string)."""
    raw = app_settings().value(key, "")
    try:
        value = json.loads(raw) if isinstance(raw, str) and raw else []
    except ValueError:
        return []
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def set_settings_list(key: str, items: list[str]) -> None:
    settings = app_settings()
    settings.setValue(key, json.dumps(list(items), ensure_ascii=False))
    settings.sync()


def saved_language() -> str:
    value = app_settings().value("language", DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = app_settings()
    settings.setValue("language", language)
    settings.sync()


# ---------------------------------------------------------------- translation


class TsTranslator(QTranslator):
    """A QTranslator that answers from a Qt Linguist ``.ts`` file parsed at load time."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._messages: dict[tuple[str, str, str], str] = {}
        self._language = ""

    @classmethod
    def from_file(cls, path: Path, parent=None) -> "TsTranslator":
        translator = cls(parent)
        translator.load_ts(path)
        return translator

    @classmethod
    def for_language(cls, language: str, parent=None) -> "TsTranslator":
        """One translator answering from all of the language's files."""
        translator = cls(parent)
        for path in translation_files(language):
            translator.load_ts(path)
        return translator

    def load_ts(self, path: Path) -> int:
        """Add every finished or unfinished (but non-empty) translation of the file; return how many."""
        root = ET.parse(path).getroot()
        self._language = root.get("language", "")
        messages: dict[tuple[str, str, str], str] = {}
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None:
                    continue
                if translation.get("type") in ("obsolete", "vanished"):
                    continue
                if message.get("numerus") == "yes":
                    forms = [form.text or "" for form in translation.iter("numerusform")]
                    text = forms[0] if forms else ""
                else:
                    text = translation.text or ""
                if text:
                    messages[(name, source, message.findtext("comment", ""))] = text
        self._messages.update(messages)
        return len(messages)

    def language(self) -> str:
        return self._language

    def isEmpty(self) -> bool:
        return not self._messages

    def contexts(self) -> set[str]:
        return {context for context, _, _ in self._messages}

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1):
        text = self._messages.get((context, source, disambiguation or ""))
        if text is None and disambiguation:
            text = self._messages.get((context, source, ""))
        return text  # None means "not translated here": Qt then keeps the English source


_installed: TsTranslator | None = None


def install_language(language: str) -> str:
    """Make ``language`` the app's language from now on; return the language in force.

    Widgets that exist already are told through a LanguageChange event; the
    judge window rebuilds its text on it.
    """
    global _installed
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language != "en":
        translator = TsTranslator.for_language(language, app)
        app.installTranslator(translator)
        _installed = translator
    QLocale.setDefault(QLocale("th_TH" if language == "th" else "en_GB"))
    return language


def uninstall_language() -> None:
    """Back to Qt's untranslated English and the system locale (tests restore this after themselves)."""
    global _installed
    if _installed is not None:
        QCoreApplication.instance().removeTranslator(_installed)
        _installed = None
    QLocale.setDefault(QLocale.system())


def current_language() -> str:
    return "th" if _installed is not None else "en"
