"""Two small widgets that ipywidgets lacks, for answering with a keyboard or a screen reader.

* :class:`ChoiceGroup`: a question's options as one radio group (a ``<fieldset>`` whose
  ``<legend>`` is the prompt, radios sharing one ``name``): one Tab stop, arrow keys move
  between options, and the options wrap on a narrow screen. ipywidgets' RadioButtons gives
  every option its own Tab stop and no group.
* :class:`LiveFeedback`: feedback in a region that exists before it changes and is marked
  ``aria-live``, so screen readers announce each new verdict.

Both are anywidget widgets (their JavaScript is the short module below, shipped with the
package, no network); tests drive them from Python through ``value``.

>>> group = ChoiceGroup(prompt="Which?", options=[("a", "a) One"), ("b", "b) Two")])
>>> group.value is None
True
>>> group.value = "b"
>>> LiveFeedback(value="<b>✓ Right.</b>").value
'<b>✓ Right.</b>'
"""
from __future__ import annotations

import anywidget
import traitlets

__all__ = ["ChoiceGroup", "LiveFeedback", "TEXT_STYLE"]

# JupyterLab's own text size and spacing, so widget text matches the lesson's prose.
TEXT_STYLE = "font-size: var(--jp-content-font-size1, 14px); line-height: var(--jp-content-line-height, 1.6);"
_TEXT = TEXT_STYLE

_CHOICE_JS = """
function render({ model, el }) {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "lessons-choice";
  const legend = document.createElement("legend");
  const name = "lessons-q-" + Math.random().toString(36).slice(2);
  fieldset.append(legend);
  const inputs = [];
  function draw() {
    legend.textContent = model.get("prompt");  // text, never HTML: nothing in it can run
    for (const label of fieldset.querySelectorAll("label")) label.remove();
    inputs.length = 0;
    for (const [value, text] of model.get("options")) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = value;
      input.checked = model.get("value") === value;
      input.addEventListener("change", () => {
        if (input.checked) { model.set("value", value); model.save_changes(); }
      });
      label.append(input, document.createTextNode(" " + text));
      fieldset.append(label);
      inputs.push(input);
    }
  }
  draw();
  model.on("change:options", draw);
  model.on("change:prompt", draw);
  model.on("change:value", () => { for (const i of inputs) i.checked = i.value === model.get("value"); });
  el.append(fieldset);
}
export default { render };
"""

_FEEDBACK_JS = """
function render({ model, el }) {
  const region = document.createElement("div");
  region.className = "lessons-feedback";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  // The HTML comes from lessons' Feedback.html(), which escapes every piece of text.
  const show = () => { region.innerHTML = model.get("value"); };
  show();
  model.on("change:value", show);
  el.append(region);
}
export default { render };
"""


class ChoiceGroup(anywidget.AnyWidget):
    """A question's options as one accessible radio group; ``value`` is the chosen letter or None."""

    _esm = _CHOICE_JS
    _css = f"""
    .lessons-choice {{ border: 0; margin: 0; padding: 0; min-width: 0; {_TEXT} }}
    .lessons-choice legend {{ padding: 0 0 4px 0; white-space: normal; font-weight: 600; }}
    .lessons-choice label {{ display: flex; gap: 6px; align-items: baseline; padding: 2px 0;
                              white-space: normal; overflow-wrap: anywhere; cursor: pointer; }}
    .lessons-choice input {{ margin: 0; flex: none; }}
    """
    prompt = traitlets.Unicode("").tag(sync=True)
    options = traitlets.List(traitlets.Tuple(traitlets.Unicode(), traitlets.Unicode())).tag(sync=True)
    value = traitlets.Unicode(None, allow_none=True).tag(sync=True)


class LiveFeedback(anywidget.AnyWidget):
    """Feedback that screen readers announce when it changes (``value``: HTML, escaped already)."""

    _esm = _FEEDBACK_JS
    _css = f".lessons-feedback {{ {_TEXT} overflow-wrap: anywhere; }} .lessons-feedback:empty {{ display: none; }}"
    value = traitlets.Unicode("").tag(sync=True)
