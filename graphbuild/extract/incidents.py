"""Event coreference across sentences: one incident told in several sentences of an article.

A report often names the perpetrator in one sentence ("the raid was conducted by a separatist cell", "police
blamed the blast on rebels", "the militia said it was responsible for the ambush") and the harm in others
("a parcel bomb went off at a pharmacy", "the blast hurt two clerks"). The rules here give the
unattributed mentions their perpetrator:

- a mention that refers back to an attack ("the raid left three dead", "hurt in the explosion") takes the
  actor of the nearest attack told before it;
- a nearby statement of who carried out an attack, with no target of its own, fills it, and replaces a word
  for the kind of attacker ("the terrorist attack ..., from which two men threw grenades");
- the same specific victim named with its attacker elsewhere in the article fills it;
- an article that names one attacker only (wire copy on one incident) lends it to all its attacks, and
  to those told with a word for a kind of attacker only ("a guerrilla raid wrecked ..."); one that names
  several lends the main one (more than a third of its attributed attacks) to the attacks told without one;
- an article whose attacks name no attacker at all but that names one armed group elsewhere
  (perpetrators.py: "a bomb wrecked the depot ... the River Front has fought the government since 1990")
  lends that group, never to its own fighters as victims;
- otherwise an attack told without an attacker takes the nearest armed group or unnamed attacker of an
  attack told in the sentences before it (not a state's forces: their reprisals and other wars), never
  for an armed group's fighters as victims, nor in an article where a state's forces attack too (the
  strikes on a militia's sites are the other side's).

An attack with no target is no event of its own: it is kept only as such a statement and never output.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from ..records import HAPPENED, Actor, Event
from .lexicon import FIGHT_MODE

NEAR = 2       # sentences between an attack and a statement of its perpetrator
ANAPHORA = 6   # sentences back to the antecedent of "the raid", and to the attacker told before the harm
STATE_FORCES = ("state", "military", "government")
LENDERS = ("armed_group", "unknown")  # "gunmen", "two men": lent to the harm told after them


@dataclass(frozen=True)
class Mention:
    """An event mention with what the cross-sentence rules need to know of its sentence and frame."""

    n: int                    # sentence number
    event: Event
    statement: bool = True    # may say who carried out an attack told elsewhere (a verb or a definite noun)
    anaphoric: bool = False   # refers back to an attack told before ("the raid left three dead")
    weak_actor: bool = False  # the actor is only a modifier of the event noun ("guerrilla raids")


def resolve_incidents(mentions: list[Mention], named: Actor | None = None) -> list[Event]:
    """The events of an article, in text order, with perpetrators filled across sentences; ``named``: the
    one armed group the article names (perpetrators.py), for the attacks told without one when no attack of
    the article names an attacker."""
    ms = list(mentions)
    anyone = any(_attack(m.event) and m.event.actor is not None for m in ms)
    # 1. "the raid left three dead": the actor of the nearest attack before it
    for i, m in enumerate(ms):
        if _unattributed(m.event) and m.anaphoric:
            j = _antecedent(ms, i)
            if j is not None:
                ms[i] = _fill(m, ms[j], 0.1)
    # 2. a statement of who carried out an attack, in a nearby sentence
    statements = [j for j, m in enumerate(ms) if _is_statement(m)]
    for i, m in enumerate(ms):
        weak = _weakly_attributed(m)
        if _unattributed(m.event) or weak:
            # the nearest, one after it before one before it, and one that names who before a word for a kind
            near = [(abs(ms[j].n - m.n) + (0.5 if ms[j].n < m.n else 0), ms[j].weak_actor, j) for j in statements
                    if abs(ms[j].n - m.n) <= NEAR and not (weak and ms[j].weak_actor)]
            if near:
                *_, j = min(near)
                ms[i] = _fill(m, ms[j], 0.1)
    # 3. the same specific victim named with its attacker elsewhere: "X was kidnapped today" ... "X was
    # kidnapped by heavily armed men" (only when one attacker is named for it)
    by_target: dict[str, set[Actor]] = {}
    for m in ms:
        e = m.event
        if e.event_type == "ASSAULT" and e.actor is not None and e.target is not None and _specific(e.target):
            by_target.setdefault(e.target.id, set()).add(e.actor)
    # 4. an article that names one attacker only; it also stands for "guerrilla" of "guerrilla raids"
    only = _only_attacker(ms)
    # an article whose states' forces attack as well (strikes on a militia's sites): the harm is either side's
    two_sided = any(_attack(m.event) and m.event.actor is not None and m.event.actor.kind in STATE_FORCES
                    and m.event.modality in HAPPENED for m in ms)
    for i, m in enumerate(ms):
        e = m.event
        if only is not None and not only.weak_actor and m.weak_actor and e.actor != only.event.actor \
                and e.target is not None:
            ms[i] = _fill(m, only, 0.1)
        elif _unattributed(e):
            if len(by_target.get(e.target.id, ())) == 1:
                ms[i] = _fill(m, next(iter(by_target[e.target.id])), 0.1)
            elif only is not None:
                ms[i] = _fill(m, only, 0.2)
            elif named is not None and not anyone and e.target.kind != "armed_group":  # not to its own fighters
                ms[i] = _fill(m, named, 0.3)
            elif not two_sided and e.target.kind != "armed_group" and (j := _previous_attacker(ms, i)) is not None:
                ms[i] = _fill(m, ms[j], 0.3)  # an armed group's fighters are hit by the other side
    return [m.event for m in ms if not (m.event.event_type == "ASSAULT" and m.event.target is None)]


def _attack(e: Event) -> bool:
    """An attack by its actor: an ASSAULT, or a FIGHT told as one side's attack ("the army attacked rebel
    positions"), not a clash of two ("fighting between the army and rebels")."""
    return e.event_type == "ASSAULT" or (e.event_type == "FIGHT" and e.mode != FIGHT_MODE)


def _unattributed(e: Event) -> bool:
    return e.event_type == "ASSAULT" and e.actor is None and e.target is not None and e.modality == "asserted"


def _weakly_attributed(m: Mention) -> bool:
    """ "the terrorist attack on the depot": an attack whose actor is only a word for its kind."""
    e = m.event
    return m.weak_actor and e.event_type == "ASSAULT" and e.target is not None and e.modality == "asserted"


def _is_statement(m: Mention) -> bool:
    e = m.event
    return e.event_type == "ASSAULT" and e.actor is not None and e.target is None and m.statement


def _previous_attacker(ms: list[Mention], i: int) -> int | None:
    """The nearest attack before mention ``i`` by an armed group or unnamed attackers, not a state's forces nor
    a person (a speaker, an official): wire copy tells who carried out the attack, then the harm ("guerrillas
    raided the town ... two farmers were killed"), while states and their forces are named for reprisals,
    denials and other wars."""
    n = ms[i].n
    for j in range(i - 1, -1, -1):
        m = ms[j]
        if n - m.n > ANAPHORA:
            break
        if _attack(m.event) and m.event.actor is not None and m.event.modality in HAPPENED and \
                not m.weak_actor and m.event.actor.kind in LENDERS:
            return j
    return None


def _antecedent(ms: list[Mention], i: int) -> int | None:
    """The nearest attack with an actor told before mention ``i`` (its own sentence first)."""
    n = ms[i].n
    for j in range(i - 1, -1, -1):
        m = ms[j]
        if n - m.n > ANAPHORA:
            break
        if m.event.event_type == "ASSAULT" and m.event.actor is not None and \
                m.event.modality in HAPPENED:
            return j
    return None


def _fill(m: Mention, source: Mention | Actor, penalty: float) -> Mention:
    """``m`` with the actor of ``source`` (a mention that names it, or the actor itself); not when the
    victims are the attackers themselves ("six rebels were killed in the raid")."""
    e = m.event
    actor = source.event.actor if isinstance(source, Mention) else source
    if e.target is not None and _same_kind(actor, e.target):
        return m
    e = replace(e, actor=actor, confidence=round(max(e.confidence - penalty, 0.05), 3))
    weak = False
    if isinstance(source, Mention):
        weak = source.weak_actor
        if source.event.modality != "asserted":
            e = replace(e, modality=source.event.modality,
                        attributed_to=e.attributed_to or source.event.attributed_to)
    return replace(m, event=e, weak_actor=weak)


def _only_attacker(ms: list[Mention]) -> Mention | None:
    """The mention of the one attacker an article names (a statement of it first); generic words
    ("guerrilla" of "guerrilla raids") count only when nothing else is named, and unnamed armed men go with
    the one armed group the article names."""
    found = [m for m in ms if _attack(m.event) and m.event.actor is not None
             and m.event.modality in ("asserted", "claimed", "alleged")
             and m.event.actor.kind != "facility"]  # a building lends no attacker
    strong = [m for m in found if not m.weak_actor]
    pool = strong or found
    cands = {m.event.actor.id: m.event.actor for m in pool}
    if len(cands) != 1:
        # one named group, and otherwise only unnamed armed men ("the ELF" ... "the gunmen")
        named = [a for a in cands.values() if a.resolved and a.kind == "armed_group"]
        others = [a for a in cands.values() if a not in named]
        if not (len(named) == 1 and all(not a.resolved and a.kind == "armed_group" for a in others)):
            return _main_attacker(pool)
        cands = {named[0].id: named[0]}
    (only,) = cands
    said = [m for m in pool if m.event.actor.id == only]
    return next((m for m in said if m.event.target is None), said[0])


def _main_attacker(pool: list[Mention]) -> Mention | None:
    """The attacker an article is about when it names several: the one that carries out more than a third of
    the article's attacks with an attacker, and the most of them (on a tie the first armed group or unnamed
    attackers, else the first named: wire copy names the perpetrator of its story first, then the army's
    reprisals, and the police it names first are often those who answered the attack). Victims and places
    are never it."""
    if not pool:
        return None
    uses = Counter(m.event.actor.id for m in pool)
    n = max(uses.values())
    tied = [m for m in pool if uses[m.event.actor.id] == n]
    # a tie: the one the lead names, an armed group or unnamed attackers before a state's forces (reprisals)
    top = next((m.event.actor.id for m in tied if m.event.actor.kind in LENDERS), tied[0].event.actor.id)
    actor = next(m.event.actor for m in pool if m.event.actor.id == top)
    if actor.kind in ("civilians", "facility") or n * 3 <= len(pool):
        return None
    said = [m for m in pool if m.event.actor.id == top]
    return next((m for m in said if m.event.target is None), said[0])


def _same_kind(actor: Actor, target: Actor) -> bool:
    """ "rebels" and "six rebels", "the gunmen" and "two of the gunmen": the target is of the actor's side
    (all the actor's words are in the target's, but "Chadian troops" are not "Malian troops")."""
    if actor.id == target.id:
        return True
    words = [w.rstrip("s") for w in actor.mention.lower().split() if w not in ("the", "a", "an")]
    return bool(words) and set(words) <= {w.rstrip("s") for w in target.mention.lower().split()}


def _specific(actor: Actor) -> bool:
    """A victim named precisely enough to recognise it in another sentence: a person, a named group or
    organisation, a named facility."""
    return actor.kind in ("person", "organisation", "armed_group") or (
        actor.kind == "facility" and actor.resolved) or any(w[:1].isupper() for w in actor.mention.split()[1:])
