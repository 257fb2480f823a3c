"""The small controls every exercise and page is built from: rows, buttons, labelled fields."""

from __future__ import annotations

from datetime import date

import ipywidgets as ipw

from widgets.markup import esc


def row(children, *classes) -> ipw.HBox:
    """Controls side by side that wrap on narrow screens."""
    box = ipw.HBox(list(children))
    for c in ("nk-row", *classes):
        box.add_class(c)
    return box


def button_row(*buttons) -> ipw.HBox:
    """Buttons side by side at their natural width (a VBox would stretch them)."""
    return row(buttons)


def button(description: str, icon: str, tooltip: str, *classes: str, **options) -> ipw.Button:
    """A button with a visible text, an icon and a tooltip; styled »nk-button« unless
    ``classes`` are given (e.g. »nk-small« for a button in a row of a list)."""
    b = ipw.Button(description=description, icon=icon, tooltip=tooltip, **options)
    for c in classes or ("nk-button",):
        b.add_class(c)
    return b


def tick_source(interval_ms: int, **options) -> ipw.Play:
    """A hidden ``Play`` that counts in the browser every ``interval_ms`` while it plays: a
    timer's ticks without a thread in the kernel (``options``: e.g. repeat, description)."""
    return ipw.Play(
        value=0,
        min=0,
        max=10**9,
        interval=interval_ms,
        show_repeat=False,
        layout={"display": "none"},
        **options,
    )


def labelled(widget, label: str):
    """A visible label above a control that screen readers also read."""
    widget.description = label
    # Styles are shared models (widgets/shared.py): the same style with a wide description.
    style = widget.style
    kept = {k: getattr(style, k) for k in style.keys if not k.startswith("_")}
    widget.style = {**kept, "description_width": "initial"}
    widget.add_class("nk-stacked")
    return widget


def text_area(label: str, placeholder: str = "", height: str | None = None, **options):
    """A text area across the width with a visible label (``options``: e.g. value, rows)."""
    layout = {"width": "100%"} if height is None else {"width": "100%", "height": height}
    return labelled(ipw.Textarea(placeholder=placeholder, layout=layout, **options), label)


def prompt_box(prompt, height: str = "7.5em", placeholder: str = "Skriv dine tanker her …"):
    """A text box for a prompt; its questions (if any) are part of the visible label."""
    box = text_area(prompt.text, prompt.hint or placeholder, height)
    if prompt.questions:
        # The browser sanitises the label to inline tags plus lists; all text is escaped here.
        box.description = (
            f"{esc(prompt.text)}<ul class='nk-questions'>"
            + "".join(f"<li>{esc(q)}</li>" for q in prompt.questions)
            + "</ul>"
        )
        box.description_allow_html = True
    return box


def entry_problem(text: str, what: str, limit: int, missing: str = "") -> str:
    """Why a participant's own entry (spaces already collapsed) cannot be added, in Danish: it is
    empty (``missing`` names it then, if given) or longer than ``limit``; "" when it can."""
    if not text:
        return f"Skriv først {missing or what} i feltet."
    if len(text) > limit:
        return f"Skriv {what} kortere (højst {limit} tegn). Teksten står stadig i feltet."
    return ""


def position(items: list, item) -> int | None:
    """Where ``item`` — the very object a row was drawn for — is in ``items`` now; None if gone.

    Row buttons act on the item they were drawn for, never on a position: a double click, or a
    click that arrives after the list has changed, must not hit a neighbouring item.
    """
    return next((i for i, x in enumerate(items) if x is item), None)


# --- a field from data/ ---------------------------------------------------------------------


def field_control(field):
    """The control for a field from data/, without its label."""
    if field.type == "langtekst":
        return ipw.Textarea(placeholder=field.help, layout={"width": "100%", "height": "6em"})
    if field.type == "tal":
        control = ipw.Text(placeholder="fx 8")
        control.add_class("nk-short")
        return control
    if field.type == "klokkeslæt":
        # Checked when the participant leaves the field, not at every keystroke of "10.00".
        control = ipw.Text(placeholder="fx 10.00", continuous_update=False)
        control.add_class("nk-short")
        return control
    if field.type == "valg":
        return ipw.Dropdown(options=[("Vælg …", "")] + [(o, o) for o in field.options], value="")
    if field.type == "dato":
        return ipw.DatePicker(value=None)
    return ipw.Text(placeholder=field.help, layout={"width": "100%"})


def field_label(field) -> str:
    """A field's label, with * when it must be filled in."""
    return field.label + (" *" if field.required else "")


def required_note() -> ipw.HTML:
    """What the * after a label means."""
    return ipw.HTML('<p class="nk-help">Felter med * skal udfyldes.</p>')


def field_input(field):
    """The control for a field from data/ with its label (and * when it is required)."""
    return labelled(field_control(field), field_label(field))


def form_values(controls: dict) -> dict:
    """The values of a form's controls (by field id) as the workbook keeps them."""
    return {field_id: control_value(c) for field_id, c in controls.items()}


def restore_form(controls: dict, fields, values: dict) -> None:
    """Show saved values in a form's controls (by field id)."""
    for f in fields:
        set_control(controls[f.id], f, values.get(f.id))


def control_value(control):
    """A control's value as the workbook keeps it (dates as ISO text)."""
    v = control.value
    return v.isoformat() if isinstance(v, date) else v


def set_control(control, field, value) -> None:
    """Show a saved value; a value that no longer fits leaves the control empty."""
    try:
        if field.type == "dato":
            control.value = date.fromisoformat(value) if value else None
        elif field.type == "valg":
            control.value = value if value in field.options else ""
        else:
            control.value = str(value or "")
    except (TypeError, ValueError):
        control.value = None if field.type == "dato" else ""
