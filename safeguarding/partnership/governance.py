"""Draws the governance structure as an SVG tree (server-side, no script), with the same
structure available as a nested list for people who cannot see the drawing."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from safeguarding.partnership.selectors import GroupNode

BOX_W = 210
BOX_H = 64
GAP_X = 20
GAP_Y = 56
PAD = 10


@dataclass
class _Placed:
    node: GroupNode
    x: float
    y: float


def _wrap(text: str, width: int = 28) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if len(candidate) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines[:3]


def _layout(
    roots: list[GroupNode],
) -> tuple[list[_Placed], list[tuple[_Placed, _Placed]], float, float]:
    placed: list[_Placed] = []
    edges: list[tuple[_Placed, _Placed]] = []
    next_x = [PAD]
    max_depth = [0]

    def place(node: GroupNode, depth: int) -> _Placed:
        max_depth[0] = max(max_depth[0], depth)
        y = PAD + depth * (BOX_H + GAP_Y)
        children = [place(child, depth + 1) for child in node.children]
        if children:
            x = (children[0].x + children[-1].x) / 2
        else:
            x = next_x[0]
            next_x[0] += BOX_W + GAP_X
        me = _Placed(node=node, x=x, y=y)
        placed.append(me)
        for child in children:
            edges.append((me, child))
        return me

    for root in roots:
        place(root, 0)
    width = max(next_x[0] - GAP_X + PAD, BOX_W + 2 * PAD)
    height = PAD * 2 + (max_depth[0] + 1) * (BOX_H + GAP_Y) - GAP_Y
    return placed, edges, width, height


def governance_svg(roots: list[GroupNode], *, title_id: str = "governance-title") -> str:
    placed, edges, width, height = _layout(roots)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">Governance structure: {len(placed)} groups. '
        "The same structure is listed as text below the diagram.</title>",
    ]
    for parent, child in edges:
        x1, y1 = parent.x + BOX_W / 2, parent.y + BOX_H
        x2, y2 = child.x + BOX_W / 2, child.y
        mid = (y1 + y2) / 2
        parts.append(
            f'<path d="M{x1:.0f},{y1:.0f} V{mid:.0f} H{x2:.0f} V{y2:.0f}" '
            'fill="none" stroke="#505a5f" stroke-width="2"/>'
        )
    for box in placed:
        group = box.node.group
        fill = (
            "#1d70b8" if box.node.depth == 0 else ("#d2e2f1" if box.node.depth == 1 else "#f3f2f1")
        )
        colour = "#ffffff" if box.node.depth == 0 else "#0b0c0c"
        parts.append(
            f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{BOX_W}" height="{BOX_H}" '
            f'fill="{fill}" stroke="#0b0c0c" stroke-width="1"/>'
        )
        lines = _wrap(group.name)
        start_y = box.y + BOX_H / 2 - (len(lines) - 1) * 8 + 5
        for i, line in enumerate(lines):
            parts.append(
                f'<text x="{box.x + BOX_W / 2:.0f}" y="{start_y + i * 16:.0f}" '
                f'text-anchor="middle" font-size="13" fill="{colour}">{escape(line)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
