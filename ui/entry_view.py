"""One entry as the judge reads it: who sent it, what the project is, and its attachments.

Attachments come out of the bundle through the core's
:meth:`~judge_app.bundle.OpenedBundle.extract_attachment`, which checks each
file's SHA-256 on the way, into a private temporary folder that is removed
when the bundle is closed. PDFs are shown inside the app as page images
rendered with pypdfium2 off the GUI thread (page by page, so the first page
shows at once); images are shown as they are; any other file opens in the
program the computer uses for it.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from judge_app.bundle import OpenedBundle
from judge_app.model import ORG_TYPES, Attachment, Entry

from .i18n import current_language
from .worker import Op

#: pdfium is not thread-safe: one document is rendered at a time.
_PDFIUM_LOCK = threading.Lock()
#: Widest page image rendered (device pixels); wider views scale it up smoothly.
MAX_RENDER_WIDTH = 1600
MIN_RENDER_WIDTH = 700


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"  # pragma: no cover


class AttachmentCache:
    """Verified copies of a bundle's attachments in a private temporary folder."""

    def __init__(self, bundle: OpenedBundle):
        self.bundle = bundle
        self.folder = Path(tempfile.mkdtemp(prefix="dlg-judge-attachments-"))
        self._lock = threading.Lock()

    def path(self, entry_id: str, name: str) -> Path:
        return self.folder / entry_id / name

    def extract(self, entry_id: str, name: str) -> Path:
        """The verified copy, extracted on first use (runs on a worker thread)."""
        target = self.path(entry_id, name)
        with self._lock:
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(target.name + ".part")
                self.bundle.extract_attachment(entry_id, name, partial)
                partial.replace(target)
        return target

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def render_pdf_pages(path: Path, width_px: int, op: Op, report) -> int:
    """Render every page of a PDF to a QImage ``width_px`` wide, reporting each as it is done."""
    import pypdfium2 as pdfium

    with _PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            sizes = [document.get_page_size(i) for i in range(len(document))]
            report(("layout", sizes))
            for index in range(len(sizes)):
                op.check()
                page = document[index]
                try:
                    page_width = sizes[index][0] or 595
                    bitmap = page.render(scale=width_px / page_width, rev_byteorder=True)
                    try:
                        data = bytes(bitmap.buffer)
                        image = QImage(data, bitmap.width, bitmap.height, bitmap.stride,
                                       QImage.Format.Format_RGB888).copy()
                    finally:
                        bitmap.close()
                finally:
                    page.close()
                report(("page", index, image))
            return len(sizes)
        finally:
            document.close()


class _Document(QScrollArea):
    """Base for one attachment's tab: a scrollable column, fitted to the width."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body.setObjectName("documentBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(8, 8, 8, 8)
        self.column.setSpacing(10)
        self.column.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.body)
        self.status = QLabel(self.tr("Checking and opening the file…"))
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.status)
        self.is_ready = False
        self.op: Op | None = None
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(120)
        self._fit.timeout.connect(self.fit_width)

    def available_width(self) -> int:
        return max(200, self.viewport().width() - 16)

    def render_width(self) -> int:
        ratio = self.devicePixelRatioF() or 1.0
        return int(min(MAX_RENDER_WIDTH, max(MIN_RENDER_WIDTH, self.available_width() * ratio)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit.start()

    def fit_width(self) -> None:  # pragma: no cover - overridden
        pass

    def show_failure(self, error: BaseException) -> None:
        self.status.setText(self.tr("This file cannot be shown: %1").replace("%1", str(error)))
        self.status.setStyleSheet("color: #b00020;")
        self.status.show()
        self.failed.emit(str(error))

    def stop(self) -> None:
        if self.op is not None:
            self.op.cancel()
            self.op = None


class PdfDocumentView(_Document):
    """A PDF as a column of page images, rendered on a worker thread page by page."""

    def __init__(self, cache: AttachmentCache, entry_id: str, attachment: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        self.cache, self.entry_id, self.attachment = cache, entry_id, attachment
        self.images: list[QImage | None] = []
        self.pages: list[QLabel] = []
        self.page_sizes: list[tuple[float, float]] = []

    def start(self) -> None:
        if self.op is not None or self.is_ready:
            return
        width = self.render_width()
        cache, entry_id, name = self.cache, self.entry_id, self.attachment.name

        def run(report):
            return render_pdf_pages(cache.extract(entry_id, name), width, op, report)

        op = Op(self, run, done=self._done, failed=self.show_failure, progress=self._progress)
        self.op = op.start()

    def _progress(self, payload) -> None:
        if payload[0] == "layout":
            self.page_sizes = list(payload[1])
            self.images = [None] * len(self.page_sizes)
            self.status.hide()
            for number, (w, h) in enumerate(self.page_sizes, start=1):
                page = QLabel(self.tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(len(self.page_sizes))))
                page.setAlignment(Qt.AlignmentFlag.AlignCenter)
                page.setStyleSheet("background: white; color: #888; border: 1px solid #d0d0d0;")
                page.setFixedSize(self._page_size(w, h))
                page.setAccessibleName(f"page {number}")
                self.pages.append(page)
                self.column.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            _, index, image = payload
            self.images[index] = image
            self._show_page(index)

    def _page_size(self, w: float, h: float) -> QSize:
        width = self.available_width()
        return QSize(width, int(width * (h / w if w else 1.414)))

    def _show_page(self, index: int) -> None:
        image = self.images[index]
        if image is None:
            return
        label = self.pages[index]
        size = self._page_size(*self.page_sizes[index])
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = QPixmap.fromImage(image.scaled(
            int(size.width() * ratio), int(size.height() * ratio),
            Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation))
        pixmap.setDevicePixelRatio(ratio)
        label.setFixedSize(size)
        label.setPixmap(pixmap)

    def fit_width(self) -> None:
        for index in range(len(self.pages)):
            if self.images[index] is None:
                self.pages[index].setFixedSize(self._page_size(*self.page_sizes[index]))
            else:
                self._show_page(index)

    def _done(self, count: int) -> None:
        self.op = None
        self.is_ready = True
        self.ready.emit()

    def rendered_pages(self) -> int:
        return sum(image is not None for image in self.images)


class ImageDocumentView(_Document):
    """A picture, fitted to the width of the view."""

    def __init__(self, cache: AttachmentCache, entry_id: str, attachment: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        self.cache, self.entry_id, self.attachment = cache, entry_id, attachment
        self.image: QImage | None = None
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.hide()
        self.column.addWidget(self.picture)

    def start(self) -> None:
        if self.op is not None or self.is_ready:
            return

        cache, entry_id, name = self.cache, self.entry_id, self.attachment.name

        def run(report):
            image = QImage(str(cache.extract(entry_id, name)))
            if image.isNull():
                raise ValueError(name)
            return image

        self.op = Op(self, run, done=self._done, failed=self.show_failure).start()

    def _done(self, image: QImage) -> None:
        self.op = None
        self.image = image
        self.status.hide()
        self.picture.show()
        self.fit_width()
        self.is_ready = True
        self.ready.emit()

    def fit_width(self) -> None:
        if self.image is None:
            return
        width = min(self.available_width(), max(self.image.width(), 1) * 2)
        ratio = self.devicePixelRatioF() or 1.0
        scaled = self.image.scaledToWidth(int(width * ratio), Qt.TransformationMode.SmoothTransformation)
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)


class OtherFileView(_Document):
    """A file the app does not show itself: open a verified copy in the computer's own program."""

    def __init__(self, cache: AttachmentCache, entry_id: str, attachment: Attachment, parent: QWidget | None = None):
        super().__init__(parent)
        self.cache, self.entry_id, self.attachment = cache, entry_id, attachment
        self.status.setText(self.tr("%1 (%2) is shown by another program on this computer.")
                            .replace("%1", attachment.name).replace("%2", human_size(attachment.size)))
        self.open_button = QPushButton(self.tr("Open with the system viewer"))
        self.open_button.clicked.connect(self.open_external)
        self.column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.is_ready = True
        self.opened: Path | None = None

    def start(self) -> None:
        pass

    def open_external(self) -> None:
        self.open_button.setEnabled(False)

        def done(path: Path) -> None:
            self.open_button.setEnabled(True)
            self.opened = path
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(error: BaseException) -> None:
            self.open_button.setEnabled(True)
            self.show_failure(error)

        cache, entry_id, name = self.cache, self.entry_id, self.attachment.name
        self.op = Op(self, lambda report: cache.extract(entry_id, name), done=done, failed=failed).start()


def document_view_for(cache: AttachmentCache, entry_id: str, attachment: Attachment) -> _Document:
    if attachment.media_type == "application/pdf" or attachment.name.lower().endswith(".pdf"):
        return PdfDocumentView(cache, entry_id, attachment)
    if attachment.media_type in ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp"):
        return ImageDocumentView(cache, entry_id, attachment)
    return OtherFileView(cache, entry_id, attachment)


class EntryView(QWidget):
    """Details of one entry above its attachments, one tab each."""

    #: An attachment of the entry on screen finished showing (entry id, attachment name).
    attachment_ready = Signal(str, str)

    def __init__(self, bundle: OpenedBundle, parent: QWidget | None = None, cache: AttachmentCache | None = None):
        super().__init__(parent)
        self.bundle = bundle
        self.cache = cache or AttachmentCache(bundle)
        self._owns_cache = cache is None
        self.entry: Entry | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter)

        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(10, 8, 10, 8)
        details_layout.setSpacing(6)
        self.title = QLabel()
        self.title.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setAccessibleName("project title")
        details_layout.addWidget(self.title)
        self.organisation = QLabel()
        self.organisation.setWordWrap(True)
        self.organisation.setTextFormat(Qt.TextFormat.RichText)
        self.organisation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.organisation.setAccessibleName("organisation")
        details_layout.addWidget(self.organisation)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        details_layout.addWidget(self.summary)
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setTextFormat(Qt.TextFormat.RichText)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact.setAccessibleName("contact")
        details_layout.addWidget(self.contact)
        details_layout.addStretch(1)
        details_scroll.setWidget(details)
        self.splitter.addWidget(details_scroll)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("attachments")
        self.tabs.currentChanged.connect(self._tab_shown)
        self.no_attachments = QLabel(self.tr("This entry has no attachments."))
        self.no_attachments.setAlignment(Qt.AlignmentFlag.AlignCenter)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.tabs)
        holder_layout.addWidget(self.no_attachments)
        self.splitter.addWidget(holder)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([230, 570])
        self.placeholder = QLabel(self.tr("Choose an entry from the list."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.placeholder)
        self.splitter.hide()

    # ------------------------------------------------------------ showing an entry

    def set_entry(self, entry_id: str | None) -> None:
        if entry_id is None:
            self._clear_tabs()
            self.entry = None
            self.splitter.hide()
            self.placeholder.show()
            return
        if self.entry is not None and self.entry.id == entry_id:
            return
        entry = self.bundle.entry(entry_id)
        self.entry = entry
        self.placeholder.hide()
        self.splitter.show()
        english = current_language() == "en"
        org_type = ORG_TYPES.get(entry.org_type, (entry.org_type, entry.org_type))[1 if english else 0]
        self.title.setText(f"{entry.id} · {entry.project_title}")
        self.organisation.setText(
            f"<b>{_escape(entry.org_name)}</b><br>{_escape(org_type)} · "
            + self.tr("Province %1").replace("%1", _escape(entry.province)))
        self.summary.setText(entry.summary)
        contact = entry.contact
        self.contact.setText(
            "<span style='color: palette(mid)'>" + self.tr("Contact") + ":</span> "
            + " · ".join(_escape(x) for x in (contact.name, contact.phone, contact.email) if x))
        self._clear_tabs()
        for attachment in entry.attachments:
            view = document_view_for(self.cache, entry.id, attachment)
            view.ready.connect(lambda e=entry.id, n=attachment.name: self.attachment_ready.emit(e, n))
            self.tabs.addTab(view, attachment.name)
            self.tabs.setTabToolTip(self.tabs.count() - 1, f"{attachment.name} · {human_size(attachment.size)}")
        self.tabs.setVisible(bool(entry.attachments))
        self.no_attachments.setVisible(not entry.attachments)
        if entry.attachments:
            self.tabs.setCurrentIndex(0)
            self._tab_shown(0)

    def _tab_shown(self, index: int) -> None:
        view = self.tabs.widget(index)
        if isinstance(view, _Document):
            QTimer.singleShot(0, view, view.start)  # after the tab has its size, so pages fit its width

    def _clear_tabs(self) -> None:
        while self.tabs.count():
            view = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if isinstance(view, _Document):
                view.stop()
            view.deleteLater()

    def document(self, name: str) -> _Document | None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "") == name:
                return self.tabs.widget(index)
        return None

    def show_attachment(self, name: str) -> None:
        view = self.document(name)
        if view is not None:
            self.tabs.setCurrentWidget(view)

    def shutdown(self) -> None:
        """Stop every rendering and remove the temporary copies (the bundle is closing)."""
        self._clear_tabs()
        if self._owns_cache:
            self.cache.remove()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
