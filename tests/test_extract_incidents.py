"""Perpetrators filled across the sentences of an article (incidents.py), on hand-made mentions."""

from graphbuild.extract.incidents import Mention, resolve_incidents
from graphbuild.records import Actor, Event

GROUP = Actor("x-river-front", "River Front", "armed_group", mention="the River Front", resolved=False)
ARMY = Actor("x-army", "the army", "military", mention="the army", resolved=False)


def attack(n, actor, target):
    victim = Actor(f"x-{target}", target, "civilians", mention=target, resolved=False)
    return Mention(n, Event("d", f"sentence {n}", (0, 4), actor, victim, "attacked", "attack", "ASSAULT"))


def test_the_main_attacker_of_an_article_fills_the_attacks_told_without_one():
    ms = [attack(0, GROUP, "a bus"), attack(1, GROUP, "a bridge"), attack(2, ARMY, "a camp"),
          attack(6, None, "two farmers")]
    assert [e.actor and e.actor.id for e in resolve_incidents(ms)][-1] == GROUP.id


def test_no_main_attacker_when_none_carries_out_more_than_a_third():
    third = Actor("x-police", "the police", "police", mention="the police", resolved=False)
    ms = [attack(0, GROUP, "a bus"), attack(1, ARMY, "a camp"), attack(2, third, "a shop"),
          attack(6, None, "two farmers")]
    assert resolve_incidents(ms)[-1].actor is None
