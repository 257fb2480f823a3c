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
body[data-voila] .jp-RenderedMarkdown table { font-size: 1em; }
body[data-voila] .jp-RenderedMarkdown h1 { font-size: 2.1em; color: #0b3d5c; }
body[data-voila] .jp-RenderedMarkdown table { font-size: 1em; margin: 0.6em 0 1em; }
body[data-voila] .jp-RenderedMarkdown th, body[data-voila] .jp-RenderedMarkdown td {
  text-align: left; vertical-align: top; padding: 0.35em 0.7em; }
body[data-voila] .jp-RenderedMarkdown h2 { font-size: 1.55em; color: #0b3d5c; margin-top: 1.6em; }
body[data-voila] .jp-RenderedMarkdown table { font-size: 17px; table-layout: auto; width: 100%;
  border-collapse: collapse; margin: 0.6em 0 1em; }
body[data-voila] .jp-RenderedMarkdown th, body[data-voila] .jp-RenderedMarkdown td {
  text-align: left; vertical-align: top; padding: 0.5em 0.7em; line-height: 1.45;
  border: 1px solid #c9d7e1; }
body[data-voila] .jp-RenderedMarkdown thead th { background: #0b3d5c; color: #fff; }
body[data-voila] .jp-RenderedMarkdown tbody tr:nth-child(odd) { background: #f6fafd; }
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
.nk-stacked > select, .nk-stacked > input, .nk-stacked > textarea,
  .nk-stacked > .widget-toggle-buttons {
  flex: 0 0 auto !important; }
.nk-stacked > select, .nk-stacked > input { height: 40px; max-width: 28em; }
.nk-short > input { max-width: 10em !important; }
.nk-stacked > .widget-label, .nk-page .widget-label { white-space: normal !important;
  width: auto !important; max-width: none !important; font-weight: 600; color: #111;
  overflow: visible !important; line-height: 1.35; }
.nk-page textarea, .nk-exercise textarea, .nk-exercise input, .nk-page input {
  font-size: 18px !important; color: #111 !important; border: 2px solid #6b8aa0 !important;
  background: #fff !important; }
.nk-exercise textarea, .nk-exercise input { box-sizing: border-box; }
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
.nk-exercise > button.nk-button { align-self: flex-start; }
.nk-page .widget-html-content, .nk-exercise .widget-html-content { line-height: 1.5; }
.nk-stacked > .widget-label { text-align: left !important; height: auto !important; display: block;
  line-height: 1.35 !important; }
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
.nk-share-closed { background: #fff3cd; border-left: 5px solid #c79100; padding: 0.2em 0.6em; }
.nk-results { background: #f7f4fc; border: 1px solid #d9cdea; border-radius: 8px;
  padding: 0.4em 1em; margin-top: 0.6em; }
.nk-results h4 { margin: 0.6em 0 0.2em; color: #0b3d5c; }
.nk-results .nk-answers { list-style: disc; padding-left: 1.4em; }
.nk-bar { display: inline-block; width: 8em; height: 0.8em; background: #e4dcef;
  border-radius: 4px; vertical-align: middle; }
.nk-bar > span { display: block; height: 100%; background: #6a3d9a; border-radius: 4px; }
.nk-recalled { background: #eef5fa; border-left: 5px solid #0b6ea8; padding: 0.2em 0.9em;
  margin: 0.4em 0; }
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
.nk-case { background: #fff8e6; border-left: 6px solid #c79100; padding: 0.6em 1em;
  margin: 0.3em 0 0.6em; }
.nk-phase-box { border-top: 2px solid #d5e1ea; padding-top: 0.4em; margin-top: 0.4em; gap: 0.3em; }
.nk-phase { font-size: 1.15em; color: #0b3d5c; margin: 0.4em 0 0.2em; }
.nk-axes { font-weight: 400; font-size: 0.85em; color: #333; }
.nk-situation { font-style: italic; background: #f3f6f9; padding: 0.4em 0.8em; border-radius: 6px;
  margin: 0.2em 0 0.4em; }
.nk-replies .widget-radio-box { width: 100%; margin-bottom: 0 !important; }
/* ipywidgets puts the radio after its text in a fixed-height label: let long replies wrap,
   radio first, the whole reply a large click target. */
.nk-replies .widget-radio-box label { height: auto !important; white-space: normal !important;
  display: flex; flex-direction: row-reverse; justify-content: flex-end; align-items: flex-start;
  gap: 0.6em; line-height: 1.4; font-size: 18px; color: #111; padding: 0.4em 0.6em;
  margin: 0 0 0.4em; border: 1px solid #b9cfdf; border-radius: 6px; background: #fff;
  cursor: pointer; }
.nk-replies .widget-radio-box label:has(input:checked) { border: 2px solid #0b6ea8;
  background: #e8f2fa; }
.nk-replies .widget-radio-box input { flex: 0 0 auto; width: 1.2em; height: 1.2em;
/* A sorting card: one statement (the radio group's label) and its categories. */
.nk-card-item { border: 2px solid #b9cfdf; border-radius: 8px; padding: 0.6em 1em 0.8em;
  background: #fff; gap: 0.3em; }
.nk-sort-choice > .widget-label { font-size: 1.15em !important; font-weight: 700; color: #0b3d5c; }
.nk-card-item .nk-where { margin: 0; font-size: 0.95em; color: #333; }
  margin: 0.15em 0 0; }
.nk-grid { border-collapse: collapse; margin: 0.3em 0 0.9em; width: 100%; table-layout: fixed; }
.nk-grid th, .nk-grid td { border: 2px solid #0b3d5c; padding: 0.5em 0.7em; vertical-align: top;
  text-align: left; font-size: 17px; line-height: 1.45; }
.nk-grid thead td { border: none; width: 7.5em; }
.nk-grid thead th { background: #0b3d5c; color: #fff; text-align: center; }
.nk-grid tbody th { background: #e4eef5; color: #0b3d5c; width: 7.5em; }
.nk-grid td { background: #f6fafd; }
.nk-cycle { flex-flow: row wrap !important; gap: 1em 1.5em; align-items: flex-start; }
.nk-cycle-stage { flex: 1 1 20rem; min-width: 18rem; }
.nk-cycle-stage .nk-stacked { width: calc(100% - 8px) !important; }  /* room for the borders */
.nk-cycle-picture { flex: 0 1 30rem; min-width: 18rem; }
.nk-where { font-size: 1.1em; color: #0b3d5c; margin: 0.4em 0 0.2em; }
.nk-step-title { font-size: 1.15em; color: #0b3d5c; margin: 0.2em 0 0.4em; }
.nk-steps { margin: 0.2em 0; padding-left: 1.6em; font-size: 1.05em; }
.nk-steps li { margin: 0.35em 0; }
.nk-card { border: 3px solid #0b6ea8; border-radius: 10px; padding: 0.6em 1.2em; margin-top: 0.6em;
  background: #fff; }
.nk-card h3 { color: #0b3d5c; margin: 0.2em 0; }
.nk-card-label { font-weight: 700; color: #0b3d5c; margin-top: 0.6em; }
.nk-label { margin: 0.4em 0 0; }
.nk-exercise .widget-checkbox { width: auto !important; margin-right: 1.2em; }
.nk-exercise .widget-checkbox label { font-size: 18px; }
/* A checkbox's text wraps instead of ending in »…« on a phone (ipywidgets cuts it off). */
.nk-exercise .widget-checkbox { height: auto !important; max-width: 100%; }
.nk-exercise .widget-checkbox label { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; height: auto !important; line-height: 1.35; }
.nk-exercise input[type="checkbox"] { width: 1.3em; height: 1.3em; }
.nk-figures { font-size: 0.95em; width: 100%; }
.nk-figures td:nth-child(n+2) { white-space: nowrap; }
.nk-figures th:nth-child(n+2) { text-align: right; }
.nk-group { font-size: 0.88em; color: #333; }
.nk-pair > .nk-stacked { width: auto !important; flex: 1 1 16em; }
.nk-figures caption { text-align: left; font-weight: 700; color: #0b3d5c; padding: 0.2em 0; }
.nk-figures td:nth-child(n+2) { text-align: right; font-variant-numeric: tabular-nums; }
.nk-case { background: #f3f0e8; border-left: 6px solid #8a6d1f; padding: 0.4em 1em;
  margin: 0.4em 0 0.6em; border-radius: 6px; }
.nk-case p { margin: 0.35em 0; }
.nk-case-title { font-weight: 700; color: #5b4712; }
.nk-stacked > .widget-label { height: auto !important; line-height: 1.35 !important; }
.nk-questions { font-weight: 400; margin: 0.25em 0 0.1em; padding-left: 1.4em; }
.nk-questions li { margin: 0.1em 0; }
.nk-now { margin: 0.2em 0; font-size: 1.05em; }
.nk-occasion .widget-toggle-button { padding: 0 1em; }
.nk-right-order { margin: 0.3em 0 0.2em; padding-left: 1.6em; }
.nk-right-order li { margin: 0.3em 0; }
.nk-ok-mark { color: #1b7837; font-weight: 700; }
.nk-miss-mark { color: #9a4508; font-weight: 700; }
.nk-explanation { background: #eef5fa; border-radius: 6px; padding: 0.2em 1em; margin-top: 0.5em; }
.nk-progress { white-space: nowrap; width: 9em; }
.nk-progress progress, .nk-page-progress progress { width: 6em; height: 0.9em; margin-left: 0.5em;
  vertical-align: middle; accent-color: #1b7837; }
.nk-count { font-variant-numeric: tabular-nums; font-weight: 600; }
.nk-done { color: #1b7837; font-weight: 700; display: block; }
.nk-track { margin-bottom: 1.2em; }
.nk-track-progress { margin: 0.2em 0 0.4em; }
.nk-nav p { margin: 0.2em 0; }
.nk-page-progress .nk-done { display: inline; margin-left: 0.6em; }
.nk-preview { border: 1px dashed #6b8aa0; padding: 0.5em 1em; margin-top: 0.5em; background: #fff; }
.nk-part { font-weight: 700; font-size: 1.08em; color: #0b3d5c; margin: 0.9em 0 0.1em; }
.nk-row > .nk-stacked.nk-inline { width: auto !important; flex: 0 0 10em;
  margin-bottom: 0 !important; }
.nk-row > .nk-stacked.nk-inline.nk-wide { flex: 1 1 10em; }
.nk-inline > input { max-width: none !important; width: 100%; }
.nk-inline > .widget-label { white-space: nowrap !important; }
.nk-row > .nk-stacked.nk-inline.nk-long-label { flex: 0 0 17em; }
.nk-agenda-row { border-bottom: 1px solid #d5e1ea; padding: 0.35em 0; }
.nk-slot { flex: 0 0 8em; align-self: flex-end; padding-bottom: 0.4em; }
.nk-exercise .nk-time { font-weight: 600; }
.nk-board { background: #0b3d5c; color: #fff; border-radius: 10px; padding: 0.8em 1em 1em;
  margin: 0.6em 0; text-align: center; align-items: center; }
.nk-board .widget-html-content { color: #fff; }
.nk-board-label { font-size: 1.3em; letter-spacing: 0.04em; }
.nk-board-name { font-size: 3.2em; font-weight: 800; line-height: 1.15; overflow-wrap: anywhere; }
.nk-board-next { font-size: 1.25em; margin-top: 0.2em; }
.nk-board-timer { font-size: 7.5rem; font-weight: 800; line-height: 1.05;
  font-variant-numeric: tabular-nums;
  padding: 0 0.3em; border-radius: 12px; display: inline-block; }
.nk-board-timer.nk-low { color: #ffd27a; }
.nk-board-timer.nk-up { background: #b3261e; color: #fff; }
.nk-board-note { font-size: 1.25em; margin: 0.2em 0 0.4em; }
.nk-board-controls { justify-content: center; margin-top: 0.4em; }
.nk-board-controls button { font-size: 19px !important; min-height: 46px; }
.nk-board-row { border-bottom: 1px solid #d5e1ea; padding: 0.4em 0.6em; }
.nk-board-row.nk-current { background: #fff3cd; border-left: 6px solid #c79100; }
.nk-board-name-cell { font-size: 1.1em; align-self: center; min-width: 14em; }
.nk-now { background: #c79100; color: #111; border-radius: 4px; padding: 0 0.4em;
  margin-left: 0.4em;
  font-weight: 700; font-size: 0.9em; }
.nk-done { color: #1b5e20; font-size: 0.9em; margin-left: 0.4em; }
.nk-question { margin: 0; font-size: 1.05em; }
.nk-suggestion, .nk-chosen-row { border-bottom: 1px solid #d5e1ea; padding: 0.35em 0;
  align-items: center !important; flex-wrap: nowrap !important; }
.nk-suggestion .nk-help { margin: 0; }
.nk-row > .nk-stacked.nk-inline.nk-minutes { flex: 0 0 6.5em; }
.nk-stacked.nk-wide-input > input { max-width: none !important; }
.nk-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
/* Plans: weeks, rows of fields, catalogue, the gathered plan (05–07). */
.nk-group { font-size: 1.12em; color: #0b3d5c; margin: 0.9em 0 0.2em; }
.nk-tag { display: inline-block; padding: 0 0.5em; border-radius: 4px; font-size: 0.85em;
  font-weight: 600; color: #fff; white-space: nowrap; }
.nk-kind-0 { background: #0b5f99; } .nk-kind-1 { background: #8a5a00; }
  .nk-kind-2 { background: #00694d; }
.nk-weeks { gap: 4px 6px !important; }
.nk-week button, button.nk-week { min-width: 4.6em; width: auto !important; padding: 0 0.5em; }
.nk-plan-row { border: 1px solid #c9d7e1; border-radius: 6px; padding: 0.4em 0.8em 0.2em;
  margin: 0.3em 0 0.5em; background: #fff; }
.nk-plan-fields .nk-stacked { width: auto !important; flex: 1 1 15em !important; min-width: 12em; }
.nk-plan-fields .nk-field-dato { flex: 0 1 13em !important; }
.nk-plan-fields .nk-field-title { flex: 2 1 24em !important; }
.nk-plan-fields .nk-field-langtekst { flex: 1 1 100% !important; }
.nk-plan-fields .nk-field-langtekst textarea { min-height: 2.8em !important; height: 3.4em; }
.nk-plan-fields .nk-field-valg { flex: 0 1 14em !important; }
.nk-plan-fields .nk-stacked > input, .nk-plan-fields .nk-stacked > select { max-width: none;
  width: 100%; }
.nk-catalogue { gap: 0.1em; }
.nk-catalogue-entry { align-items: flex-start !important; gap: 0.8em;
  border-bottom: 1px solid #e1e9ef;
  padding: 0.25em 0; }
.nk-catalogue-entry .nk-item { margin: 0; }
.nk-own-row .nk-stacked { flex: 1 1 20em !important; width: auto !important; }
.nk-own-row .nk-stacked > input { max-width: none; }
.nk-parts caption { text-align: left; font-weight: 700; font-size: 1.1em; color: #0b3d5c;
  padding-bottom: 0.3em; }
.nk-parts th[scope="row"] { background: #eef5fa; color: #0b3d5c; }
.nk-parts ul { margin: 0.1em 0 0; padding-left: 1.1em; }
.nk-parts a { color: #0b5a8a; font-weight: 600; }
.nk-done { color: #0d5c26; font-weight: 700; }
.nk-missing { color: #7a4d00; font-weight: 700; }
.nk-follow-ups { margin: 0.2em 0 0.6em; }
/* Time and social form, the after-course section, the recap, background notes, trios. */
.nk-meta { margin: -0.1em 0 0.4em; font-size: 0.95em; font-weight: 600; color: #234; }
.nk-meta.nk-after-course { color: #5b3b00; background: #fff3cd; border-radius: 4px;
  display: inline-block; padding: 0.05em 0.5em; }
.nk-plan-time { white-space: nowrap; width: 9em; font-variant-numeric: tabular-nums; }
.nk-plan-count { font-variant-numeric: tabular-nums; font-weight: 600; }
.nk-plan-time small { display: block; color: #333; font-size: 0.85em; white-space: normal; }
.nk-exercise.nk-recap { border-color: #1b7837; background: #f3faf4; }
.nk-recap-points { margin: 0.2em 0 0.6em; padding-left: 1.3em; }
.nk-recap-points li { margin: 0.25em 0; }
.jp-RenderedMarkdown details.nk-background, details.nk-background { border-left: 5px solid #6b8aa0;
  background: #f6f8fa; border-radius: 6px; padding: 0.3em 0.9em; margin: 0.6em 0 1em; }
details.nk-background > summary { cursor: pointer; font-weight: 700; color: #0b3d5c;
  padding: 0.3em 0; min-height: 32px; }
details.nk-background > summary:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
details.nk-background[open] > summary { margin-bottom: 0.2em; }
.nk-your-role { font-size: 1.15em; margin: 0.3em 0; }
.nk-seats { list-style: none; padding: 0; margin: 0.2em 0 0.6em; }
.nk-seats li { border: 1px solid #c9d7e1; border-left: 6px solid #0b3d5c; border-radius: 6px;
  padding: 0.35em 0.8em; margin: 0.3em 0; background: #fff; }
.nk-seats li.nk-you { background: #fff3cd; border-left-color: #c79100; }
.nk-seat-role { font-weight: 700; color: #0b3d5c; }
.nk-seat-who { font-weight: 700; }
.nk-tally caption { text-align: left; font-weight: 700; color: #0b3d5c;
  padding-bottom: 0.3em; }
.nk-trio-timer .nk-board-timer { font-size: 5.5rem; }
.nk-observation { border-top: 2px solid #d5e1ea; margin-top: 0.5em; padding-top: 0.3em; }
.nk-look-legend { margin: 0.1em 0 0.3em; padding-left: 1.2em; font-size: 0.92em; color: #222; }
.nk-ticks .widget-checkbox { width: auto !important; min-width: 12em; }
.nk-ticks .widget-checkbox label { font-size: 18px; color: #111; }
.nk-ticks input[type="checkbox"] { width: 22px; height: 22px; }
.nk-tally td { font-variant-numeric: tabular-nums; }
.nk-tally .nk-sheets { font-weight: 400; font-size: 0.85em; color: #fff; }
.nk-tally .nk-look-row th { background: #eef5fa; color: #0b3d5c; }
/* Every width from a phone (360 px) to a projector: nothing wider than the screen, nothing
   printed over anything else. A long word breaks only where it cannot fit at all. */
body[data-voila] .jp-RenderedMarkdown, .nk-page, .nk-exercise, .nk-exercise td,
  .nk-exercise th { overflow-wrap: break-word; }
.nk-stacked { width: calc(100% - 2 * var(--jp-widgets-margin, 2px)) !important; }
.nk-page button, .nk-exercise button { max-width: 100%; }
.nk-row > *, .nk-exercise .widget-hbox > .widget-html { min-width: 0; }
.nk-row > .widget-html, .nk-catalogue-entry > .widget-html { flex: 1 1 12em; }
.nk-inline > .widget-label { white-space: normal !important; }  /* the row aligns the inputs */
.nk-grid td, .nk-grid th { overflow-wrap: anywhere; }
.nk-programme > .widget-html-content, .nk-navigation > .widget-html-content { line-height: 1.5; }
.nk-personal-code { font-family: var(--jp-code-font-family, monospace); letter-spacing: 0.08em;
  white-space: nowrap; }
@media (max-width: 600px) {
  body[data-voila] .jp-Notebook { padding: 0.5rem 0.6rem 3rem; }
  body[data-voila] .jp-RenderedMarkdown h1 { font-size: 1.6em; }
  body[data-voila] .jp-RenderedMarkdown h2 { font-size: 1.3em; }
  body[data-voila] .jp-RenderedMarkdown blockquote { margin-left: 0.5em; margin-right: 0;
    padding-left: 0.6em; }
  .nk-title { font-size: 1.2em; }
  .nk-exercise { padding: 0.6em 0.7em 0.8em; }
  .nk-identity { padding: 0.5em 0.7em; }
  body[data-voila] .jp-RenderedMarkdown, .nk-page, .nk-exercise { overflow-wrap: anywhere; }
  .nk-page button, .nk-exercise button { white-space: normal !important; height: auto !important;
    line-height: 1.3; padding-top: 0.3em; padding-bottom: 0.3em;
    max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px)) !important; }
  .nk-exercise .widget-hbox { flex-wrap: wrap !important; }
  .nk-row > .nk-stacked.nk-inline, .nk-row > .nk-stacked.nk-inline.nk-long-label,
    .nk-row > .nk-stacked.nk-inline.nk-minutes, .nk-pair > .nk-stacked,
    .nk-plan-fields .nk-stacked { flex: 1 1 100% !important; min-width: 0 !important; }
  .nk-board-name-cell { min-width: 0; }
  .nk-board-timer { font-size: 4.5rem; }
  /* Tables reflow: each row a block, each cell under its column's name (the course template
     gives every cell of a table with a header its data-label). */
  table.nk-reflow, table.nk-reflow > tbody, table.nk-reflow tr, table.nk-reflow td,
    table.nk-reflow th, table.nk-reflow > caption { display: block; width: auto !important; }
  table.nk-reflow > thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  table.nk-reflow tr { border-bottom: 2px solid #c9d7e1; padding: 0.3em 0; }
  table.nk-reflow td, table.nk-reflow th { border: none !important; padding: 0.15em 0.4em; }
  table.nk-reflow td[data-label]::before { content: attr(data-label); display: block;
    font-weight: 700; color: #0b3d5c; font-size: 0.9em; }
  table.nk-reflow td:empty { display: none; }
  .nk-time, .nk-progress { width: auto !important; }
}
</style>"""
