"""Page furniture is found as spans into the raw text; the story itself is untouched."""
from tasks.furniture import first_content_line, furniture_spans


def test_seed_article_furniture_is_every_chrome_line_and_nothing_of_the_story(seed_text):
    found = [seed_text[s:e] for s, e in furniture_spans(seed_text)]
    assert found.count("Advertisement") == 2
    assert "Get more with myNEWS" in found
    assert "Learn more" in found
    assert "03:36" in found
    # the video caption printed twice under the player
    assert sum(f.startswith("Beijing hits back at Western sanctions") for f in found) == 2
    assert found[-1] == "63"         # the comment count under the story
    assert not any("263.69 billion" in f or "per capita GDP" in f for f in found)


def test_spans_are_offsets_into_the_raw_text_even_with_windows_line_endings():
    text = "Advertisement\r\nExports rose 5 per cent.\r\n12:05\r\nCaption of a video\r\n"
    spans = furniture_spans(text)
    assert [text[s:e] for s, e in spans] == ["Advertisement", "12:05", "Caption of a video"]


def test_a_clock_time_inside_a_sentence_is_not_furniture():
    assert furniture_spans("The market closed at 16:00 with shares 3 per cent higher.") == []


def test_title_falls_back_to_the_first_line_that_is_not_furniture(seed_text):
    assert first_content_line(seed_text).startswith("China’s Xinjiang gets money, talent")
    assert first_content_line("Advertisement\n\nFactory output jumps\nBody.") == "Factory output jumps"
