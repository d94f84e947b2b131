"""Server-rendered SVG charts that read without colour: patterns, marker shapes and printed values.

Hand-written because the three chart shapes needed (bars, stacked bars, p-chart) are small and a
charting library would bring JavaScript or a heavy dependency to a server-rendered page. Every
chart has a ``<title>`` and a ``<desc>`` and sits next to a table holding the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from avec.metrics.spc import ChartPoint

W, H = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 28, 48
INK, BRAND, BAD, MUTED = "#1a1a1a", "#00336b", "#8b0000", "#4a4a4a"

# Fill patterns (id, description): solid, hatches and dots distinguish segments without colour.
PATTERNS = """
<defs>
  <pattern id="pat-solid" width="6" height="6" patternUnits="userSpaceOnUse">
    <rect width="6" height="6" fill="#00336b"/></pattern>
  <pattern id="pat-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" fill="#e6eef8"/>
    <line x1="0" y1="0" x2="0" y2="6" stroke="#00336b" stroke-width="3"/>
  </pattern>
  <pattern id="pat-cross" width="6" height="6" patternUnits="userSpaceOnUse">
    <rect width="6" height="6" fill="#fde8e8"/>
    <path d="M0,0 L6,6 M6,0 L0,6" stroke="#8b0000" stroke-width="1.5"/></pattern>
  <pattern id="pat-dots" width="6" height="6" patternUnits="userSpaceOnUse">
    <rect width="6" height="6" fill="#fff4e0"/><circle cx="3" cy="3" r="1.6" fill="#7a4100"/></pattern>
  <pattern id="pat-blank" width="6" height="6" patternUnits="userSpaceOnUse">
    <rect width="6" height="6" fill="#ffffff"/></pattern>
</defs>"""


def _open(chart_id: str, title: str, desc: str, height: int = H) -> list[str]:
    return [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" viewBox="0 0 {W} {height}" width="100%" '
        f'aria-labelledby="{escape(chart_id)}-t {escape(chart_id)}-d" xmlns="http://www.w3.org/2000/svg" '
        f'font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-d">{escape(desc)}</desc>',
        PATTERNS,
    ]


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "middle",
    size: int = 12,
    fill: str = INK,
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
        f'font-weight="{weight}">{escape(text)}</text>'
    )


def _axis(top_value: float, fmt: Callable[[float], str], height: int = H) -> list[str]:
    out = []
    plot_h = height - TOP - BOTTOM
    for k in range(5):
        value = top_value * k / 4
        y = height - BOTTOM - plot_h * k / 4
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#d1d5db"/>')
        out.append(_text(LEFT - 6, y + 4, fmt(value), anchor="end", fill=MUTED))
    out.append(f'<line x1="{LEFT}" y1="{height - BOTTOM}" x2="{W - RIGHT}" y2="{height - BOTTOM}" stroke="{INK}"/>')
    return out


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1.0
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return value


def bar_chart(
    chart_id: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    desc: str,
    fmt: Callable[[float], str] = lambda v: f"{v:,.0f}".replace(",", "\u202f"),
    label_every: int = 1,
) -> Markup:
    """Vertical bars (hatched) with their value printed above each bar."""
    out = _open(chart_id, title, desc)
    top = _nice_max(max(values, default=0))
    out += _axis(top, fmt)
    n = max(len(values), 1)
    slot = (W - LEFT - RIGHT) / n
    plot_h = H - TOP - BOTTOM
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        h = plot_h * value / top
        x = LEFT + i * slot + slot * 0.15
        out.append(
            f'<rect x="{x:.1f}" y="{H - BOTTOM - h:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" '
            f'fill="url(#pat-hatch)" stroke="{BRAND}">'
            f"<title>{escape(label)} : {escape(fmt(value))}</title></rect>"
        )
        if n <= 16:
            out.append(_text(x + slot * 0.35, H - BOTTOM - h - 4, fmt(value), size=11))
        if i % label_every == 0:
            out.append(_text(x + slot * 0.35, H - BOTTOM + 16, label, size=11))
    out.append("</svg>")
    return Markup("".join(out))


def hbar_chart(
    chart_id: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    desc: str,
    fmt: Callable[[float], str] = lambda v: f"{v:,.0f}".replace(",", "\u202f"),
) -> Markup:
    """Horizontal bars (hatched), the label on the left and the value printed at the end of each bar."""
    row_h, gap, label_w = 22, 8, 230
    height = TOP + len(values) * (row_h + gap) + 10
    out = _open(chart_id, title, desc, height)
    top = max(values, default=0) or 1
    width = W - label_w - RIGHT - 50
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = TOP + i * (row_h + gap)
        w = width * value / top
        out.append(_text(label_w - 8, y + row_h / 2 + 4, _clip(label, 34), anchor="end"))
        out.append(
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{row_h}" fill="url(#pat-hatch)" '
            f'stroke="{BRAND}"><title>{escape(label)} : {escape(fmt(value))}</title></rect>'
        )
        out.append(_text(label_w + w + 6, y + row_h / 2 + 4, fmt(value), anchor="start", weight="bold"))
    out.append("</svg>")
    return Markup("".join(out))


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def stacked_bars(
    chart_id: str,
    rows: Sequence[tuple[str, dict[str, float]]],
    segments: Sequence[tuple[str, str, str]],
    *,
    title: str,
    desc: str,
) -> Markup:
    """Horizontal 100 % bars, one per row; ``segments`` = (key, legend label, pattern id); shares printed."""
    row_h, gap, legend_h, label_w = 26, 10, 30, 250
    height = TOP + legend_h + len(rows) * (row_h + gap) + 10
    out = _open(chart_id, title, desc, height)
    x = LEFT
    for _key, label, pattern in segments:  # legend first: pattern swatch + text
        out.append(f'<rect x="{x}" y="{TOP - 14}" width="16" height="16" fill="url(#{pattern})" stroke="{INK}"/>')
        out.append(_text(x + 22, TOP - 2, label, anchor="start"))
        x += 30 + 8 * len(label)
    width = W - label_w - RIGHT
    for i, (label, values) in enumerate(rows):
        y = TOP + legend_h + i * (row_h + gap)
        total = sum(values.values()) or 1
        out.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 4:.1f}" text-anchor="end" fill="{INK}">'
            f"<title>{escape(label)}</title>{escape(_clip(label, 36))}</text>"
        )
        offset = float(label_w)
        for key, seg_label, pattern in segments:
            share = values.get(key, 0) / total
            seg_w = width * share
            if seg_w <= 0:
                continue
            out.append(
                f'<rect x="{offset:.1f}" y="{y}" width="{seg_w:.1f}" height="{row_h}" fill="url(#{pattern})" '
                f'stroke="{INK}"><title>{escape(label)} · {escape(seg_label)} : {share:.0%}</title></rect>'
            )
            if seg_w > 34:
                out.append(
                    f'<rect x="{offset + seg_w / 2 - 17:.1f}" y="{y + 6}" width="34" height="14" fill="#fff" '
                    f'opacity="0.9"/>'
                )
                out.append(_text(offset + seg_w / 2, y + 17, f"{share:.0%}", size=11, weight="bold"))
            offset += seg_w
    out.append("</svg>")
    return Markup("".join(out))


def p_chart_svg(
    chart_id: str,
    points: Sequence[ChartPoint],
    center: float | None,
    *,
    title: str,
    desc: str,
    labels: dict[str, str],
) -> Markup:
    """A p-chart: weekly share (circles), centre line (dashed), 3-sigma limits (dotted); out-of-control
    weeks drawn as large triangles with a "!" so they stand out without colour."""
    out = _open(chart_id, title, desc, H + 24)
    height = H
    shares = [p.p for p in points if p.p is not None] + [p.ucl for p in points if p.ucl is not None]
    top = min(1.0, _nice_max(max(shares, default=0.1) * 1.1 * 100) / 100)
    out += _axis(top, lambda v: f"{v:.0%}", height)
    n = max(len(points), 1)
    slot = (W - LEFT - RIGHT) / n
    plot_h = height - TOP - BOTTOM

    def y_of(v: float) -> float:
        return height - BOTTOM - plot_h * min(v, top) / top

    def x_of(i: int) -> float:
        return LEFT + slot * (i + 0.5)

    if center is not None:
        out.append(
            f'<line x1="{LEFT}" y1="{y_of(center):.1f}" x2="{W - RIGHT}" y2="{y_of(center):.1f}" '
            f'stroke="{BRAND}" stroke-dasharray="8 4" stroke-width="1.5"/>'
        )
    ucl = [(x_of(i), y_of(p.ucl)) for i, p in enumerate(points) if p.ucl is not None]
    if ucl:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in ucl)
        out.append(f'<polyline points="{path}" fill="none" stroke="{BAD}" stroke-dasharray="2 3" stroke-width="1.5"/>')
    line = [(x_of(i), y_of(p.p)) for i, p in enumerate(points) if p.p is not None and p.state != "too_small"]
    if line:
        out.append(
            f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in line)}" fill="none" '
            f'stroke="{INK}" stroke-width="1.5"/>'
        )
    for i, p in enumerate(points):
        if p.p is None:
            continue
        x, y = x_of(i), y_of(p.p)
        tip = f"{p.period_start.isoformat()} : {p.p:.1%} ({p.events}/{p.n}) · {labels.get(p.state, p.state)}"
        if p.state in ("above", "below"):
            out.append(
                f'<path d="M{x:.1f},{y - 9:.1f} L{x + 8:.1f},{y + 6:.1f} L{x - 8:.1f},{y + 6:.1f} Z" '
                f'fill="{BAD}" stroke="{INK}"><title>{escape(tip)}</title></path>'
            )
            out.append(_text(x, y + 4, "!", size=11, fill="#fff", weight="bold"))
        elif p.state == "too_small":
            out.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#fff" stroke="{MUTED}">'
                f"<title>{escape(tip)}</title></circle>"
            )
        else:
            fill = "#fff" if p.state == "baseline" else INK
            out.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{fill}" stroke="{INK}" stroke-width="1.5">'
                f"<title>{escape(tip)}</title></circle>"
            )
        if i % max(1, n // 8) == 0:
            out.append(_text(x, height - BOTTOM + 16, _short_date(p.period_start), size=11))
    legend_y = height + 12
    out.append(f'<circle cx="{LEFT - 40}" cy="{legend_y - 4}" r="4.5" fill="#fff" stroke="{INK}" stroke-width="1.5"/>')
    out.append(_text(LEFT - 30, legend_y, labels["legend_baseline"], anchor="start"))
    out.append(f'<circle cx="{LEFT + 96}" cy="{legend_y - 4}" r="4.5" fill="{INK}"/>')
    out.append(_text(LEFT + 106, legend_y, labels["legend_point"], anchor="start"))
    out.append(
        f'<path d="M{LEFT + 246},{legend_y - 12} L{LEFT + 254},{legend_y + 2} '
        f'L{LEFT + 238},{legend_y + 2} Z" '
        f'fill="{BAD}"/>'
    )
    out.append(_text(LEFT + 260, legend_y, labels["legend_out"], anchor="start"))
    out.append(
        f'<line x1="{LEFT + 420}" y1="{legend_y - 4}" x2="{LEFT + 450}" y2="{legend_y - 4}" stroke="{BRAND}" '
        f'stroke-dasharray="8 4" stroke-width="1.5"/>'
    )
    out.append(_text(LEFT + 456, legend_y, labels["legend_center"], anchor="start"))
    out.append(
        f'<line x1="{LEFT + 540}" y1="{legend_y - 4}" x2="{LEFT + 570}" y2="{legend_y - 4}" stroke="{BAD}" '
        f'stroke-dasharray="2 3" stroke-width="1.5"/>'
    )
    out.append(_text(LEFT + 576, legend_y, labels["legend_limit"], anchor="start"))
    out.append("</svg>")
    return Markup("".join(out))


def _short_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}"
