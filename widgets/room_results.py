"""The room's results on a participant's own page, once the facilitator has revealed them.

Plain HTML, no pictures: forty pages may open the results at the same moment, and a table of
numbers costs a kernel nothing to draw. Never names: the screen may show a name a participant
shared with it, a colleague's page does not. Participant text is always escaped.
"""

from __future__ import annotations

from course.danish import decimal
from course.summary import RoomSummary
from widgets.markup import esc


def _bar(share: float, label: str) -> str:
    width = max(0.0, min(1.0, share)) * 100
    return (
        f'<span class="nk-bar" role="img" aria-label="{esc(label)}">'
        f'<span style="width: {width:.0f}%"></span></span>'
    )


def results_html(summary: RoomSummary) -> str:
    """What the room answered to one exercise, for a participant's page."""
    ex = summary.exercise
    parts = [
        f'<p class="nk-results-title"><b>Rummets svar</b> – vist af kursuslederen. '
        f"{summary.answered} har svaret.</p>"
    ]
    if not summary.answered:
        return '<div class="nk-results">' + parts[0] + "<p>Ingen svar endnu.</p></div>"
    rated = [r for r in summary.ratings if r.n]
    if rated:
        scale = ex.scale
        rows = "".join(
            f"<tr><th scope='row'>{esc(r.text)}</th>"
            f"<td>{decimal(r.mean)}</td><td>{r.n}</td>"
            f"<td>{_bar((r.mean - scale.min) / (scale.max - scale.min), decimal(r.mean))}</td></tr>"
            for r in rated
        )
        parts.append(
            f'<table class="nk-table nk-results-table"><thead><tr><th scope="col">Punkt</th>'
            f'<th scope="col">Gennemsnit ({scale.min}–{scale.max})</th>'
            f'<th scope="col">Svar</th><th scope="col"></th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    ranked = [r for r in summary.ranks if r.mean_rank is not None]
    if ranked:
        items = "".join(
            f"<li>{esc(r.text)} <span class='nk-help'>(gennemsnitlig plads "
            f"{decimal(r.mean_rank)})</span></li>"
            for r in ranked
        )
        parts.append(f"<p>Rummets rækkefølge, vigtigst øverst:</p><ol>{items}</ol>")
    if summary.sorts:
        items = "".join(
            f"<li>{esc(r.text)}: <b>{r.counts.get(r.right, 0)}</b> af "
            f"{sum(r.counts.values())} placerede den rigtigt</li>"
            for r in summary.sorts
            if sum(r.counts.values())
        )
        parts.append(f"<ul>{items}</ul>")
    if summary.plans is not None:
        plans = summary.plans
        groups = "".join(f"<li>{esc(title)}: <b>{n}</b></li>" for title, n in plans.groups)
        parts.append(f"<p><b>{plans.actions}</b> handlinger i alt:</p><ul>{groups}</ul>")
    for group in summary.texts:
        if not group.texts:
            continue
        words = (
            f"<p class='nk-help'>Ord, der går igen: "
            f"{esc(', '.join(f'{w} ({n})' for w, n in group.words))}</p>"
            if group.words
            else ""
        )
        items = "".join(f"<li>{esc(text)}</li>" for _, text in group.texts)
        parts.append(f"<h4>{esc(group.title)}</h4>{words}<ul class='nk-answers'>{items}</ul>")
    return (
        '<div class="nk-results" role="region" aria-label="Rummets svar">'
        + "".join(parts)
        + "</div>"
    )
