"""The app's own theme: calm dark blues, amber for what the question matched."""

from __future__ import annotations

from textual.theme import Theme

OFSTED_THEME = Theme(
    name="ofsted",
    primary="#6C9BD2",
    secondary="#9A86C7",
    accent="#E3B341",
    warning="#E3B341",
    error="#E5534B",
    success="#57AB5A",
    foreground="#D8DEE9",
    background="#161B22",
    surface="#1C2230",
    panel="#262E3D",
    dark=True,
    variables={"footer-key-foreground": "#E3B341", "input-selection-background": "#6C9BD2 35%"},
)
