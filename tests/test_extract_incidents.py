"""Perpetrators filled across the sentences of an article (incidents.py), on hand-made mentions."""

from dataclasses import replace

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
          attack(9, None, "two farmers")]  # (far from the attacks before it: none of them is lent)
    assert resolve_incidents(ms)[-1].actor is None


def test_a_building_named_as_attacker_lends_no_actor_to_the_modifier_of_an_attack():
    # "a coalition air strike on the town" (actor only a modifier) and, by a misreading, "the clinic"
    # as the only named attacker elsewhere: the coalition stays, a building is never the article's attacker
    clinic = Actor("x-clinic", "the clinic", "facility", mention="the clinic", resolved=False)
    coalition = Actor("x-coalition", "coalition", "military", mention="coalition", resolved=False)
    weak = attack(0, coalition, "the town")
    weak = Mention(weak.n, weak.event, weak_actor=True)
    lone = Mention(3, Event("d", "sentence 3", (0, 4), clinic, None, "battle", "battle", "ASSAULT"))
    assert [e.actor.id for e in resolve_incidents([weak, lone])] == [coalition.id]


def test_an_attack_on_a_formation_recoded_as_fight_still_names_the_attacker_of_the_article():
    # "the River Front attacked army positions" (FIGHT, combat.py) ... "two farmers were killed"
    ms = [Mention(0, replace(attack(0, GROUP, "army positions").event, event_type="FIGHT", mode="raid")),
          attack(4, None, "two farmers")]
    assert [e.actor and e.actor.id for e in resolve_incidents(ms)] == [GROUP.id, GROUP.id]


def test_a_clash_of_two_sides_names_no_attacker_of_the_article():
    # "fighting between the River Front and the army" ... "two farmers were killed"
    clash = replace(attack(0, GROUP, "the army").event, event_type="FIGHT", mode="armed clash")
    assert resolve_incidents([Mention(0, clash), attack(4, None, "two farmers")])[-1].actor is None


def test_the_one_armed_group_an_article_names_fills_its_attacks_when_no_attacker_is_named():
    # "a bomb wrecked a bus ... the River Front has fought the government since 1990" (no attack of its own)
    group = replace(GROUP, resolved=True)
    out = resolve_incidents([attack(0, None, "a bus")], named=group)
    assert out[0].actor.id == GROUP.id and out[0].confidence < 0.5


def test_the_named_group_is_lent_neither_over_a_main_attacker_nor_to_its_own_fighters():
    group = replace(GROUP, resolved=True)
    fighters = Mention(2, Event("d", "sentence 2", (0, 4), None,
                                Actor("x-two-fighters", "two fighters", "armed_group", mention="two fighters",
                                      resolved=False), "killed", "kill", "ASSAULT"))
    assert resolve_incidents([fighters], named=group)[0].actor is None
    out = resolve_incidents([attack(0, ARMY, "a camp"), attack(3, None, "two farmers")], named=group)
    assert [e.actor.id for e in out] == [ARMY.id, ARMY.id]


def _statement(n, actor, weak=False):
    return Mention(n, Event("d", f"sentence {n}", (0, 4), actor, None, "threw", "throw", "ASSAULT"), weak_actor=weak)


def test_who_did_it_told_beside_a_word_for_the_kind_of_attacker_replaces_the_word():
    # "The terrorist attack was launched from a car, from which two men threw grenades that hurt a guard":
    # "terrorist" says what kind of attack, "two men" who carried it out; the army of another story stays
    terrorist = Actor("x-terrorist", "terrorist", "armed_group", mention="terrorist", resolved=False)
    men = Actor("x-two-men", "two men", "unknown", mention="two men", resolved=False)
    kind = attack(2, terrorist, "a guard")
    ms = [attack(0, ARMY, "a camp"), attack(0, ARMY, "a depot"), _statement(2, terrorist, weak=True),
          _statement(2, men), Mention(2, kind.event, weak_actor=True), attack(2, None, "a passerby")]
    assert [(e.actor.id, e.target.mention) for e in resolve_incidents(ms)][2:] == [
        (men.id, "a guard"), (men.id, "a passerby")]


def test_a_word_for_the_kind_of_attacker_far_from_any_statement_stays():
    terrorist = Actor("x-terrorist", "terrorist", "armed_group", mention="terrorist", resolved=False)
    men = Actor("x-two-men", "two men", "unknown", mention="two men", resolved=False)
    kind = attack(9, terrorist, "a guard")
    police = Actor("x-police", "the police", "police", mention="the police", resolved=False)
    ms = [_statement(0, men), attack(0, ARMY, "a camp"), attack(1, police, "a shop"),
          Mention(9, kind.event, weak_actor=True)]  # three attackers, none the article's main one
    assert resolve_incidents(ms)[-1].actor.id == terrorist.id


def test_an_attack_told_after_its_attacker_in_an_article_of_several_takes_the_nearest_one_before_it():
    # "a gang robbed a bus ... the River Front raided a farm ... the police raided a shop ... two farmers
    # were killed": no main attacker; the nearest non-state attacker before the harm is lent
    police = Actor("x-police", "the police", "police", mention="the police", resolved=False)
    gang = Actor("x-gang", "the gang", "unknown", mention="the gang", resolved=False)
    ms = [attack(0, gang, "a bus"), attack(1, GROUP, "a farm"), attack(2, police, "a shop"),
          attack(3, None, "two farmers")]
    assert resolve_incidents(ms)[-1].actor.id == GROUP.id


def test_a_state_force_far_back_or_fighters_as_victims_take_no_attacker_from_before():
    police = Actor("x-police", "the police", "police", mention="the police", resolved=False)
    fighters = Actor("x-fighters", "two fighters", "armed_group", mention="two fighters", resolved=False)
    ms = [attack(0, GROUP, "a farm"), attack(1, ARMY, "a camp"), attack(2, police, "a shop"),
          attack(9, None, "two farmers"),                                     # seven sentences on
          Mention(3, Event("d", "sentence 3", (0, 4), None, fighters, "hit", "hit", "ASSAULT"))]
    out = resolve_incidents(ms)
    assert [e.actor for e in out[3:]] == [None, None]
    state = Actor("x-state", "Ruritania", "state", mention="Ruritania", resolved=False)
    only_states = [attack(0, ARMY, "a camp"), attack(1, police, "a shop"), attack(2, state, "a bus"),
                   attack(3, None, "two farmers")]
    assert resolve_incidents(only_states)[-1].actor is None  # states' forces lend no attacker this way


def test_of_two_attackers_named_as_often_the_armed_group_is_the_article_s_not_the_police():
    # "the police shot a suspect ... the River Front bombed a bank ... two clerks were killed": a tie; the
    # police are named for what they did about it, the group for the attack the story is about
    police = Actor("x-police", "the police", "police", mention="the police", resolved=False)
    ms = [attack(0, police, "a suspect"), attack(1, GROUP, "a bank"), attack(9, None, "two clerks")]
    assert resolve_incidents(ms)[-1].actor.id == GROUP.id
    ms = [attack(0, ARMY, "a camp"), attack(1, police, "a suspect"), attack(9, None, "two clerks")]
    assert resolve_incidents(ms)[-1].actor.id == ARMY.id  # states' forces only: the first named, as before


def test_in_an_article_where_a_state_s_forces_attack_too_the_harm_takes_no_attacker_from_before():
    # "the River Front shelled a ship ... the army bombed its bases ... radar sites were hit": either side's
    police = Actor("x-police", "the police", "police", mention="the police", resolved=False)
    ms = [attack(0, GROUP, "a ship"), attack(1, ARMY, "a camp"), attack(2, police, "a shop"),
          attack(3, None, "radar sites")]
    assert resolve_incidents(ms)[-1].actor is None
