"""Member nouns take the article's one named armed group also when the group is named outside the events
(named_groups.py with entities.unify_groups): sentences of our own against the pinned model."""


def test_terrorists_of_an_article_that_names_one_group_elsewhere_are_that_group(extract):
    text = "Terrorists attacked a bus in Lima. The Shining Path has been active in the region for years."
    (attack,) = [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert (attack.actor.id, attack.actor.mention) == ("shining-path", "Terrorists")  # the words kept


def test_two_groups_named_keep_the_member_noun_generic(extract):
    text = ("Terrorists attacked a bus in Lima. The Shining Path and the FMLN have been active in the "
            "region for years.")
    (attack,) = [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert attack.actor.id == "x-terrorists"
