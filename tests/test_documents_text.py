"""The text rooms: plain-text furniture, tokenized text, and the text NLP sees."""

from graphbuild.documents import clean_text, detokenize, is_tokenized, prepare_text


def test_prose_after_a_headline_and_a_run_of_short_lines_is_kept():
    # the old "rest of the page is furniture" rule dropped everything after the third short line
    text = ("Rebels shell the northern district as talks stall in the capital\n"
            "By Staff Reporter\nUpdated\nShare\nPrint\n"
            "Rebels shelled the northern district overnight, killing four people, residents said.\n"
            "Read next\nWorld\nPhotos\n"
            "Aid agencies said the main road to the district remained closed on Tuesday.")
    out = clean_text(text).splitlines()
    assert out[-2:] == ["Rebels shelled the northern district overnight, killing four people, residents said.",
                        "Aid agencies said the main road to the district remained closed on Tuesday."]


def test_a_list_of_stories_with_time_stamps_is_furniture_even_with_full_stops():
    text = ("Gunmen attacked a checkpoint outside the town on Monday, police said.\n"
            "Latest\n"
            "Minister says the talks will go on next week.\n2 hours ago\n"
            "Football club signs a new striker for next season.\n3 hours ago\n"
            "Farmers in the north await the first rain of the year\n5 hours ago")
    assert clean_text(text) == "Gunmen attacked a checkpoint outside the town on Monday, police said."


def test_a_headline_list_without_stamps_is_furniture_but_a_title_before_prose_stays():
    text = ("Troops retake the river port after a week of fighting\n"
            "Troops retook the river port on Friday after a week of fighting, the army said.\n"
            "Related\n"
            "Parliament passes the annual budget after a late night session\n"
            "New museum opens its doors to the public in the old harbour\n")
    assert clean_text(text).splitlines() == text.splitlines()[:2]


def test_a_short_brief_with_a_time_stamp_keeps_its_sentence():
    assert clean_text("By Staff\n10:32 GMT\nMilitants shelled the airport overnight, officials said.") == (
        "Militants shelled the airport overnight, officials said.")


def test_tokenized_text_is_put_back_as_prose_and_prose_is_left_alone():
    tokenized = ("Police said the bomb went off near the facility 's gate , killing two guards . "
                 "\" We heard a loud bang , \" a resident said ( speaking by phone ) . It was n't the first attack .")
    assert is_tokenized(tokenized)
    assert detokenize(tokenized) == (
        "Police said the bomb went off near the facility's gate, killing two guards. "
        "\"We heard a loud bang,\" a resident said (speaking by phone). It wasn't the first attack.")
    prose = "He said: \"It isn't over , not yet.\" The U.S. embassy (in Kabul) closed."
    assert not is_tokenized(prose) and detokenize(prose) == prose


def test_abbreviations_do_not_make_tokenized_text_look_like_prose():
    # a tokenizer leaves "Mr." and "U.S." whole: their periods are no sign of prose
    text = ("Mr. Ruiz said Gen. Sola met U.S. and U.K. envoys , aides said , before the vote . "
            "Mr. Sola 's office declined to comment .")
    assert is_tokenized(text)
    assert detokenize(text).endswith("before the vote. Mr. Sola's office declined to comment.")
    prose = "Mr. Ruiz said Gen. Sola met U.S. envoys, aides said. It ended."
    assert not is_tokenized(prose)


def test_curly_quotes_hyphens_and_line_breaks_of_tokenized_text():
    text = "The pre - dawn raid , “ a clear provocation , ” ended .\nTroops ’ trucks left ."
    assert detokenize(text) == "The pre-dawn raid, “a clear provocation,” ended.\nTroops’ trucks left."


def test_prepared_text_of_tokenized_wire_copy_reads_as_prose():
    text = "GUERRILLAS ATTACKED THE POST , THE ARMY SAID . TWO SOLDIERS DIED , IT SAID ."
    assert prepare_text(text) == "Guerrillas attacked the post, the army said. Two soldiers died, it said."


def test_a_long_sentence_is_never_furniture_wherever_it_stands():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    sentence = ("Government troops and fighters of the armed opposition exchanged heavy fire across the river for "
                "most of the night, residents of both banks said on Tuesday.")
    furniture = st.sampled_from(["Share", "9 minutes -", "1 hour ago", "-", "Latest Stories", "By Staff",
                                 "Minister opens a new bridge over the river in the north",
                                 "Football club signs a new striker for next season."])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(furniture, max_size=12), st.lists(furniture, max_size=12))
    def check(before, after):
        assert sentence in clean_text("\n".join([*before, sentence, *after])).splitlines()

    check()
