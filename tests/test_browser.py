"""graph.html in headless Chromium: it loads from file:// with no network request and no console error, draws
every node, filters, and shows article text as text (markup in an article runs nothing).

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
        "requests": [u for u in requests if not u.startswith(("file:", "data:"))],
        "resources": driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"),
        "console": [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")],
        "drawn": driver.execute_script("return window.graphbuild.network.body.nodeIndices.length"),
        "edges": driver.execute_script("return window.graphbuild.edgeView.length"),
        "physics": driver.execute_script("return window.graphbuild.network.physics.options.enabled"),
    }


def test_examples_page_is_offline_and_draws_every_node(browser, examples_out):
    import pandas as pd

    nodes = pd.read_csv(examples_out / "nodes.csv")
    edges = pd.read_csv(examples_out / "edges.csv")
    page = load(browser, examples_out / "graph.html")
    assert page["requests"] == [] and page["resources"] == []
    assert page["console"] == []
    assert page["drawn"] == len(nodes) and page["edges"] == len(edges)


def test_seed_page_is_offline(browser, seed_out):
    import pandas as pd

    page = load(browser, seed_out / "graph.html")
    assert page["requests"] == [] and page["resources"] == [] and page["console"] == []
    assert page["drawn"] == len(pd.read_csv(seed_out / "nodes.csv"))


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

    page = load(browser, _evil_page(tmp_path))
    assert page["requests"] == [] and page["console"] == []
    d = browser
    d.execute_script("var n = window.graphbuild.network; n.stopSimulation(); n.fit({animation: false});")
    # hover the middle of the edge: vis-network shows its title as a tooltip
    x, y, w, h = d.execute_script("""
        var n = window.graphbuild.network, p = n.getPositions(), c = n.canvas.frame.canvas;
        var a = p['USA'], b = p['IRN'];
        var m = n.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
        return [m.x, m.y, c.clientWidth, c.clientHeight];""")
    canvas = d.find_element(By.CSS_SELECTOR, "#graph canvas")
    ActionChains(d).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).pause(0.2) \
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
    assert d.execute_script("return window.__pwned === undefined")
    assert d.execute_script("return document.querySelectorAll('img').length") == 0
    assert d.title == "<script>window.__pwned = 4</script>"


def test_filters_hide_events_and_their_lone_actors(browser, tmp_path):
    from selenium.webdriver.common.by import By

    us, ir, hs = (Actor("USA", "United States", "state"), Actor("IRN", "Iran", "state"),
                  Actor("hamas", "Hamas", "armed_group"))
    path = tmp_path / "f.html"
    write_html(merge_events([
        Event("a", "The US struck Iran.", (7, 13), us, ir, "struck", "strike", "ASSAULT"),
        Event("a", "Hamas claimed it threatened Iran.", (0, 5), hs, ir, "threatened", "threaten", "THREATEN",
              modality="claimed"),
    ]), path)
    page = load(browser, path)
    assert (page["drawn"], page["edges"]) == (3, 2)
    browser.find_element(By.CSS_SELECTOR, 'input[name="modality"][value="claimed"]').click()
    assert browser.execute_script("return [window.graphbuild.nodeView.length, window.graphbuild.edgeView.length]") \
        == [2, 1]
    assert "2 of 3 actors, 1 of 2 events" in browser.find_element(By.ID, "count").text


def test_a_large_graph_is_laid_out_in_advance_with_physics_off(browser, tmp_path):
    import random

    from graphbuild.export import html

    rng = random.Random(3)
    actors = [Actor(f"a{i}", f"Actor {i}", rng.choice(["state", "military", "armed_group"])) for i in range(3000)]
    events = [Event("d", f"Actor {i} hit actor {j}.", (k, k + 3), actors[i], actors[j], "hit", "hit", "ASSAULT")
              for k, (i, j) in enumerate((rng.randrange(3000), rng.randrange(3000)) for _ in range(4000)) if i != j]
    merged = merge_events(events)
    n_nodes = len({e.actor.id for e in events} | {e.target.id for e in events})
    assert n_nodes > html.STATIC_LAYOUT_NODES
    path = tmp_path / "big.html"
    write_html(merged, path)
    page = load(browser, path)
    assert page["physics"] is False and page["drawn"] == n_nodes
    assert page["requests"] == [] and page["console"] == []
    assert page["seconds"] < 30
    # interactive: once labels are measured (the first zoom in), a redraw takes a fraction of a second
    ms = browser.execute_script("""
        var n = window.graphbuild.network;
        n.moveTo({scale: 0.5}); n.redraw();
        var t = performance.now(); n.moveTo({scale: 0.6}); n.redraw(); return performance.now() - t;""")
    assert ms < 500
