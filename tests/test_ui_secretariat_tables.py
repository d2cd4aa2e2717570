"""The pieces every secretariat page shares: the plain-rows model, its search proxy, and the page tools.

Real Qt models and proxies on plain rows; real settings (the per-test data folder
conftest gives every test); a real worker thread with a real contest database.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ui.dialogs import documents_folder
from ui.secretariat.page_tools import db_op, fill, open_dialog, remember_folder, start_folder
from ui.secretariat.session import SecretariatSession
from ui.secretariat.tables import SORT_ROLE, RowsModel, SortProxy, TextFilterProxy, make_table, selected_rows
from ui.worker import wait_for_all


class PlacesModel(RowsModel):
    """(name, province, count) rows; searched by name and province."""

    NUMERIC = frozenset({2})

    def headers(self) -> list[str]:
        return ["Name", "Province", "Count"]

    def display(self, row, column: int) -> str:
        return str(row[column])

    def sort_key(self, row, column: int):
        return row[2] if column == 2 else self.display(row, column)

    def search_text(self, row) -> str:
        return f"{row[0]} {row[1]}"


ROWS = [
    ("เทศบาลตำบลท่าตูม", "นนทบุรี", 12),
    ("องค์การบริหารส่วนตำบลหนองบัว", "ขอนแก่น", 3),
    ("เทศบาลนครขอนแก่น", "ขอนแก่น", 12),
    ("Pattaya City", "ชลบุรี", 7),
]


@pytest.fixture
def places(qtbot):
    """A model of ROWS on a page of its own, as the pages hold theirs (Qt deletes page, model and proxies)."""
    page = QWidget()
    qtbot.addWidget(page)
    model = PlacesModel(page)
    model.set_rows(ROWS)
    yield model  # the page lives until the test is done


def shown(proxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_the_search_keeps_rows_holding_every_word_thai_as_typed(qtmodeltester, places):
    proxy = TextFilterProxy(places, places.parent())
    qtmodeltester.check(places)
    assert shown(proxy) == [r[0] for r in ROWS]
    proxy.set_text_filter("เทศบาล")
    assert shown(proxy) == ["เทศบาลตำบลท่าตูม", "เทศบาลนครขอนแก่น"]
    proxy.set_text_filter("  เทศบาล   ขอนแก่น ")  # every word, in any order, spaces as typed
    assert shown(proxy) == ["เทศบาลนครขอนแก่น"]
    qtmodeltester.check(proxy)
    proxy.set_text_filter("PATTAYA")  # case-folded
    assert shown(proxy) == ["Pattaya City"]
    proxy.set_text_filter("[ท")  # a plain substring, never a pattern
    assert shown(proxy) == []
    proxy.set_text_filter("")
    assert proxy.rowCount() == len(ROWS)


def test_new_rows_are_searched_by_their_own_words(places):
    proxy = TextFilterProxy(places, places.parent())
    proxy.set_text_filter("ชลบุรี")
    assert shown(proxy) == ["Pattaya City"]
    places.set_rows([("เมืองพัทยา", "ชลบุรี", 1), ("เทศบาลตำบลท่าตูม", "นนทบุรี", 12)])
    assert shown(proxy) == ["เมืองพัทยา"]


def test_numbers_sort_as_numbers_and_equal_keys_keep_the_model_order(places):
    places.set_rows([*ROWS, ("ก", "ข", 100)])
    proxy = SortProxy(places, places.parent())
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    assert shown(proxy) == ["องค์การบริหารส่วนตำบลหนองบัว", "Pattaya City", "เทศบาลตำบลท่าตูม", "เทศบาลนครขอนแก่น", "ก"]
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == ["ก", "เทศบาลตำบลท่าตูม", "เทศบาลนครขอนแก่น", "Pattaya City", "องค์การบริหารส่วนตำบลหนองบัว"]
    assert places.index(0, 2).data(SORT_ROLE) == 12
    assert places.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_a_table_shows_the_model_order_until_a_header_is_clicked_and_reports_source_rows(qtbot, places):
    table = make_table(SortProxy(places, places.parent()), "places")
    qtbot.addWidget(table)
    proxy = table.model()
    assert table.horizontalHeader().sortIndicatorSection() == -1 and shown(proxy) == [r[0] for r in ROWS]
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    table.selectRow(1)
    assert [places.row_object(r)[0] for r in selected_rows(table)] == ["Pattaya City"]


def test_fill_puts_every_value_in_its_place_even_past_nine():
    values = list(range(1, 12))
    assert fill("%1-%10-%11-%2", *values) == "1-10-11-2"
    assert fill("%1 of %2", "ก", 3) == "ก of 3"


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="%", blacklist_categories=("Cs",)), max_size=6),
                min_size=1, max_size=14))
def test_fill_places_any_values_in_order(values):
    template = " | ".join(f"%{number}" for number in range(1, len(values) + 1))
    assert fill(template, *values) == " | ".join(values)


def test_a_remembered_folder_is_offered_while_it_is_there(tmp_path):
    key = "secretariat/test_folder"
    assert start_folder(key) == str(documents_folder())
    folder = tmp_path / "exports"
    folder.mkdir()
    remember_folder(key, folder)
    assert start_folder(key) == str(folder)
    folder.rmdir()
    assert start_folder(key) == str(documents_folder())


def test_an_open_dialog_is_the_owners_active_dialog_until_it_closes(qtbot, qapp):
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.active_dialog = None
    dialog = open_dialog(owner, QDialog(owner))
    assert owner.active_dialog is dialog and dialog.isVisible()
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it goes once closed
    dialog.reject()
    assert owner.active_dialog is None


def test_db_op_works_on_a_connection_of_its_own_thread(qtbot, qapp, issued):
    session = SecretariatSession(issued.db_path)
    owner = QWidget()
    qtbot.addWidget(owner)
    results: list = []
    main_connection = session.db.conn
    op = db_op(owner, session, lambda db, report: (db.conn is not main_connection, len(db.contest.judges)),
               done=results.append, failed=pytest.fail)
    with qtbot.waitSignal(op.finished, timeout=30_000):
        op.start()
    wait_for_all()
    assert results == [(True, len(issued.contest.judges))]
    session.close()
