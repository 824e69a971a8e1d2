import pytest

from graphbuild.documents import detect_language, foreign_language, identify, read_documents

FRENCH = ("Des hommes armés ont attaqué un poste de police dans le nord du pays dans la nuit de dimanche à "
          "lundi, a annoncé le ministère de l'Intérieur. Deux policiers ont été tués et trois autres blessés. "
          "Les assaillants ont pris la fuite vers la frontière avant l'arrivée des renforts.")
ARABIC = ("هاجم مسلحون مركزا للشرطة في شمال البلاد ليلة الأحد، حسبما أعلنت وزارة الداخلية في بيان. وقتل "
          "شرطيان وأصيب ثلاثة آخرون بجروح، وفر المهاجمون نحو الحدود قبل وصول التعزيزات العسكرية إلى المنطقة.")
SPANISH = ("Un grupo de hombres armados atacó una estación de policía en el norte del país durante la noche del "
           "domingo, informó el ministerio del Interior. Dos agentes murieron y otros tres resultaron heridos.")
ENGLISH = ("Gunmen attacked a police station in the north of the country on Sunday night, the interior ministry "
           "said. Two officers were killed and three others wounded before the attackers fled to the border.")
WIRE = ("SAN SALVADOR, 12 APR 89 -- [TEXT] URBAN COMMANDOS OF THE FMLN ATTACKED THE RESIDENCE OF COLONEL "
        "ZEPEDA IN SANTA TECLA LAST NIGHT, THE ARMED FORCES PRESS OFFICE REPORTED. NO CASUALTIES WERE REPORTED.")
NAMES = ("Mr Nguyen Van Thanh met Tran Thi Mai, Le Quang Huy and Pham Minh Chinh in Hanoi on Monday, "
         "said Vo Van Kiet, Dang Thi Ngoc Thinh and Nguyen Xuan Phuc.")


@pytest.mark.parametrize("text,code", [(FRENCH, "fr"), (ARABIC, "ar"), (SPANISH, "es")])
def test_other_languages_are_recognized(text, code):
    assert foreign_language(text).code == code


@pytest.mark.parametrize("text", [ENGLISH, WIRE, NAMES, "Rebels attacked.", "Attentat à Paris", "Ataque en Lima"])
def test_english_all_capitals_names_and_short_texts_are_never_called_foreign(text):
    assert foreign_language(text) is None


def test_short_texts_are_not_judged():
    assert detect_language("Attaque contre la police.") is None
    assert identify(ENGLISH) == "en"


def test_a_document_not_in_the_pipeline_language_is_named_and_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    problems = []
    docs = list(read_documents([tmp_path], warn=problems.append, language="en"))
    assert [d.id for d in docs] == ["b"] and docs[0].language == "en"
    assert [str(p) for p in problems] == [f"{tmp_path / 'a.txt'}: looks like French (fr); skipped"]
    assert problems[0].skipped


def test_the_reader_alone_reads_every_language(tmp_path):
    (tmp_path / "a.txt").write_text(SPANISH, encoding="utf-8")
    (doc,) = read_documents([tmp_path])
    assert doc.language == "es"


def test_plain_english_prose_does_not_need_the_detector():
    from graphbuild.documents import language

    language._identifier.cache_clear()
    assert identify(ENGLISH) == "en" and foreign_language(ENGLISH) is None
    assert language._identifier.cache_info().currsize == 0  # its model was never loaded
    assert identify(WIRE) == "en"
