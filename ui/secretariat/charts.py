"""The results page's two charts, drawn with QPainter: score distribution and judge severity.

The PySide6 wheel the app ships has no QtCharts, and two bar charts do not
need it: each is a small QWidget that paints itself from plain numbers, in the
widget's own font (the app font, Sarabun, so Thai labels render the same on
every machine), scaled to whatever size the layout gives it. Each chart keeps a
text alternative: an accessible description listing every value, and a tooltip
on each bar. The page also shows the same numbers in a table beside the chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from judge_app.decimals import fraction_str

# Band width of the histogram (points of the mean total) and the top of the scale.
BIN_WIDTH = 5
SCALE_MAX = 100

BAR = QColor("#3f6fb0")
HARSH = QColor("#c2452d")
LENIENT = QColor("#2f6fdf")
AXIS = QColor("#5b626c")
GRID = QColor("#e3e6eb")
TEXT = QColor("#23272e")


def histogram_bins(values: Iterable[Fraction | float | int | None], width: int = BIN_WIDTH,
                   top: int = SCALE_MAX) -> list[int]:
    """How many values fall in each band [0, 5), [5, 10) … [95, 100]; None is skipped.

    The top of the scale belongs to the last band, so a perfect 100 is counted
    rather than falling off the chart. A value outside 0–``top`` is a mistake
    upstream (totals are out of 100) and raises ValueError instead of being hidden.
    """
    counts = [0] * math.ceil(top / width)
    for value in values:
        if value is None:
            continue
        if not 0 <= value <= top:
            raise ValueError(f"{value} is outside the scale 0–{top}")
        counts[min(int(value // width), len(counts) - 1)] += 1
    return counts


def nice_step(largest: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that divides 0..largest into about ``ticks`` parts."""
    if largest <= 0:
        return 1.0
    raw = largest / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def signed_points(value: Fraction | float, places: int | None = 2) -> str:
    """A signed number of points as the chart spells it (true minus sign; 0 unsigned).

    Rounded half-up like every total in the app (:func:`judge_app.decimals.fraction_str`),
    so the chart and the table beside it show the same digits. ``places=None``
    drops needless decimals, for the axis ticks ("+5", "−2.5").
    """
    exact = Fraction(value)
    text = fraction_str(abs(exact), places) if places is not None else f"{float(abs(exact)):g}"
    if float(text) == 0:
        return "0" if places is None else text
    return ("−" if exact < 0 else "+") + text


class _Chart(QWidget):
    """What both charts share: fonts, sizing, accessibility and per-bar tooltips."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so a screen reader reads the description
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._bars: list[tuple[QRectF, str]] = []  # painted bar areas and what their tooltip says

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._describe()
            self.update()
        elif event.type() == QEvent.Type.FontChange:
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = next((tip for area, tip in self._bars if area.contains(QPointF(event.pos()))), "")
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def bar_tooltips(self) -> list[str]:
        """The tooltip of each bar painted last, in painting order (the text alternative, bar by bar)."""
        return [tip for _, tip in self._bars]

    def _describe(self) -> None:
        raise NotImplementedError

    def empty_text(self) -> str:
        """What the chart says in place of bars when it has none; empty when it has some."""
        raise NotImplementedError

    def _paint_bars(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            painter.setFont(self.font())
            self._bars = []
            empty = self.empty_text()
            if empty:
                painter.setPen(AXIS)
                painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty)
                return
            self._paint_bars(painter, QFontMetricsF(self.font()))
        finally:
            painter.end()


class HistogramChart(_Chart):
    """How many entries have a mean total in each band of 5 points, 0–100."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._counts = [0] * math.ceil(SCALE_MAX / BIN_WIDTH)
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(560, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 200)

    @property
    def counts(self) -> list[int]:
        return list(self._counts)

    @staticmethod
    def band_label(index: int) -> str:
        low = index * BIN_WIDTH
        return f"{low}–{min(low + BIN_WIDTH, SCALE_MAX)}"

    def set_values(self, values: Iterable[Fraction | float | int | None]) -> None:
        """Show these entry means (None, for an entry nobody scored, is left out)."""
        self._counts = histogram_bins(values)
        self._describe()
        self.update()

    def _describe(self) -> None:
        self.setAccessibleName(self.tr("Distribution of the entries' mean totals"))
        bands = "; ".join(f"{self.band_label(i)}: {n}" for i, n in enumerate(self._counts) if n)
        self.setAccessibleDescription(
            self.tr("Number of entries whose mean total (out of 100) falls in each band of 5 points: %1")
            .replace("%1", bands or self.tr("none")))
        self.setToolTip("")

    def empty_text(self) -> str:
        return "" if any(self._counts) else self.tr("No entry has been scored yet.")

    def _paint_bars(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        line = metrics.height()
        step = nice_step(max(self._counts))
        top_value = step * math.ceil(max(self._counts) / step)
        left = max(metrics.horizontalAdvance(str(int(top_value))), metrics.horizontalAdvance("00")) + 14
        plot = QRectF(left, line * 2.2, self.width() - left - 12, self.height() - line * 4.6)
        if plot.width() < 40 or plot.height() < 30:
            return

        def y_of(count: float) -> float:
            return plot.bottom() - plot.height() * count / top_value

        # Horizontal grid and count axis.
        painter.setPen(TEXT)
        painter.drawText(QRectF(0, 0, self.width(), line * 1.3), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "  " + self.tr("Entries"))
        value = 0.0
        while value <= top_value + 1e-9:
            y = y_of(value)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            painter.drawText(QRectF(0, y - line / 2, left - 8, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{value:g}")
            value += step

        # Bars, each with its count above it.
        slot = plot.width() / len(self._counts)
        gap = max(1.0, slot * 0.12)
        for index, count in enumerate(self._counts):
            x = plot.left() + index * slot
            bar = QRectF(x + gap / 2, y_of(count), slot - gap, plot.bottom() - y_of(count))
            tip = self.tr("%1 points: %2 entries").replace("%1", self.band_label(index)).replace("%2", str(count))
            self._bars.append((QRectF(x, plot.top(), slot, plot.height()), tip))
            if count:
                painter.fillRect(bar, BAR)
                painter.setPen(TEXT)
                painter.drawText(QRectF(x - 4, bar.top() - line - 1, slot + 8, line),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(count))

        # The score axis: a tick every 10 points, labelled.
        painter.setPen(QPen(AXIS, 1.2))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        label_every = 10 if slot * 2 >= metrics.horizontalAdvance("100") + 6 else 20
        for mark in range(0, SCALE_MAX + 1, label_every):
            x = plot.left() + plot.width() * mark / SCALE_MAX
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, line), Qt.AlignmentFlag.AlignHCenter, str(mark))
        painter.setPen(TEXT)
        painter.drawText(QRectF(plot.left(), plot.bottom() + line + 6, plot.width(), line * 1.3),
                         Qt.AlignmentFlag.AlignHCenter, self.tr("Mean total of the entry (out of 100)"))


@dataclass(frozen=True)
class SeverityBar:
    """One judge's bar: who, how far from the others (points; None: no shared entries), on how many entries."""

    label: str  # e.g. "J03 นายวีระพงษ์ เที่ยงธรรมกุล"
    severity: Fraction | float | None
    entries: int
    short: str = ""  # e.g. "J03", shown instead of the label when the chart is too narrow for it


class SeverityChart(_Chart):
    """One horizontal bar per judge around zero: harsher than the others to the left, more lenient to the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._judges: list[SeverityBar] = []
        self._describe()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(560, int(line * (4.5 + 1.6 * max(len(self._judges), 3))))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(360, int(line * (4.5 + 1.1 * max(len(self._judges), 3))))

    @property
    def judges(self) -> list[SeverityBar]:
        return list(self._judges)

    def set_judges(self, judges: Sequence[SeverityBar]) -> None:
        self._judges = list(judges)
        self._describe()
        self.updateGeometry()
        self.update()

    def describe_bar(self, bar: SeverityBar) -> str:
        if bar.severity is None:
            return self.tr("%1: no entry shared with another judge").replace("%1", bar.label)
        shown = signed_points(bar.severity)
        if shown.startswith("−"):
            text = self.tr("%1: %2 points harsher than the other judges on the same entries (%3 entries)")
        elif shown.startswith("+"):
            text = self.tr("%1: %2 points more lenient than the other judges on the same entries (%3 entries)")
        else:
            text = self.tr("%1: in line with the other judges on the same entries (%3 entries)")
        return text.replace("%1", bar.label).replace("%2", shown.lstrip("+−")).replace("%3", str(bar.entries))

    def _describe(self) -> None:
        self.setAccessibleName(self.tr("Judge severity"))
        self.setAccessibleDescription("\n".join(self.describe_bar(bar) for bar in self._judges)
                                      or self.tr("No judge has scored yet."))

    def empty_text(self) -> str:
        return "" if self._judges else self.tr("No judge has scored yet.")

    def _paint_bars(self, painter: QPainter, metrics: QFontMetricsF) -> None:
        line = metrics.height()
        # Full labels when they fit in a third of the width, else the short ones (the judge ids).
        full = max(metrics.horizontalAdvance(j.label) for j in self._judges) + 16
        use_short = full > self.width() / 3 and all(j.short for j in self._judges)
        labels = [j.short if use_short else j.label for j in self._judges]
        label_width = min(max(metrics.horizontalAdvance(text) for text in labels) + 16, self.width() * 0.4)
        edge = metrics.horizontalAdvance("+00.0") / 2 + 6  # room for the outermost tick label
        caption = self.tr("Mean difference from the other judges on the same entries (points out of 100)")
        caption_box = metrics.boundingRect(QRectF(0, 0, self.width() - 8, line * 3),
                                           int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), caption)
        plot = QRectF(label_width, line * 1.6, self.width() - label_width - edge,
                      self.height() - line * 2.9 - caption_box.height())
        if plot.width() < 60 or plot.height() < line:
            return
        largest = max((abs(float(j.severity)) for j in self._judges if j.severity is not None), default=0.0)
        step = nice_step(max(largest, 1.0), ticks=2)
        reach = step * max(1, math.ceil(largest / step))
        zero = plot.center().x()

        def x_of(value: float) -> float:
            return zero + (plot.width() / 2) * value / reach

        # Which side means what, above the plot.
        painter.setPen(HARSH)
        painter.drawText(QRectF(plot.left(), 0, plot.width() / 2 - 6, line * 1.4),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "← " + self.tr("harsher"))
        painter.setPen(LENIENT)
        painter.drawText(QRectF(zero + 6, 0, plot.width() / 2 - 6, line * 1.4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.tr("more lenient") + " →")

        # Vertical grid with its scale below.
        ticks = [reach * k / 2 for k in range(-2, 3)]
        for value in ticks:
            x = x_of(value)
            painter.setPen(QPen(AXIS if value == 0 else GRID, 1.4 if value == 0 else 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(AXIS)
            painter.drawText(QRectF(x - 40, plot.bottom() + 3, 80, line), Qt.AlignmentFlag.AlignHCenter,
                             signed_points(value, None))
        painter.setPen(TEXT)
        painter.drawText(QRectF(4, plot.bottom() + line + 6, self.width() - 8, caption_box.height() + 2),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), caption)

        band = plot.height() / len(self._judges)
        thickness = min(band * 0.62, line * 1.3)
        value_width = metrics.horizontalAdvance("−00.00") + 8
        for index, (judge, label) in enumerate(zip(self._judges, labels)):
            middle = plot.top() + band * (index + 0.5)
            row = QRectF(0, middle - band / 2, self.width(), band)
            painter.setPen(TEXT)
            painter.drawText(QRectF(4, row.top(), label_width - 12, band),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 12))
            self._bars.append((row, self.describe_bar(judge)))
            if judge.severity is None:
                painter.setPen(AXIS)
                painter.drawText(QRectF(zero + 6, row.top(), plot.width() / 2, band), Qt.AlignmentFlag.AlignVCenter,
                                 self.tr("no shared entries"))
                continue
            end = x_of(float(judge.severity))
            bar = QRectF(min(zero, end), middle - thickness / 2, abs(end - zero), thickness)
            painter.fillRect(bar, HARSH if judge.severity < 0 else LENIENT)
            painter.setPen(TEXT)
            if judge.severity < 0:
                place = QRectF(bar.left() - value_width - 2, row.top(), value_width, band)
                align = Qt.AlignmentFlag.AlignRight
                if place.left() < plot.left():  # no room outside the bar: write on the other side of zero
                    place, align = QRectF(zero + 4, row.top(), value_width, band), Qt.AlignmentFlag.AlignLeft
            else:
                place = QRectF(bar.right() + 2, row.top(), value_width, band)
                align = Qt.AlignmentFlag.AlignLeft
                if place.right() > plot.right() + 14:
                    place, align = QRectF(zero - value_width - 4, row.top(), value_width, band), Qt.AlignmentFlag.AlignRight
            painter.drawText(place, align | Qt.AlignmentFlag.AlignVCenter, signed_points(judge.severity))


__all__ = ["BIN_WIDTH", "HistogramChart", "SeverityBar", "SeverityChart", "histogram_bins", "nice_step"]
