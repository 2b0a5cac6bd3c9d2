"""The row of a turn's chips, wrapped onto more lines where it is wider than the window (a
long question's cues ran off the right edge, out of sight and out of reach of the eye)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.containers import Horizontal
from textual.geometry import Region
from textual.layouts.horizontal import HorizontalLayout

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.layout import ArrangeResult

from textual.widget import Widget


class WrapLayout(HorizontalLayout):
    """Left to right as `horizontal`, starting a new line where the next widget would cross
    the right edge; each line as tall as its tallest widget."""

    name = "wrap"

    def arrange(
        self, parent: Widget, children: list[Widget], size: Size, greedy: bool = True
    ) -> ArrangeResult:
        placements = super().arrange(parent, children, size, greedy)
        wrapped = []
        x = y = line = 0
        for place in placements:
            region, gap = place.region, place.margin.right
            if x and x + region.width > size.width:  # a widget wider than a line keeps one
                x, y, line = 0, y + line, 0
            wrapped.append(place._replace(region=Region(x, y, region.width, region.height)))
            x += region.width + gap
            line = max(line, region.height)
        return wrapped


class ChipRow(Horizontal):
    """A horizontal container whose children wrap (`WrapLayout`); `height: auto` in app.tcss."""

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        # set as a rule: the `layout` style takes only Textual's own layouts by name
        self.styles.set_rule("layout", WrapLayout())
