"""Casualties and the date's source: sentences written for these tests against the pinned model, the merge
rule (the largest report) and the RDF terms."""

from dataclasses import replace
from datetime import date

import pytest
from rdflib import XSD, Literal

from graphbuild.graph import merge_events
from graphbuild.namespaces import CEKG
from graphbuild.records import Actor, Event

CASES = [  # sentence, (fatalities, injured)
    ("The bombing killed at least 12 people in the market.", (12, None)),
    ("Twenty-seven people were killed, including three children, when the shell struck the bus.", (27, None)),
    ("Gunmen opened fire on the bus, killing five and wounding dozens.", (5, 12)),
    ("Six were wounded when the bomb exploded near the checkpoint.", (None, 6)),
    ("Between 10 and 15 civilians died when militants shelled the village.", (10, None)),
    ("Up to 20 people were hurt when rebels attacked a police station.", (None, None)),
    ("Militants killed a policeman and two children near the school.", (3, None)),
    ("Rebels attacked a police station on Monday.", (None, None)),
    ("THE TERRORISTS KILLED THREE PEASANTS AND WOUNDED TWO OTHERS.", (3, 2)),
    # a denied casualty is no count: "not injured", "no one was killed", "nobody was hurt"
    ("Gunmen fired on the convoy, but the driver was not injured.", (None, None)),
    ("Militants bombed the depot on Sunday and no one was killed.", (None, None)),
    ("Rebels shelled the school at night; nobody was hurt.", (None, None)),
    ("Gunmen killed two officers at the checkpoint, but the driver was not hurt.", (2, None)),
]


@pytest.mark.model
@pytest.mark.parametrize("text,want", CASES)
def test_casualties_of_the_sentence(extract, text, want):
    events = [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert events, "no attack found"
    assert {(e.fatalities, e.injured) for e in events} == {want}


@pytest.mark.model
def test_date_source(extract):
    (ev,) = extract("Rebels attacked a police station on Monday.", published=date(2024, 1, 31))
    assert (ev.date, ev.date_source) == ("2024-01-29", "sentence")
    (ev,) = extract("Rebels attacked a police station.", published=date(2024, 1, 31))
    assert (ev.date, ev.date_source) == ("2024-01-31", "published")
    (ev,) = extract("PORT TOWN, 23 AUG 88 (Radio One) -- Rebels attacked a police station.")
    assert (ev.date, ev.date_source) == ("1988-08-23", "dateline")
    (ev,) = extract("Rebels attacked a police station.")
    assert (ev.date, ev.date_source) == (None, None)
    assert {"date_source", "fatalities", "injured"} <= set(ev.to_dict())


US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")
BASE = Event("a", "US struck Iran.", (3, 9), US, IR, "struck", "strike", "ASSAULT")


def test_merged_reports_take_the_largest_count_and_the_rdf_carries_it(ontology):
    from graphbuild.export import to_rdf

    reports = [replace(BASE, fatalities=4, injured=None),
               replace(BASE, doc_id="b", span=(0, 5), fatalities=9, injured=20),
               replace(BASE, doc_id="c", span=(1, 5))]
    (merged,) = merge_events(reports)
    assert (merged.fatalities, merged.injured) == (9, 20)
    g = to_rdf([merged], ontology)
    assert list(g.objects(None, CEKG.fatalities)).count(Literal(9, datatype=XSD.nonNegativeInteger)) == 2
    assert (None, CEKG.injured, Literal(20, datatype=XSD.nonNegativeInteger)) in g


def test_publication_dates_do_not_keep_reports_apart():
    a = replace(BASE, date="2024-01-30", date_source="published")
    b = replace(BASE, doc_id="b", span=(0, 5), date="2024-01-31", date_source="published")
    c = replace(BASE, doc_id="c", span=(0, 5), date="2024-01-29", date_source="sentence")
    (merged,) = merge_events([a, b, c])
    assert merged.date == "2024-01-29"
    assert len(merge_events([c, replace(b, date="2024-01-31", date_source="sentence")])) == 2


def test_casualty_counts_round_trip_and_are_checked():
    from graphbuild.errors import InputError

    ev = replace(BASE, fatalities=3, injured=0, date="2024-01-29", date_source="sentence")
    assert Event.from_dict(ev.to_dict()) == ev
    with pytest.raises(InputError, match="fatalities"):
        Event.from_dict({**ev.to_dict(), "fatalities": -1})
    with pytest.raises(InputError, match="date_source"):
        Event.from_dict({**ev.to_dict(), "date_source": "guess"})


@pytest.mark.model
@pytest.mark.parametrize("text", ["3 May 2021, suspected militants attacked a police station in the north.",
                                  "Later that day militants murdered a farmer in the village."])
def test_a_date_is_never_part_of_a_side(extract, text):
    (ev,) = extract(text)
    assert ev.actor.mention.lower().endswith("militants") and not any(c.isdigit() for c in ev.actor.mention)
    assert "later" not in ev.actor.mention.lower()


@pytest.mark.model
def test_casualties_belong_to_the_event_that_caused_them(extract):
    events = extract("The attack on the embassy came hours after two drones hit a militia base, killing three "
                     "of its fighters.")
    by_target = {e.target.mention.lower(): e.fatalities for e in events if e.event_type == "ASSAULT"}
    assert by_target.get("a militia base") == 3 and by_target.get("the embassy") is None, by_target
