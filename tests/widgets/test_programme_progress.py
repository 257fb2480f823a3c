"""The start page's programme: the self-study track, estimated times and progress per page."""

from course.session import PageRequest
from widgets import CoursePage


def voila_page(store, session="velkommen", code=""):
    return CoursePage(session, folder=str(store.folder), request=PageRequest(True, code))


def test_without_a_workbook_the_programme_shows_both_tracks_but_no_progress(store):
    html = voila_page(store).programme().value
    assert '<section class="nk-track nk-track-kursusdag"><h2>Kursusdagen</h2>' in html
    assert (
        '<section class="nk-track nk-track-selvstudium"><h2>Selvstudium – baggrundsviden</h2>'
        in html
    )
    assert html.index("Kursusdagen") < html.index("Selvstudium – baggrundsviden")
    assert (
        "<td class='nk-time'>ca. 60 min.</td>" in html
        and "<td class='nk-time'>09.00–09.30</td>" in html
    )
    assert '<th scope="col">Varighed</th>' in html and '<th scope="col">Tid</th>' in html
    assert '<th scope="col">Dine svar</th>' not in html and "nk-progress" not in html
    assert 'href="10_fra_bip_til_praksis.ipynb"' in html


def test_progress_per_page_follows_the_workbook_and_each_new_answer(store, workbook):
    workbook.save_answer("refleksionstyper", {"answers": {"r01": "selv"}})
    workbook.save_answer("bip_case", {"selv": "", "kritisk": "  "})  # blank: not an answer
    workbook.save_answer("videnskilder", {"ratings": {"borgere": 4}, "texts": {}})
    page = voila_page(store, code=workbook.id)
    programme = page.programme()
    html = programme.value
    assert '<th scope="col">Dine svar</th>' in html
    bip_row = html[html.index("Fra BIP til praksis") :]
    assert bip_row.index("<span class='nk-count'>1 af 6</span>") < bip_row.index("</tr>")
    assert "<progress max='6' value='1' aria-label='1 af 6 øvelser besvaret'>" in html
    assert "Du har besvaret <b>2 af 19</b> øvelser i »Selvstudium – baggrundsviden«" in html
    frokost = html[html.index("<span>Frokost</span>") :]
    assert frokost.index("<td class='nk-progress'></td>") < frokost.index(
        "</tr>"
    )  # nothing to answer
    checkin = page.exercise("tjek_ind")
    assert "<span class='nk-count'>0 af 2</span>" in programme.value
    checkin.boxes["ser_frem_til"].value = "At møde kollegaer"
    assert "<span class='nk-count'>1 af 2</span>" in programme.value
    assert "✔ færdig" not in programme.value
    page.exercise("opsamling_velkommen").line.value = "Jeg er frontløber"
    assert "<span class='nk-count'>2 af 2</span>" in programme.value
    assert "✔ færdig" in programme.value


def test_navigation_stays_in_the_track_and_shows_the_page_progress(store, workbook):
    first = voila_page(store, session="bip", code=workbook.id).navigation().value
    assert "←" not in first and "Beskæftigelsesfaglighed i praksis →" in first
    assert "På denne side har du besvaret 0 af 6 øvelser." in first
    workbook.save_answer("laeringsmaal", {"fields": {"maal": "Sparring"}})
    last = voila_page(store, session="jobkompagniet", code=workbook.id).navigation().value
    assert "← Vidensmobilisering" in last and "→" not in last
    assert "På denne side har du besvaret 1 af 3 øvelser." in last
    day = voila_page(store, session="rollen", code=workbook.id).navigation().value
    assert "Fra BIP til praksis" not in day
