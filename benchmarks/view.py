"""graph.html at size, in headless Chromium (Debian's chromium + chromium-driver, with selenium):
the time until the page has drawn the graph, the time a pan frame takes, how far nodes move after load,
and a screenshot to look at.

    python benchmarks/view.py                       # a synthetic 5,000 actors / 20,000 events
    python benchmarks/view.py --actors 800 --events 2000 --screenshot /tmp/view.png
    python benchmarks/view.py --page OUT/graph.html --screenshot /tmp/big.png   # a built page

The synthetic events are merged events of random pairs among actors of every kind, with dates, event
types and modalities drawn at random and a few hubs (activity follows a power law, as in real coverage).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
KINDS = ("state", "government", "military", "police", "armed_group", "person", "organisation", "facility")
TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "THREATEN", "ACCUSE", "REQUEST", "COERCE", "PROTEST", "AID", "CONSULT")
MODALITIES = ("asserted", "asserted", "asserted", "claimed", "alleged", "threatened")


def synthetic(actors: int, events: int, seed: int = 5):
    from graphbuild.graph import MergedEvent
    from graphbuild.records import Actor, Event, Place

    rng = random.Random(seed)
    people = [Actor(f"a{i}", f"Actor {i} {rng.choice(['Front', 'Brigade', 'Ministry', 'Council', 'Forces'])}",
                    rng.choice(KINDS)) for i in range(actors)]
    weights = [1 / (i + 1) ** 0.8 for i in range(actors)]  # a few very active actors, a long tail
    merged = []
    for k in range(events):
        a, t = rng.choices(people, weights, k=2)
        if a is t:
            t = people[(people.index(a) + 1) % actors]
        etype = rng.choice(TYPES)
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else None
        sentence = f"{a.label} reportedly acted against {t.label} near town {k % 300} (report {k})."
        ev = Event(f"doc{k % 4000}", sentence, (0, 5), a, t, "hit", "hit", etype, modality=rng.choice(MODALITIES),
                   place=Place(f"Town {k % 300}"), date=date, event_id=f"e-{k:06d}")
        merged.append(MergedEvent(f"e-{k:06d}", (ev,)))
    return merged


def driver(width: int, height: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}"):
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    d.set_page_load_timeout(120)
    return d


def drag_frames(d) -> list[float]:
    """Frame times (ms) while the mouse drags the view, as a user pans: vis-network redraws on each move."""
    from selenium.webdriver.common.action_chains import ActionChains

    d.execute_script("""
        window.__frames = []; var last = null;
        window.graphbuild.network.on("afterDrawing", function () {
          var t = performance.now(); if (last !== null) window.__frames.push(t - last); last = t; });""")
    canvas = d.find_element("css selector", "#graph canvas")
    chain = ActionChains(d, duration=0).move_to_element(canvas).click_and_hold()
    for _ in range(20):
        chain = chain.move_by_offset(8, 3).pause(0.02)
    chain.release().perform()
    return d.execute_script("return window.__frames")


def measure(page: Path, screenshot: Path | None, width: int, height: int) -> dict:
    d = driver(width, height)
    try:
        t0 = time.perf_counter()
        d.get(page.resolve().as_uri())  # returns once the page's scripts have run (graph built and drawn)
        d.execute_script("return new Promise(function (r) { requestAnimationFrame(function () { r(); }); })")
        loaded = time.perf_counter() - t0
        nav = d.execute_script("var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd;")
        before = d.execute_script("return window.graphbuild.network.getPositions()")
        time.sleep(3)
        after = d.execute_script("return window.graphbuild.network.getPositions()")
        scale = d.execute_script("return window.graphbuild.network.getScale()")
        moves = [((after[k]["x"] - v["x"]) ** 2 + (after[k]["y"] - v["y"]) ** 2) ** 0.5 * scale
                 for k, v in before.items()]
        frames = d.execute_script("""
            var n = window.graphbuild.network, times = [], p = n.getViewPosition();
            for (var i = 0; i < 10; i++) {
              var t = performance.now();
              n.moveTo({position: {x: p.x + 20 * i, y: p.y}, animation: false}); n.redraw();
              times.push(performance.now() - t);
            }
            return times;""")
        drag = drag_frames(d)
        timings = d.execute_script("return window.graphbuild.timings")
        counts = d.execute_script("return [window.graphbuild.nodeView.length, window.graphbuild.shownEvents(), "
                                  "window.graphbuild.edges.length]")
        if screenshot:
            d.execute_script("window.graphbuild.network.fit({animation: false})")
            d.save_screenshot(str(screenshot))
        return {"load_s": loaded, "load_event_ms": nav, "median_move_px": statistics.median(moves) if moves else 0.0,
                "pan_frame_ms": statistics.median(frames), "nodes": counts[0], "events": counts[1],
                "lines": counts[2], "timings": timings,
                "drag_frame_ms": statistics.median(drag) if drag else float("nan"), "drag_frames": len(drag)}
    finally:
        d.quit()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=5000)
    ap.add_argument("--events", type=int, default=20000)
    ap.add_argument("--page", type=Path, help="measure this graph.html instead of a synthetic one")
    ap.add_argument("--screenshot", type=Path)
    ap.add_argument("--size", default="1400x900", help="window size (default 1400x900)")
    args = ap.parse_args()
    width, height = map(int, args.size.split("x"))
    page = args.page
    if page is None:
        from graphbuild.export.html import write_html

        merged = synthetic(args.actors, args.events)
        page = Path(tempfile.mkdtemp(prefix="graphbuild-view-")) / "graph.html"
        t = time.perf_counter()
        write_html(merged, page, title=f"synthetic: {args.actors} actors, {args.events} events")
        print(f"wrote {page} ({page.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    r = measure(page, args.screenshot, width, height)
    print(f"{r['nodes']} actors, {r['events']} events, {r['lines']} lines drawn")
    print(f"load until drawn: {r['load_s']:.2f} s (load event at {r['load_event_ms']:.0f} ms)")
    print("in the page (ms since its script started): " + ", ".join(f"{k} {v:.0f}" for k, v in r["timings"].items()))
    print(f"median node movement 3 s after load: {r['median_move_px']:.3f} px")
    print(f"redraw with every line (median of 10): {r['pan_frame_ms']:.0f} ms")
    print(f"frame while dragging to pan (lines hidden, median of {r['drag_frames']}): {r['drag_frame_ms']:.0f} ms")
    if args.screenshot:
        print(f"screenshot: {args.screenshot}")


if __name__ == "__main__":
    main()
