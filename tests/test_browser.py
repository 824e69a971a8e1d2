"""graph.html in headless Chromium: it loads from file:// with no network request and no console error, draws
every node where Python placed it and keeps it there, filters by type, modality and date, finds an actor,
shows an actor's events with their evidence in a side panel, and shows article text as text (markup in an
article runs nothing).

Chromium and its driver are Debian's ``chromium`` and ``chromium-driver``, installed by ``make browser`` (a
prerequisite of ``make test``). Without them the tests skip with the reason, except in CI (``CI=true``),
where a missing browser fails.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from graphbuild.export.html import write_html
from graphbuild.graph import merge_events
from graphbuild.records import Actor, Event

pytestmark = pytest.mark.browser

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
EVIL = ('They said <script>window.__pwned = 1</script> then <img src=x onerror="window.__pwned = 2"> '
        '&amp; </script><b>bold</b>.')


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        why = f"no headless browser: {CHROMIUM} or {DRIVER} is missing (`make browser` installs Debian's chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(why + "; in CI the browser tests must run")
        pytest.skip(why)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--window-size=1280,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def load(driver, path: Path) -> dict:
    """Open ``path`` from file://, wait for the graph, and return what the page did: requests made, console
    messages, nodes drawn."""
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get_log("browser")
    t0 = time.monotonic()
    driver.get(path.resolve().as_uri())
    for _ in range(600):
        if driver.execute_script("return !!(window.graphbuild && window.graphbuild.network)"):
            break
        time.sleep(0.05)
    loaded = time.monotonic() - t0
    requests = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            requests.append(msg["params"]["request"]["url"])
    return {
        "seconds": loaded,
        # chrome:// is Chromium's own start page finishing its load when a test comes right after launch
        "requests": [u for u in requests if not u.startswith(("file:", "data:", "chrome:", "chrome-untrusted:"))],
        "resources": driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"),
        "console": [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")],
        "drawn": driver.execute_script("return window.graphbuild.network.body.nodeIndices.length"),
        "edges": driver.execute_script("return window.graphbuild.edges.length"),  # one line per pair of actors
        "events": driver.execute_script("return window.graphbuild.shownEvents()"),
        "physics": driver.execute_script("return window.graphbuild.network.physics.options.enabled"),
    }


def test_examples_page_is_offline_and_draws_every_node(browser, examples_out):
    import pandas as pd

    nodes = pd.read_csv(examples_out / "nodes.csv")
    edges = pd.read_csv(examples_out / "edges.csv")
    page = load(browser, examples_out / "graph.html")
    assert page["requests"] == [] and page["resources"] == []
    assert page["console"] == []
    assert page["drawn"] == len(nodes) and page["events"] == len(edges)
    assert page["edges"] == len(edges[["source", "target"]].drop_duplicates())
    assert page["physics"] is False


def test_seed_page_is_offline(browser, seed_out):
    import pandas as pd

    page = load(browser, seed_out / "graph.html")
    assert page["requests"] == [] and page["resources"] == [] and page["console"] == []
    assert page["drawn"] == len(pd.read_csv(seed_out / "nodes.csv"))


def median_move_px(driver, seconds: float = 3.0) -> float:
    """How far nodes move on screen between two samples ``seconds`` apart (vis-network's getPositions)."""
    import statistics

    before = driver.execute_script("return window.graphbuild.network.getPositions()")
    time.sleep(seconds)
    after = driver.execute_script("return window.graphbuild.network.getPositions()")
    scale = driver.execute_script("return window.graphbuild.network.getScale()")
    return statistics.median(((after[k]["x"] - p["x"]) ** 2 + (after[k]["y"] - p["y"]) ** 2) ** 0.5 * scale
                             for k, p in before.items())


def test_nothing_moves_after_load_and_the_top_actors_are_labelled(browser, examples_out):
    import pandas as pd

    load(browser, examples_out / "graph.html")
    assert median_move_px(browser) < 1.0
    # the most active actor's label is drawn at the fitted zoom at a readable size, a lone actor's is not
    nodes = pd.read_csv(examples_out / "nodes.csv").sort_values("activity", ascending=False)
    sizes = browser.execute_script("""
        var g = window.graphbuild, s = g.network.getScale();
        return arguments[0].map(function (id) { return g.nodes.get(id).font.size * s; });""",
        [str(nodes.iloc[0]["id"]), str(nodes.iloc[-1]["id"])])
    assert sizes[0] >= 12 and sizes[1] < 8  # vis-network draws no label under its threshold (9 px)


def _evil_page(tmp_path: Path) -> Path:
    us, ir = Actor("USA", "United States <i>x</i>", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")
    merged = merge_events([
        Event("doc<script>", EVIL, (0, 4), us, ir, "hit", "hit", "ASSAULT", modality="claimed",
              attributed_to="<img src=y onerror=\"window.__pwned = 3\">"),
    ])
    path = tmp_path / "evil.html"
    write_html(merged, path, title="<script>window.__pwned = 4</script>")
    return path


def test_article_markup_runs_nothing_even_in_the_tooltip(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path = _evil_page(tmp_path)
    page = load(browser, path)
    assert page["console"] == []
    d = browser
    # hover the middle of the edge
    mid = d.execute_script("""
        var n = window.graphbuild.network, p = n.getPositions(['USA', 'IRN']);
        var a = n.canvasToDOM(p.USA), b = n.canvasToDOM(p.IRN);
        return [(a.x + b.x) / 2, (a.y + b.y) / 2];""")
    canvas = d.find_element(By.CSS_SELECTOR, "#graph canvas")
    rect = canvas.rect
    ActionChains(d).move_to_element_with_offset(canvas, int(mid[0] - rect["width"] / 2),
                                                int(mid[1] - rect["height"] / 2)).pause(0.2) \
        .move_by_offset(1, 0).perform()
    tip = None
    for _ in range(50):
        tips = [t for t in d.find_elements(By.CSS_SELECTOR, "div.vis-tooltip") if t.is_displayed()]
        if tips:
            tip = tips[0]
            break
        time.sleep(0.1)
    assert tip is not None, "no tooltip on hover"
    text = tip.text
    assert "<script>window.__pwned = 1</script>" in text and "<img src=x" in text
    assert "according to: <img src=y" in text
    assert tip.find_elements(By.CSS_SELECTOR, "img, script, b") == []
    # the side panel of the actor shows the same text, as text
    click_node(d, "USA")
    panel = d.find_element(By.ID, "details")
    assert panel.is_displayed() and "<script>window.__pwned = 1</script>" in panel.text
    assert "United States <i>x</i>" in panel.text
    assert panel.find_elements(By.CSS_SELECTOR, "img, script, b, i") == []
    assert d.execute_script("return window.__pwned === undefined")
    assert d.execute_script("return document.querySelectorAll('img').length") == 0
    assert d.title == "<script>window.__pwned = 4</script>"


def click_node(d, node_id: str) -> None:
    """A real mouse click on the node where it is drawn."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    at = d.execute_script("""
        var n = window.graphbuild.network; return n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);""",
        node_id)
    canvas = d.find_element(By.CSS_SELECTOR, "#graph canvas")
    rect = canvas.rect
    ActionChains(d).move_to_element_with_offset(canvas, int(at["x"] - rect["width"] / 2),
                                                int(at["y"] - rect["height"] / 2)).click().perform()


def _three_events(tmp_path: Path) -> Path:
    us, ir, hs = (Actor("USA", "United States", "state"), Actor("IRN", "Iran", "state"),
                  Actor("hamas", "Hamas", "armed_group"))
    path = tmp_path / "f.html"
    write_html(merge_events([
        Event("a", "The US struck Iran on Monday.", (7, 13), us, ir, "struck", "strike", "ASSAULT",
              date="2024-01-08"),
        Event("a", "Hamas claimed it threatened Iran.", (0, 5), hs, ir, "threatened", "threaten", "THREATEN",
              modality="claimed", date="2024-03-01"),
        Event("b", "Iran accused the US of lying.", (5, 12), ir, us, "accused", "accuse", "ACCUSE"),
    ]), path)
    return path


def shown(d) -> list:
    return d.execute_script("return [window.graphbuild.nodeView.length, window.graphbuild.shownEvents()]")


def test_filters_hide_events_and_their_lone_actors(browser, tmp_path):
    from selenium.webdriver.common.by import By

    page = load(browser, _three_events(tmp_path))
    assert (page["drawn"], page["events"], page["edges"]) == (3, 3, 3)
    browser.find_element(By.CSS_SELECTOR, 'input[name="modality"][value="claimed"]').click()
    assert shown(browser) == [2, 2]
    assert "2 of 3 actors, 2 of 3 events" in browser.find_element(By.ID, "count").text
    browser.find_element(By.CSS_SELECTOR, 'input[name="modality"][value="claimed"]').click()
    # a click on an event type's name shows only it; a second click shows all again
    browser.find_element(By.CSS_SELECTOR, '#filter-type button[data-type="ASSAULT"]').click()
    assert shown(browser) == [2, 1]
    browser.find_element(By.CSS_SELECTOR, '#filter-type button[data-type="ASSAULT"]').click()
    assert shown(browser) == [3, 3]


def test_the_date_range_filters_events(browser, tmp_path):
    from selenium.webdriver.common.by import By

    load(browser, _three_events(tmp_path))

    def set_date(field: str, value: str) -> None:
        browser.execute_script("var x = document.getElementById(arguments[0]); x.value = arguments[1];"
                               "x.dispatchEvent(new Event('change'));", field, value)

    set_date("date-from", "2024-02-01")
    assert shown(browser) == [3, 2]  # the March threat and the undated accusation
    browser.find_element(By.ID, "undated").click()
    assert shown(browser) == [2, 1]
    set_date("date-from", "")
    set_date("date-to", "2024-01-31")
    assert shown(browser) == [2, 1]  # the January strike only


def test_search_zooms_to_the_actor_and_a_click_shows_its_events(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    load(browser, _three_events(tmp_path))
    box = browser.find_element(By.ID, "search")
    box.send_keys("hama", Keys.ENTER)
    state = browser.execute_script("""
        var n = window.graphbuild.network, c = n.getViewPosition(), p = n.getPositions(['hamas']).hamas;
        return [n.getSelectedNodes(), Math.abs(c.x - p.x) + Math.abs(c.y - p.y), n.getScale()];""")
    assert state[0] == ["hamas"] and state[1] < 1 and state[2] >= 0.9
    panel = browser.find_element(By.ID, "details")
    assert panel.is_displayed() and "Hamas" in panel.text and "Hamas claimed it threatened Iran." in panel.text
    box.clear()
    box.send_keys("Nobody at all", Keys.ENTER)
    assert "no actor named" in browser.find_element(By.ID, "found").text
    # a click on a node: its events, newest last, with evidence, dates and sources
    browser.find_element(By.ID, "close").click()
    browser.execute_script("window.graphbuild.network.fit({animation: false})")
    click_node(browser, "IRN")
    text = browser.find_element(By.ID, "details-body").text
    assert text.startswith("Iran") and "3 events shown" in text
    assert text.index("2024-01-08") < text.index("2024-03-01") < text.index("undated")
    assert "The US struck Iran on Monday." in text and "sources: a" in text


def test_a_large_graph_is_laid_out_in_advance_and_stays_still(browser, tmp_path):
    import random

    rng = random.Random(3)
    actors = [Actor(f"a{i}", f"Actor {i}", rng.choice(["state", "military", "armed_group"])) for i in range(3000)]
    events = [Event("d", f"Actor {i} hit actor {j}.", (k, k + 3), actors[i], actors[j], "hit", "hit", "ASSAULT")
              for k, (i, j) in enumerate((rng.randrange(3000), rng.randrange(3000)) for _ in range(4000)) if i != j]
    merged = merge_events(events)
    n_nodes = len({e.actor.id for e in events} | {e.target.id for e in events})
    path = tmp_path / "big.html"
    write_html(merged, path)
    page = load(browser, path)
    assert page["physics"] is False and page["drawn"] == n_nodes
    assert page["requests"] == [] and page["console"] == []
    assert median_move_px(browser) < 1.0
    placed = json.loads(browser.execute_script("return JSON.stringify(window.graphbuild.data.nodes.slice(0, 50))"))
    drawn = browser.execute_script("return window.graphbuild.network.getPositions(arguments[0])",
                                   [n["id"] for n in placed])
    assert all(abs(drawn[n["id"]]["x"] - n["x"]) < 1 and abs(drawn[n["id"]]["y"] - n["y"]) < 1
               for n in placed)  # where Python put them (getPositions gives whole units)
