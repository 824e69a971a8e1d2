"""Combat between armed sides is PLOVER's FIGHT; violence against people not in combat, or by unconventional
means, stays ASSAULT (extract/combat.py). Sentences written for these tests, against the pinned model."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def kinds(events):
    return {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention)) for e in events}


FIGHT = [  # the fighting itself, and combatants hit in a sentence that tells of the fighting
    ("Troops and rebels clashed near the border town on Sunday.", ("troops", "FIGHT", "rebels")),
    ("The army killed nine insurgents in a battle near the river.", ("army", "FIGHT", "nine insurgents")),
    ("A civilian was killed in the crossfire between the army and rebels.", ("army", "FIGHT", "rebels")),
    ("Four guerrillas were killed in armed confrontations near the town.", (None, "FIGHT", "four guerrillas")),
    # combatants hit in an attack on a fighting formation told in the sentence
    ("The guerrillas attacked the brigade's positions near the dam, killing one soldier.",
     ("guerrillas", "FIGHT", "one soldier")),
    # an armed side attacking a fighting formation of the other
    ("The rebels attacked army positions near the dam at dawn.", ("rebels", "FIGHT", "army positions")),
    ("Government troops assaulted the guerrilla columns in the hills.",
     ("government troops", "FIGHT", "guerrilla columns")),
    ("The militia launched an offensive against the government forces.", ("militia", "FIGHT", "government forces")),
    ("Army positions near the dam were attacked at dawn.", (None, "FIGHT", "army positions")),
    # fighters of an armed group hit by another armed group
    ("Guerrillas killed three militiamen in the hills.", ("guerrillas", "FIGHT", "three militiamen")),
    # an armed group hitting the state's machines of war
    ("The rebels shot down two army helicopters near the dam.", ("rebels", "FIGHT", "two army helicopters")),
    ("The insurgents downed a military helicopter over the valley.",
     ("insurgents", "FIGHT", "military helicopter")),
    ("An army helicopter was hit by ground fire over the valley.", (None, "FIGHT", "army helicopter")),
]


@pytest.mark.parametrize("text,want", FIGHT, ids=[t[:40] for t, _ in FIGHT])
def test_combat_between_armed_sides_is_fight(extract, text, want):
    events = extract(text)
    assert want in kinds(events)
    assert not [e for e in events if e.event_type == "ASSAULT" and e.target is not None
                and e.target.kind != "civilians"]


ASSAULT = [  # attacks on people not in combat, by unconventional means, or with no fighting told
    ("Insurgents ambushed an army convoy on the highway.", ("insurgents", "ASSAULT", "army convoy")),
    ("A car bomb killed six people outside the market.", (None, "ASSAULT", "six people")),
    ("A drone strike hit a militia base.", (None, "ASSAULT", "militia base")),
    ("Gunmen shot dead two policemen at a checkpoint.", ("gunmen", "ASSAULT", "dead two policemen")),
    ("Herders and farmers clashed near the river.", ("herders", "ASSAULT", "farmers")),  # no armed side
    # a formation's members one by one, or a place it holds, are no formation
    ("The rebels killed two soldiers near the dam.", ("rebels", "ASSAULT", "two soldiers")),
    ("The rebels shelled the army barracks near the dam.", ("rebels", "ASSAULT", "army barracks")),
    # a state's forces hitting armed men, or no one named, stay as told
    ("The army killed three gunmen near the border.", ("army", "ASSAULT", "three gunmen")),
    # an ambush or a strike from afar on armed men stays an attack
    ("Rebels shelled army positions near the dam.", ("rebels", "ASSAULT", "army positions")),
    ("The rebels ambushed government troops near the dam.", ("rebels", "ASSAULT", "government troops")),
    ("Guerrillas ambushed three militiamen in the hills.", ("guerrillas", "ASSAULT", "three militiamen")),
    ("The rebels ambushed an army patrol near the dam, killing two soldiers.", ("rebels", "ASSAULT", "two soldiers")),
    # troops hit by no one named: another sentence may tell of the drones or rockets
    ("US troops in the region were targeted again on Monday.", (None, "ASSAULT", "us troops")),
    ("An airstrike on the militia killed six fighters.", (None, "ASSAULT", "six fighters")),
    # a machine of war that is someone's own is no war machine; an ambush stays an attack
    ("The rebels destroyed a private plane at the airstrip.", ("rebels", "ASSAULT", "private plane")),
    ("The rebels destroyed two army helicopters at the airfield.", ("rebels", "ASSAULT", "two army helicopters")),
    ("The militia said it was targeting ships linked to the blockade.", ("it the militia", "ASSAULT", "ships")),
    ("The rebels ambushed an army helicopter near the dam.", ("rebels", "ASSAULT", "army helicopter")),
]


@pytest.mark.parametrize("text,want", ASSAULT, ids=[t[:40] for t, _ in ASSAULT])
def test_attacks_outside_combat_stay_assault(extract, text, want):
    events = extract(text)
    assert want in kinds(events)
    assert not [e for e in events if e.event_type == "FIGHT"]


OWN_TALLY = [  # a side's own tally of its fighting, in the first person plural
    "We killed three and wounded five in the fighting near the bridge, the rebel commander said.",
    "Our units killed twelve soldiers and destroyed two tanks near the dam.",
    "In the offensive we wounded an estimated 300 troops and officers.",
]


@pytest.mark.parametrize("text", OWN_TALLY, ids=[t[:40] for t in OWN_TALLY])
def test_a_sides_own_tally_of_its_enemies_is_fight(extract, text):
    events = extract(text)
    assert any(e.event_type == "FIGHT" for e in events)
    assert not [e for e in events if e.event_type == "ASSAULT"]


def test_a_sides_own_attack_on_what_is_not_an_enemy_stays_assault(extract):
    events = extract("Our units also sabotaged the power lines and burned two buses.")
    assert {e.event_type for e in events} == {"ASSAULT"}


def test_a_fight_keeps_its_casualties_and_mode(extract):
    (ev,) = [e for e in extract("The army killed nine insurgents in a battle near the river.")
             if e.event_type == "FIGHT"]
    assert (ev.fatalities, ev.mode, ev.cameo) == (9, "armed clash", "19")


def test_fight_is_a_type_of_the_contract_and_the_rdf(ontology):
    from graphbuild.namespaces import CEKG, PLOVER
    from graphbuild.records import EVENT_TYPES

    assert "FIGHT" in EVENT_TYPES and ontology.lexicon.cameo["FIGHT"] == "19"
    assert (PLOVER.FIGHT, None, None) in ontology.graph and CEKG.fight


def test_vehicles_told_as_a_fighting_force_s_are_machines_of_war(extract):
    # "fighter planes" shot down by rebels: combat (FIGHT), like "helicopters"; "a police patrol car" is not
    events = extract("The rebels shot down two fighter planes over the valley.")
    assert {e.event_type for e in events if e.target is not None} == {"FIGHT"}
    events = extract("The rebels attacked a police patrol car near the bridge.")
    assert {e.event_type for e in events if e.target is not None} == {"ASSAULT"}
