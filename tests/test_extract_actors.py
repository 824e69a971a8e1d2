"""Who did it: the actor of an attack, from the sentence, the article, or neither (sentences of our own)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from graphbuild.nlp import keep_glosses


def _attacks(events):
    return [(e.actor and e.actor.mention, e.target and e.target.mention, e.modality)
            for e in events if e.event_type == "ASSAULT"]


def test_a_bracketed_gloss_after_a_word_starts_no_sentence_a_note_may():
    words = ["the", "Front", "[", "RLF", "]", "attacked", ".", "--", "[", "TEXT", "]", "Rebels", "fled", "."]
    doc = keep_glosses(Doc(spacy.blank("en").vocab, words=words))
    assert doc[2].is_sent_start is False and doc[3].is_sent_start is False  # "Front [RLF]": a gloss
    assert doc[8].is_sent_start is None and doc[9].is_sent_start is None    # "-- [TEXT]": left to the parser


def test_the_group_of_a_gloss_is_the_attacker(nlp, extract):
    text = ("Heavy fighting broke out last night when members of the River Liberation Front [RLF] "
            "attacked a police post. Two guards were wounded.")
    assert [s.text.split()[0] for s in nlp(text).sents] == ["Heavy", "Two"]
    assert any(a and "River Liberation Front" in a and t == "a police post" for a, t, _ in _attacks(extract(text)))


def test_the_clause_that_names_the_attacker_outranks_a_word_for_its_kind(extract):
    # "terrorist" of "a terrorist attack" says what kind of attack, the claim or the light verb says who
    cases = [
        ("The River Front claimed responsibility for the terrorist attack on the power station.",
         ("The River Front", "the power station", "claimed")),
        ("The River Front carried out a guerrilla raid on the army post.",
         ("The River Front", "the army post", "asserted")),
        ("Police arrested three men for the terrorist attack on the power station.",
         ("three men", "the power station", "alleged")),
        ("The River Front claimed responsibility for Monday's terrorist attack on the power station.",
         ("The River Front", "the power station", "claimed")),  # a day's possessive says when, not who
    ]
    for text, expected in cases:
        assert expected in _attacks(extract(text)), text


def test_no_one_named_by_a_negated_claim_is_no_attacker(extract):
    # "no group" claims nothing: the kind word stays, no group becomes the actor
    found = _attacks(extract("No group has claimed responsibility for the terrorist attack on the power station."))
    assert all(a is None or "group" not in a.lower() for a, _, _ in found)


def test_the_one_armed_group_of_the_article_is_the_perpetrator_of_its_unattributed_attack(extract):
    text = ("A car bomb exploded outside a hotel in Mogadishu on Monday, killing four guards. Al-Shabaab has "
            "waged an insurgency against the government since 2007.")
    found = [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert [(e.actor and e.actor.label, e.target.mention) for e in found] == [("al-Shabaab", "four guards")]


def test_two_armed_groups_named_lend_no_perpetrator(extract):
    text = ("A car bomb exploded outside a hotel in Mogadishu on Monday, killing four guards. Officials held "
            "talks with al-Shabaab and the Islamic State last year.")
    assert [e.actor for e in extract(text) if e.event_type == "ASSAULT"] == [None]


def test_a_vehicle_told_as_the_attacker_is_the_means_not_who(extract):
    cases = [
        ("A truck loaded with explosives blew up outside the ministry, killing six people.", (None, "six people")),
        ("A plane dropped a bomb on the market in the town.", (None, "the market")),
        # owned or modified by who acts, it stands for them
        ("An army helicopter fired rockets at the village.", ("An army helicopter", "the village")),
        ("The militia said its trucks had attacked the convoy.", ("The militia's trucks", "the convoy")),
    ]
    for text, expected in cases:
        assert expected in [(a, t) for a, t, _ in _attacks(extract(text))], text


def test_the_accused_of_an_attack_is_its_alleged_actor(extract):
    # the parser hangs "of bombing" on the accused, not on "accused"
    cases = [
        ("The bishop accused the air force of bombing the church in the village.",
         ("the air force", "the church", "alleged")),
        ("The navy has accused the rebels of kidnapping 12 fishermen near the coast.",
         ("the rebels", "12 fishermen", "alleged")),
    ]
    for text, expected in cases:
        assert expected in _attacks(extract(text)), text
    found = _attacks(extract("The mayor accused the militia of the murder of two nurses."))
    assert [(a.split()[:2], t, m) for a, t, m in found] == [(["the", "militia"], "two nurses", "alleged")]


def test_the_group_a_story_is_about_outranks_one_named_in_passing(extract):
    text = ("A car bomb exploded outside a hotel in Mogadishu on Monday, killing four guards. Al-Shabaab has "
            "waged an insurgency since 2007. Al-Shabaab has often been compared with the Islamic State. "
            "Al-Shabaab fighters control much of the south.")
    found = [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert [(e.actor and e.actor.label, e.target.mention) for e in found] == [("al-Shabaab", "four guards")]


def test_a_clause_of_perpetration_hung_on_the_victim_names_the_actor(extract):
    cases = [
        ("The government condemns the murder of General Luis Ortega, which was perpetrated by professionals.",
         ("professionals", "General Luis Ortega", "asserted")),
        ("The council condemned the killing of the mayor, which was carried out by two gunmen.",
         ("two gunmen", "the mayor", "asserted")),
    ]
    for text, expected in cases:
        assert expected in _attacks(extract(text)), text


def test_an_attack_blamed_on_someone_inside_its_of_phrase(extract):
    # the parser hangs "on the River Front" on "nurses"
    assert ("the River Front", "two nurses", "alleged") in _attacks(
        extract("Police blamed the murder of two nurses on the River Front."))
