"""The course's look: large, high-contrast type that reads on a projector.

Injected once per page by the page's top bar; every rule is scoped to the
course's own classes or to Voilà's page, so JupyterLab's own UI is left alone.
"""

STYLE = """<style>
body.jp-Notebook, .voila-body, body[data-voila] {
  --jp-content-font-size1: 19px; --jp-ui-font-size1: 17px;
  --jp-content-font-color1: #111; --jp-widgets-font-size: 18px;
  --jp-widgets-inline-height: 40px; --jp-widgets-inline-label-width: 16em;
}
body[data-voila] .jp-Cell, body[data-voila] .jp-OutputArea-output { max-width: 60rem; }
body[data-voila] .jp-Notebook { padding: 1rem 2rem 4rem; }
body[data-voila] .jp-RenderedMarkdown { line-height: 1.55; }
body[data-voila] .jp-RenderedMarkdown h1 { font-size: 2.1em; color: #0b3d5c; }
body[data-voila] .jp-RenderedMarkdown h2 { font-size: 1.55em; color: #0b3d5c; margin-top: 1.6em; }
.nk-page, .nk-exercise { font-size: 18px; color: #111; line-height: 1.5; }
.nk-page { max-width: 60rem; }
.nk-identity { background: #eef5fa; border-left: 6px solid #0b6ea8; padding: 0.6em 1em;
  margin: 0.4em 0 0.8em; gap: 0.4em; }
.nk-exercise { border: 2px solid #b9cfdf; border-radius: 8px; padding: 0.8em 1.2em 1em;
  margin: 0.8em 0 1.4em; background: #fbfdff; max-width: 60rem; gap: 0.5em; }
.nk-title { font-size: 1.35em; margin: 0.2em 0 0.3em; color: #0b3d5c; }
.nk-intro, .nk-legend, .nk-help { margin: 0.2em 0 0.4em; }
.nk-help { color: #333; font-size: 0.92em; }
.nk-stacked { flex-direction: column !important; align-items: stretch !important; gap: 0.3em;
  margin-bottom: 0.6em !important; height: auto !important; width: 100% !important; }
.nk-stacked > select, .nk-stacked > input, .nk-stacked > textarea, .nk-stacked > .widget-toggle-buttons {
  flex: 0 0 auto !important; }
.nk-stacked > select, .nk-stacked > input { height: 40px; max-width: 28em; }
.nk-short > input { max-width: 10em !important; }
.nk-stacked > .widget-label, .nk-page .widget-label { white-space: normal !important;
  width: auto !important; max-width: none !important; font-weight: 600; color: #111;
  overflow: visible !important; line-height: 1.35; }
.nk-page textarea, .nk-exercise textarea, .nk-exercise input, .nk-page input {
  font-size: 18px !important; color: #111 !important; border: 2px solid #6b8aa0 !important;
  background: #fff !important; }
.nk-exercise textarea { min-height: 5em; line-height: 1.45; padding: 0.4em !important;
  font-family: var(--jp-content-font-family, system-ui, sans-serif) !important; }
.nk-exercise button, .nk-page button { font-size: 17px !important; min-height: 40px;
  color: #111; border: 1px solid #6b8aa0; }
.nk-exercise .jupyter-button.mod-active, .nk-exercise .widget-toggle-button.mod-active {
  background: #0b6ea8 !important; color: #fff !important; box-shadow: none; }
.nk-page button:focus-visible, .nk-exercise button:focus-visible, .nk-exercise select:focus-visible,
.nk-page a:focus-visible, .nk-exercise textarea:focus-visible, .nk-page input:focus-visible {
  outline: 3px solid #f0a500 !important; outline-offset: 2px; }
.nk-button button, button.nk-button, .nk-page .widget-upload { font-weight: 600; padding: 0 1em;
  width: auto !important; max-width: none !important; }
.nk-page .widget-html-content, .nk-exercise .widget-html-content { line-height: 1.5; }
.nk-stacked > .widget-label { text-align: left !important; }
.nk-page .widget-text, .nk-page .widget-textarea { width: auto; }
.nk-page .widget-dropdown select { font-size: 17px; color: #111; border: 2px solid #6b8aa0; }
.nk-exercise .widget-toggle-buttons .widget-toggle-button { margin: 2px 6px 2px 0; }
.nk-choice .widget-toggle-button { padding: 0 0.9em; }
.nk-item { margin: 0.3em 0; font-size: 1.02em; }
.nk-num, .nk-rank { font-weight: 700; color: #0b3d5c; margin-right: 0.3em; }
.nk-categories { margin: 0.2em 0 0.8em; }
.nk-feedback { padding: 0.4em 0.7em; border-radius: 6px; margin: 0.2em 0; }
.nk-right { background: #e3f2e6; border-left: 5px solid #1b7837; }
.nk-wrong { background: #fdebdd; border-left: 5px solid #c2570c; }
.nk-msg { padding: 0.35em 0.7em; border-radius: 6px; margin: 0.2em 0; }
.nk-ok { background: #e3f2e6; color: #0d3f1c; }
.nk-info { background: #eef2f5; color: #1f2d36; }
.nk-warn { background: #fff3cd; color: #4d3800; border-left: 5px solid #c79100; }
.nk-error { background: #fbe3e1; color: #6b1209; border-left: 5px solid #b3261e; }
.nk-advice { background: #fff3cd; padding: 0.4em 0.7em; border-radius: 6px; }
.nk-share { background: #f3eefa; border-left: 5px solid #6a3d9a; padding: 0.1em 0.8em 0.3em;
  border-radius: 6px; }
.nk-share-note { margin: 0.3em 0; }
.nk-score { font-size: 1.05em; }
.nk-picture { max-width: 100%; height: auto; margin-top: 0.5em; }
.nk-download { display: inline-block; margin: 0.2em 0.6em 0.2em 0; padding: 0.25em 0.8em;
  background: #0b6ea8; color: #fff !important; border-radius: 6px; font-weight: 600;
  text-decoration: none; }
.nk-rank-row { border-bottom: 1px solid #d5e1ea; padding: 0.4em 0; }
.nk-rank-text { font-size: 1.02em; }
.nk-own { color: #555; font-style: italic; }
.nk-small button, button.nk-small { min-height: 36px; width: auto !important; padding: 0 0.8em; }
.nk-page button, .nk-exercise button { flex-shrink: 0; }
.nk-table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
.nk-table th, .nk-table td { text-align: left; vertical-align: top; padding: 0.45em 0.7em;
  border-bottom: 1px solid #c9d7e1; }
.nk-table th { background: #0b3d5c; color: #fff; }
.nk-time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 8em; }
.nk-programme a, .nk-nav a, .nk-who a, .nk-bookmark a { color: #0b5a8a; font-weight: 600; }
.nk-programme ul { margin: 0.2em 0 0; padding-left: 1.2em; font-size: 0.92em; color: #222; }
.nk-programme h2 { color: #0b3d5c; font-size: 1.4em; margin: 0.8em 0 0.2em; }
.nk-nav { font-size: 1.05em; margin: 1.5em 0; padding: 0.8em 1em; background: #eef5fa;
  border-radius: 8px; }
.nk-row { flex-flow: row wrap !important; gap: 0.5em 1em; align-items: flex-end; }
.nk-preview { border: 1px dashed #6b8aa0; padding: 0.5em 1em; margin-top: 0.5em; background: #fff; }
</style>"""
