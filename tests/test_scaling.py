"""Scaling on the demo data: the score's inputs against pandas, the curators' mean rating from
the store, the transfer matrix, and the ranking's download for leadership only."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from dashboard import access, scaling, scaling_score
from dashboard.scaling_score import Maxima
from tests.conftest import DEMO_DIR
from tests.roles import signed_in_client
from tests.test_scaling_score import candidate

# --- the inputs on the demo data, against pandas ---------------------------------------------


def _demo(table: str) -> pd.DataFrame:
    return pd.read_csv(DEMO_DIR / f"{table}.csv", dtype=str, keep_default_na=False)


def _demand_elsewhere_by_pandas(solution_id: str) -> int:
    solutions, challenges, districts = _demo("solutions"), _demo("challenges"), _demo("districts")
    region_of = dict(zip(districts["ags"], districts["regierungsbezirk"], strict=True))
    solution = solutions.set_index("solution_id").loc[solution_id]
    district = solution["district_ags"] or (
        challenges.set_index("challenge_id").loc[solution["challenge_id"], "district_ags"]
        if solution["challenge_id"]
        else ""
    )
    region = region_of.get(district)
    answered = set(solutions["challenge_id"]) - {""}
    unsolved = challenges[~challenges["challenge_id"].isin(answered)]
    same_field = unsolved[unsolved["action_field"] == solution["action_field"]]
    return int((same_field["district_ags"].map(region_of) != region).sum())


# S00001: own district differs from its challenge's; S00117: no challenge; S00054: no place at all.
@pytest.mark.parametrize("solution_id", ["S00001", "S00002", "S00117", "S00054", "S01200"])
def test_demand_elsewhere_matches_the_csv(app, solution_id):
    found = scaling.candidates(None, None, None, "de")
    candidate = next(c for c in found.candidates if c.solution_id == solution_id)
    assert candidate.demand_elsewhere == _demand_elsewhere_by_pandas(solution_id)


def test_candidates_raw_inputs_and_maxima_match_the_csv(app):
    solutions = _demo("solutions").set_index("solution_id")
    found = scaling.candidates(None, None, None, "de")
    assert len(found.candidates) == len(solutions)
    assert found.max_votes == solutions["votes"].astype(int).max()
    assert found.max_demand == max(c.demand_elsewhere for c in found.candidates)
    for c in found.candidates[:200]:
        row = solutions.loc[c.solution_id]
        assert (c.votes, c.award or "", c.maturity, c.is_digital) == (
            int(row["votes"]), row["award"], row["maturity"], row["is_digital"] == "true"
        )  # fmt: skip


def test_filters_narrow_the_candidates_but_not_the_maxima(app):
    solutions = _demo("solutions")
    everyone = scaling.candidates(None, None, None, "de")
    field = scaling.candidates("E2", "KJF", None, "de")
    expected = solutions[(solutions["event_id"] == "E2") & (solutions["action_field"] == "KJF")]
    assert {c.solution_id for c in field.candidates} == set(expected["solution_id"])
    assert (field.max_votes, field.max_demand) == (everyone.max_votes, everyone.max_demand)


def test_curators_mean_rating_and_status_come_from_the_store(app):
    store = app.server.config["CURATION_STORE"]
    store.rate("S01537", "skalierung-a", {"impact": 5, "transferability": 3})
    store.rate("S01537", "skalierung-b", {"impact": 4, "transferability": 4, "readiness": 2,
                                         "cost_effectiveness": 1})  # fmt: skip
    store.set_status("S01537", "funded", store.entry("S01537").version, "skalierung-a")
    found = scaling.candidates(None, None, "funded", "de")
    candidate = next(c for c in found.candidates if c.solution_id == "S01537")
    # The mean over all curators and criteria: (5 + 3 + 4 + 4 + 2 + 1) / 6
    assert candidate.mean_rating == pytest.approx(19 / 6)
    assert candidate.raters == 2
    assert candidate.status == "funded"
    assert scaling_score.rating_value(candidate.mean_rating) == pytest.approx((19 / 6 - 1) / 4)
    assert all(c.status == "funded" for c in found.candidates)


def test_matrix_counts_match_the_csv(app):
    challenges, districts, solutions = _demo("challenges"), _demo("districts"), _demo("solutions")
    grants = _demo("grants")
    region_of = dict(zip(districts["ags"], districts["regierungsbezirk"], strict=True))
    cells = {(c.action_field, c.region_key): c for c in scaling.transfer_matrix(None, None, "de")}
    assert len(cells) == 6 * districts["regierungsbezirk"].nunique()
    in_cell = challenges[(challenges["action_field"] == "KJF")
                         & (challenges["district_ags"].map(region_of) == "Köln")]  # fmt: skip
    unsolved = in_cell[~in_cell["challenge_id"].isin(set(solutions["challenge_id"]))]
    in_koeln = grants["district_ags"].map(region_of) == "Köln"
    chosen = grants[(grants["action_field"] == "KJF") & in_koeln & (grants["currency"] == "EUR")]
    money = chosen["amount"].astype(float).sum()
    cell = cells[("KJF", "Köln")]
    assert (cell.challenges, cell.unsolved) == (len(in_cell), len(unsolved))
    assert float(cell.eur_grants) == pytest.approx(money)
    districts_of_koeln = scaling.transfer_matrix("Köln", "KJF", "de")
    assert {c.regierungsbezirk for c in districts_of_koeln} == {"Köln"}
    assert sum(c.challenges for c in districts_of_koeln) == len(in_cell)


# --- the downloads ---------------------------------------------------------------------------


def test_ranking_download_for_leadership_follows_the_weights(app):
    client = signed_in_client(app, "leadership", address="10.99.0.1")
    response = client.get("/daten/skalierung_rangliste.csv?" + "&".join(
        f"{p}={10 if n == 'votes' else 0}" for n, p in scaling_score.WEIGHT_PARAMS.items()
    ))  # fmt: skip
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Rang", "Kennung", "Lösung"]
    assert len(rows) == 1 + scaling.TOP
    votes = _demo("solutions").set_index("solution_id")["votes"].astype(int)
    assert rows[1][1] == votes.idxmax()
    assert rows[1][7] == "1"  # the most-voted solution's score: ln(1+max)/ln(1+max)
    assert rows[1][-1] == "Jury 0, Stimmen 10, Bewertung 0, Bedarf 0, Digital 0, Reife 0"
    ranked_votes = [int(r[14]) for r in rows[1:]]
    assert ranked_votes == sorted(ranked_votes, reverse=True)
    xlsx = client.get("/daten/skalierung_rangliste.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    assert client.get("/daten/skalierung_transferkarte.csv?kandidat=S00001").status_code == 200


@pytest.mark.parametrize("name", ["skalierung_rangliste", "skalierung_transferkarte"])
def test_scaling_downloads_are_refused_anonymously_and_open_to_higher_roles(app, name):
    assert app.server.test_client().get(f"/daten/{name}.csv").status_code == 401
    for i, role in enumerate(("curator", "admin")):
        client = signed_in_client(app, role, address=f"10.99.1.{i}")
        assert client.get(f"/daten/{name}.csv").status_code == 200


def test_anonymous_requests_to_the_page_and_its_callbacks_are_refused(app):
    client = app.server.test_client()
    response = client.get("/skalierung")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=/skalierung"
    for output in ("scaling-ranking.children", "scaling-matrix.children"):
        body = {"output": output, "outputs": [], "inputs": [], "changedPropIds": []}
        (body["output"],) = [k for k in app.callback_map if output in k]
        assert access.callback_access(body["output"]) == access.LEADERSHIP
        assert client.post("/_dash-update-component", json=body).status_code == 401


def test_the_ranking_html_escapes_every_text_and_stays_one_html_block(app):
    """Titles come from imported files: no tag, attribute or Markdown of theirs may take effect."""
    import importlib

    page = importlib.import_module("pages.scaling")
    hostile = candidate(
        solution_id='S"1/x', title='<img src=x onerror=alert(1)>\n\n[Klick](javascript:alert(2))',
        action_field_name="Alter & Pflege",
    )  # fmt: skip
    ranked = scaling_score.rank([hostile], Maxima(votes=1, demand=1), scaling_score.DEFAULT_WEIGHTS)
    html_text = page._ranking_table(ranked, 1, scaling_score.DEFAULT_WEIGHTS, "de").children
    assert "<img" not in html_text and "&lt;img src=x onerror=alert(1)&gt;" in html_text
    assert "\n" not in html_text  # one HTML block: the Markdown parser leaves it alone
    assert 'href="/loesungen/S%221%2Fx"' in html_text
    assert 'data-solution="S&quot;1/x"' in html_text
    assert "Alter &amp; Pflege" in html_text
