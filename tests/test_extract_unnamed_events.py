"""Who did an event told only as "the incident", "the act", "the crime" (unnamed_events.py) is lent to the
attack told near it without an actor: sentences of our own against the pinned model. Each article names
another attacker first, so the article-wide rule of incidents.py alone would give the wrong one."""

import pytest

OTHER = "Soldiers raided a village in the east. "


@pytest.mark.parametrize(("text", "target", "actor"), [
    (OTHER + "A bomb destroyed two cars near the ministry. Nobody was hurt in the incident, for which the "
     "River Front is held responsible.", "two cars", "the River Front"),
    (OTHER + "A bus was burned in the capital. The act was the work of the Red Cells.", "A bus", "the Red Cells"),
    (OTHER + "A bus was burned in the capital. The police condemned the crime perpetrated by armed men.",
     "A bus", "armed men"),
])
def test_the_actor_of_a_definite_event_word_is_the_nearby_attacks(extract, text, target, actor):
    (event,) = [e for e in extract(text) if e.target is not None and e.target.mention == target]
    assert event.actor is not None and event.actor.mention == actor


def test_an_indefinite_event_word_tells_of_no_attack_of_the_article(extract):
    text = OTHER + "A bus was burned in the capital. The police recalled a crime by the Red Cells."
    (event,) = [e for e in extract(text) if e.target is not None and e.target.mention == "A bus"]
    assert event.actor is None or event.actor.mention != "the Red Cells"
