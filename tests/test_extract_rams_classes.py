"""Classes of misses on modern conflict news (issue 10): sentences written for these tests, against the pinned
model (en_core_web_sm 3.8), and hand-built parses where the rule is about structure."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def triples(events):
    return {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention)) for e in events}


CASES = [
    # people named by what they do, though the same word names a means ("hackers" of a cyber attack)
    ("Pro-government hackers hijacked the news agency's website.",
     {("pro government hackers", "ASSAULT", "news agency website")}),
    ("Rioters torched a police station in the capital.", {("rioters", "ASSAULT", "police station")}),
    # verbs of attack missing from the lexicon
    ("The strike was claimed by the navy, which sank a Russian landing ship off the coast.",
     {("navy", "ASSAULT", "russian landing ship")}),
    # an event named as the compound of a noun that counts events; a country of several words in "X-led"
    ("The United States-led bombing campaign against Islamic State fighters went into its third year.",
     {("united states", "ASSAULT", "islamic state fighters")}),
    ("The army's shelling campaign against rebel villages went on.", {("army", "ASSAULT", "rebel villages")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_triples(extract, text, expected):
    assert expected <= triples(extract(text))


def test_no_attack_without_a_victim(extract):
    assert not [e for e in extract("Economic growth sank to two percent last year.") if e.event_type == "ASSAULT"]


def test_a_verb_shares_the_object_of_the_verb_coordinated_with_it(extract):
    assert ("gunmen", "ASSAULT", "fuel depot") in triples(extract("Gunmen attacked and looted the fuel depot."))


def test_a_participle_hung_on_a_noun_shares_the_subject_of_its_clause(ontology):
    # "Troops took the town with siege tactics , shelling and starving residents ." parsed as the small model
    # does on longer sentences: "shelling" a conjunct of "tactics"
    import spacy
    from spacy.tokens import Doc

    from graphbuild.extract import extract_events
    from graphbuild.records import Document

    words = ["Troops", "took", "the", "town", "with", "siege", "tactics", ",", "shelling", "and", "starving",
             "residents", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 1, 3, 6, 4, 6, 6, 8, 8, 10, 1],
              deps=["nsubj", "ROOT", "det", "dobj", "prep", "compound", "pobj", "punct", "conj", "cc", "conj",
                    "dobj", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN", "NOUN", "PUNCT", "VERB", "CCONJ", "VERB", "NOUN",
                   "PUNCT"],
              tags=["NNS", "VBD", "DT", "NN", "IN", "NN", "NNS", ",", "VBG", "CC", "VBG", "NNS", "."],
              lemmas=["troop", "take", "the", "town", "with", "siege", "tactic", ",", "shell", "and", "starve",
                      "resident", "."], sent_starts=[True] + [False] * 12)
    evs = list(extract_events(doc, Document("t", doc.text), ontology))
    assert ("troops", "ASSAULT", "residents") in triples(evs)


ARRESTS = [  # COERCE: the arrester is the actor, the arrested the target, never reversed
    ("Police arrested two journalists in Lagos.", ("police", "COERCE", "two journalists")),
    ("Two activists were detained by security forces on Monday.", ("security forces", "COERCE", "two activists")),
    ("The arrest of the opposition leader by police sparked protests.", ("police", "COERCE", "opposition leader")),
    ("The deportation of the refugees by the authorities drew criticism.",
     ("authorities", "COERCE", "refugees")),
]


@pytest.mark.parametrize("text,want", ARRESTS, ids=[c[0][:40] for c in ARRESTS])
def test_arrests_keep_their_direction(extract, text, want):
    got = triples(extract(text))
    assert want in got and (want[2], want[1], want[0]) not in got


def test_coordinated_modifiers_the_parser_reads_as_nouns_are_both_sides(extract):
    (ev,) = extract("Herder and farmer militias clashed near the river.")
    assert {norm(ev.actor.mention), norm(ev.target.mention)} == {"herder militias", "farmer militias"}


def test_light_verb_and_event_noun_take_the_verbs_on_phrase(extract):
    got = triples(extract("Soldiers opened fire on protesters outside the governor's office."))
    assert ("soldiers", "ASSAULT", "protesters") in got


def _parsed(words, heads, deps, pos, tags, lemmas):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_an_event_noun_tagged_as_a_verb_is_read_as_the_noun(ontology):
    # "Nightly airstrikes by government forces against rebel positions went on ." as the small model reads long
    # sentences: "airstrikes" a verb (VBZ), still the subject, with the noun's by- and against-phrases
    from graphbuild.extract import extract_events
    from graphbuild.records import Document

    words = ["Nightly", "airstrikes", "by", "government", "forces", "against", "rebel", "positions", "went", "on",
             "."]
    doc = _parsed(words, heads=[1, 8, 1, 4, 2, 1, 7, 5, 8, 8, 8],
                  deps=["amod", "nsubj", "prep", "compound", "pobj", "prep", "compound", "pobj", "ROOT", "prt",
                        "punct"],
                  pos=["ADJ", "VERB", "ADP", "NOUN", "NOUN", "ADP", "NOUN", "NOUN", "VERB", "ADP", "PUNCT"],
                  tags=["JJ", "VBZ", "IN", "NN", "NNS", "IN", "NN", "NNS", "VBD", "RP", "."],
                  lemmas=["nightly", "airstrike", "by", "government", "force", "against", "rebel", "position", "go",
                          "on", "."])
    got = triples(extract_events(doc, Document("t", doc.text), ontology))
    assert ("government forces", "ASSAULT", "rebel positions") in got


def test_a_verb_of_the_lexicon_stays_a_verb(ontology):
    # "raids" tagged a verb is the verb "raid" (its subject acts), not an event noun misread
    from graphbuild.extract.lexicon import words_of
    from graphbuild.extract.misread import misread_event_noun

    words = ["Police", "raids", "the", "depot", "."]
    doc = _parsed(words, heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "det", "dobj", "punct"],
                  pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"], tags=["NNS", "VBZ", "DT", "NN", "."],
                  lemmas=["police", "raid", "the", "depot", "."])
    w = words_of(ontology)
    assert misread_event_noun(doc[1], w) is None
    odd = _parsed(["They", "saw", "airstrikes", "."], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
                  pos=["PRON", "VERB", "VERB", "PUNCT"], tags=["PRP", "VBD", "VBZ", "."],
                  lemmas=["they", "see", "airstrike", "."])
    assert misread_event_noun(odd[2], w) == "ASSAULT"


def test_a_relative_clause_hung_on_a_thing_is_about_the_name_before_it(ontology):
    # "Aid groups criticised the plan backed by Russia , which shelled the refinery ." with the relative clause
    # hung on "plan" (as the small model does): a plan shells nothing, Russia, the name before "which", does
    from graphbuild.extract import extract_events
    from graphbuild.records import Document

    words = ["Aid", "groups", "criticised", "the", "plan", "backed", "by", "Russia", ",", "which", "shelled", "the",
             "refinery", "."]
    doc = _parsed(words, heads=[1, 2, 2, 4, 2, 4, 5, 6, 4, 10, 4, 12, 10, 2],
                  deps=["compound", "nsubj", "ROOT", "det", "dobj", "acl", "agent", "pobj", "punct", "nsubj", "relcl",
                        "det", "dobj", "punct"],
                  pos=["NOUN", "NOUN", "VERB", "DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "DET",
                       "NOUN", "PUNCT"],
                  tags=["NN", "NNS", "VBD", "DT", "NN", "VBN", "IN", "NNP", ",", "WDT", "VBD", "DT", "NN", "."],
                  lemmas=["aid", "group", "criticise", "the", "plan", "back", "by", "Russia", ",", "which", "shell",
                          "the", "refinery", "."])
    doc.ents = [doc.char_span(doc[7].idx, doc[7].idx + len("Russia"), label="GPE")]
    got = triples(extract_events(doc, Document("t", doc.text), ontology))
    assert ("russia", "ASSAULT", "refinery") in got
    # with the clause on a noun that can act ("the militia backed by Russia, which ..."), the parser's choice stands
    from graphbuild.extract.coreference import _nearest_name
    from graphbuild.extract.lexicon import words_of

    assert _nearest_name(doc[9], doc[4], words_of(ontology)).text == "Russia"
    assert _nearest_name(doc[9], doc[1], words_of(ontology)).text == "groups"


GERUNDS = [  # the gerund of an attack verb with its object in an of-phrase, not listed as an event noun
    ("Witnesses described the storming of the prison by the militia.", ("militia", "ASSAULT", "prison")),
    ("The rebels claimed the burning of the warehouse.", ("rebels", "ASSAULT", "warehouse")),
]


@pytest.mark.parametrize("text,want", GERUNDS, ids=[c[0][:40] for c in GERUNDS])
def test_the_gerund_of_an_attack_verb_names_the_attack(extract, text, want):
    assert want in triples(extract(text))


def test_the_firing_of_a_minister_is_no_attack(extract):
    assert not [e for e in extract("The firing of the minister surprised the party.") if e.event_type == "ASSAULT"]


def test_a_gerund_subject_gives_its_by_phrase_as_the_actor(extract):
    # "Shelling" tagged a verb (VBG) and made the clause subject of "wounded": the shelling's agent acted
    got = triples(extract("Shelling by government forces wounded six children."))
    assert ("government forces", "ASSAULT", "six children") in got and (None, "ASSAULT", "six children") not in got


def test_who_puts_a_toll_on_an_attack_counts_and_does_not_strike(extract):
    evs = extract("Local officials put the death toll in the bombing at 14 villagers.")
    assert (None, "ASSAULT", "14 villagers") in triples(evs)
    assert not [e for e in evs if e.actor is not None and e.event_type == "ASSAULT"]


TERRITORY = [  # a verb of bombardment or of taking ground hits the settlement it names by a common noun
    ("Rebels shelled the town overnight.", ("rebels", "ASSAULT", "town")),
    ("Turkish troops invaded the border region in 2018.", ("turkish troops", "ASSAULT", "border region")),
    ("The army bombarded the city for a week.", ("army", "ASSAULT", "city")),
]


@pytest.mark.parametrize("text,want", TERRITORY, ids=[c[0][:40] for c in TERRITORY])
def test_a_settlement_is_the_target_of_a_verb_of_territory(extract, text, want):
    assert want in triples(extract(text))


def test_a_settlement_is_no_target_of_other_attack_verbs(extract):
    # "attacked the town": who or what was hit is not said (MUC-4's convention: people, buildings, vehicles)
    assert not [e for e in extract("Militants attacked the town.") if e.target is not None]
