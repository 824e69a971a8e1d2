"""Combat between armed sides is PLOVER's FIGHT, not ASSAULT.

PLOVER keeps two kinds of violence apart: FIGHT is the use of conventional military force (clashes, battles,
armed combat between armed actors; ACLED's "Battles"), ASSAULT is violence by unconventional means or
against people and property not in combat (bombings, assassinations, kidnappings, massacres; ACLED's
"Violence against civilians" and "Explosions"). The extractor finds both through the same triggers, as
ASSAULT frames; the rules here recode, narrowly, the ones that report combat:

- the fighting itself: a clash word as the trigger ("clashes between the army and rebels", "the two
  militias clashed", "heavy fighting"), unless a side is unarmed ("police clashed with protesters" stays
  what it is);
- a casualty of combat: combatants killed, wounded or attacked in a sentence that tells of the fighting
  ("three rebels were killed during clashes", "a soldier was wounded in combat with the guerrillas") or
  of an attack on a fighting formation ("the guerrillas attacked army positions, killing one soldier");
- fighters of an armed group hit by another armed group ("the rebels killed four militiamen of the
  rival faction"): armed men on both sides. A state's forces hitting armed men, or no one named ("an
  airstrike on the militia"), stay as told: that may be a raid, a strike or an execution;
- a machine of war hit by an armed group or by no one named ("the rebels downed two helicopters", "a
  gunship was hit by ground fire"), not one told as someone's own ("a private plane"), nor seized
  ("captured two drones"), nor wrecked where it stands ("destroyed three helicopters on the ground": an
  attack on the base, ``cekg:wreckingVerb``); a state's forces hitting one stay as told ("the navy sank two
  carriers");
- an attack on a fighting formation, by an armed side or by no one named ("the rebels attacked army
  positions", "troops assaulted the guerrilla columns", "an attack on military positions"): a force in the
  field is fought, not assaulted. With no one named, "troops" and "forces" are left out: the usual
  victims of a strike whose means another sentence tells ("US troops were targeted again"). Its members
  one by one ("killed two soldiers") and its bases and vehicles ("a drone strike on the base") are not a
  formation.

A side's own tally in the first person plural ("we killed 15 soldiers", "our units downed two helicopters",
"we killed three and wounded five") counts its enemies in the field: combatants, formations, machines of war or
a bare number of them.

An ambush ("ambushed a patrol", "ambushed three militiamen") and a strike from afar ("airstrikes on rebel
positions", "shelled the garrison") stay ASSAULT whatever they hit: one side strikes, nothing in it says the
other fought back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .casualties import NUMBER_WORDS
from .lexicon import FIGHT_MODE, Words
from .sides import subjects
from .targets import is_military_vehicle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..records import Actor

ARMED_KINDS = ("military", "police", "armed_group")
UNARMED_KINDS = ("civilians",)


def is_combat(trigger: Token, sent: Span, actors: list[Actor | None], targets: list[Actor | None],
              words: Words) -> bool:
    """Whether an ASSAULT frame of ``trigger`` reports combat between armed sides (FIGHT)."""
    if _own_tally(trigger, [t for t in targets if t is not None], words):
        return True
    sides = [s for s in (*actors, *targets) if s is not None]
    if any(is_unarmed(s, words) for s in sides):
        return False
    if is_fight_word(trigger, words):
        return True
    hit = [t for t in targets if t is not None]
    if not hit:
        return False
    given = [a for a in actors if a is not None]
    if all(is_formation(t, words, strict=not given) for t in hit) and all(is_combatant(a, words) for a in given) \
            and not _one_sided(trigger, words):
        return True
    if given and all(a.kind == "armed_group" for a in given) and all(is_fighter(t, words) for t in hit) \
            and not _one_sided(trigger, words):
        return True
    if all(a.kind == "armed_group" for a in given) and all(is_war_machine(t, words) for t in hit) \
            and not _one_sided(trigger, words) and trigger.lemma_.lower() not in words.lex.suspect_verbs \
            and trigger.lemma_.lower() not in words.lex.wrecking_verbs:
        return True
    return all(is_combatant(t, words) for t in hit) and (
        any(is_fight_word(t, words) for t in sent if t.i != trigger.i) or _formation_fought(sent, trigger, words))


def _formation_fought(sent: Span, trigger: Token, words: Words) -> bool:
    """The sentence tells of an attack on a fighting formation, not an ambush nor from afar ("guerrilla
    columns attacked the brigade's positions, killing one soldier", "a rebel was killed during the attack
    on army positions"): its combatant casualties are of the fight."""
    lex = words.lex
    for tok in sent:
        if tok.i == trigger.i or _one_sided(tok, words):
            continue
        lemma = tok.lemma_.lower()
        attack = lex.verb_triggers.get(lemma) == "ASSAULT" if tok.pos_ == "VERB" else \
            tok.pos_ == "NOUN" and lex.noun_triggers.get(lemma) == "ASSAULT"
        if not attack:
            continue
        hit = [c for c in tok.children if c.dep_ == "dobj"] + [
            p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
            for p in c.children if p.dep_ == "pobj"]
        if any(h.lower_ in lex.formation_nouns and h.lower_ not in ("troops", "forces") for h in hit):
            return True
    return False


def _own_tally(trigger: Token, hit: list[Actor], words: Words) -> bool:
    """A side's own tally of its fighting, told in the first person plural ("we killed 15 soldiers", "our
    units downed two helicopters", "we killed three and wounded five"): who says "we" of killing is an
    armed party speaking (a communiqué, a commander), and those it counts are its enemies in the field:
    combatants, formations, machines of war, or a bare number of them."""
    if not hit or not any(_first_person(s) for s in subjects(trigger, words=words)):
        return False
    return all(is_combatant(t, words) or is_formation(t, words) or is_war_machine(t, words)
               or _is_count(t.mention) for t in hit)


def _first_person(tok: Token) -> bool:
    """ "we", "us", or a noun of "our" ("our forces")."""
    return tok.lower_ in ("we", "us") and tok.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.lower_ == "our" for c in tok.children)


def _is_count(mention: str) -> bool:
    """A mention that is a number and nothing else ("three", "15", "at least 12").

    >>> _is_count("three"), _is_count("at least 12"), _is_count("three peasants")
    (True, True, False)
    """
    ws = mention.lower().split()
    return bool(ws) and all(w in _HEDGES or w in NUMBER_WORDS or w.replace(",", "").isdigit() for w in ws) and \
        any(w not in _HEDGES for w in ws)


_HEDGES = ("at", "least", "about", "some", "nearly", "over")


def _one_sided(trigger: Token, words: Words) -> bool:
    """An ambush ("were ambushed near the river"), or violence from afar ("airstrikes on rebel positions",
    "shelled army positions"): one side strikes, nothing says the other fought; told as ASSAULT, whatever
    it hits. The modes of violence from afar are the ontology's ``cekg:oneSided`` modes."""
    if trigger.lemma_.lower() == "ambush":
        return True
    near = [trigger, *[c for c in trigger.children if c.dep_ in ("dobj", "nsubj", "compound", "amod")],
            *[p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children],
            *([trigger.head] if trigger.dep_ in ("acl", "relcl") else [])]  # "airstrikes targeting ..."
    modes = [words.mode_of(t) if t.pos_ in ("NOUN", "PROPN") else words.lex.modes.get(f, (None,))[0]
             for t in near for f in (t.lemma_.lower(), f"{t.lemma_.lower()}ing")]  # "shelled": "shelling"
    return any(m in words.lex.one_sided_modes for m in modes)


def is_fighter(side: Actor, words: Words) -> bool:
    """Fighters of an armed group ("six guerrillas", "two of the rebels", "the ELN"), not a state's forces."""
    if side.kind == "armed_group":
        return True
    head = head_word(side.mention)
    return side.kind not in ARMED_KINDS and head in words.group_nouns and \
        words.lex.sector_nouns.get(head) not in ("Military", "Police")


def is_war_machine(side: Actor, words: Words) -> bool:
    """A machine of war of a state's forces ("two helicopters", "an air force gunship", "34 tanks"): the
    lexicon's ``cekg:hardwareNoun``; one told as someone's own or as a civilian's ("a private plane", "fuel
    tanks": ``cekg:civilWord``) is no war machine, nor is a ship unless the words say it is a warship
    (``cekg:civilHardwareNoun``): merchant shipping is the usual target of attacks at sea ("targeting ships linked to
    Israel").

    >>> from graphbuild.cache import load_ontology
    >>> from graphbuild.extract.lexicon import words_of
    >>> from graphbuild.records import Actor
    >>> words = words_of(load_ontology())
    >>> [is_war_machine(Actor(id="x", label="x", mention=m), words) for m in ("two helicopters", "a private plane")]
    [True, False]
    """
    text = side.mention.lower()
    head = head_word(text)
    lex = words.lex
    if any(w in lex.civil_words for w in text.split()):
        return False
    # "fighter planes", "armored cars": a vehicle its words tell as a fighting force's (targets.py)
    return head in words.hardware and head not in lex.civil_hardware_nouns or is_military_vehicle(text)


def is_formation(side: Actor, words: Words, strict: bool = False) -> bool:
    """A force in the field written as one ("army positions", "the 3rd brigade", "rebel units", "government
    troops"), not its members one by one ("two soldiers") nor a place it holds ("the base"). ``strict``
    (no attacker named) leaves out "troops" and "forces", the usual victims of a strike from afar ("US
    troops were targeted again"), whose means another sentence may tell. The head nouns are the ontology's
    ``cekg:formationNoun``.

    >>> from graphbuild.cache import load_ontology
    >>> from graphbuild.extract.lexicon import words_of
    >>> from graphbuild.records import Actor
    >>> words = words_of(load_ontology())
    >>> [is_formation(Actor(id="x", label="x", mention=m), words) for m in ("the rebel positions", "two soldiers")]
    [True, False]
    """
    head = head_word(side.mention)
    return head in words.lex.formation_nouns and not (strict and head in ("troops", "forces"))


def is_fight_word(tok: Token, words: Words) -> bool:
    """A word of two-sided fighting: a noun of the mode "armed clash" ("clashes", "combat", "crossfire") or
    a verb of it ("clashed", "fought")."""
    if tok.pos_ in ("NOUN", "PROPN"):  # "confrontations": a word of the mode, though no trigger of its own
        return words.is_fight(tok) or (tok.pos_ == "NOUN" and words.mode_of(tok) == FIGHT_MODE)
    if tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()  # the lexicon lists the clash words as nouns: "clash", "fighting"
    return any(words.lex.modes.get(f, (None,))[0] == FIGHT_MODE for f in (lemma, f"{lemma}ing"))


def is_combatant(side: Actor, words: Words) -> bool:
    """A side that bears arms: a state's military or police, an armed group, or a mention whose head noun
    names one ("three soldiers", "two of the guerrillas")."""
    if side.kind in ARMED_KINDS:
        return True
    head = head_word(side.mention)
    return head in words.group_nouns or words.lex.sector_nouns.get(head) in ("Military", "Police")


def is_unarmed(side: Actor, words: Words) -> bool:
    """Civilians, also when only their head noun says so ("villagers", "protesters")."""
    if side.kind in UNARMED_KINDS:
        return True
    return side.kind not in ARMED_KINDS and words.lex.sector_nouns.get(head_word(side.mention)) == "Civilians"


def head_word(mention: str) -> str:
    """The last word before an of-phrase, past a partitive ("two of the guerrillas").

    >>> head_word("two of the guerrillas"), head_word("members of the battalion"), head_word("Three soldiers")
    ('guerrillas', 'members', 'soldiers')
    """
    text = mention.lower()
    before, _, after = text.partition(" of ")
    first = before.split()
    if first and first[-1] in _PARTITIVE and after:
        before = after
    ws = [w.strip(".,'\"()[]") for w in before.split()]
    return ws[-1] if ws else ""


_PARTITIVE = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "several",
              "many", "most", "all", "dozens", "scores", "hundreds", "none", "each", "both", "group", "unit"}
