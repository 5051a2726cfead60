"""What the engine reads around a figure for the claim checks (tasks/extract/cues.py), on real
sentences of the seed article and on the sentences the claim checks are about."""
from __future__ import annotations

import pytest

from tasks.config import PROJECT_ROOT
from tasks.extract import parse_figures

SEED = (PROJECT_ROOT / "raw" / "articles" / "scmp-xinjiang-pairing-assistance.txt").read_text(encoding="utf-8")


def by_surface(text: str) -> dict:
    return {f.surface: f for f in parse_figures(text)}


def test_a_percentage_set_off_by_a_dash_and_or_just_is_apposed_to_the_amount_before_it():
    figures = by_surface(SEED)
    share, amount = figures["76 per cent"], figures["54,280 yuan"]
    assert share.apposed_seq == amount.seq and share.of_follows
    # the amount itself follows a sentence, not a figure it restates
    assert amount.apposed_seq is None


def test_the_whole_after_among_carries_the_whole_cue_and_its_part_does_not():
    figures = by_surface(SEED)
    assert figures["151,000 labourers"].whole_cue and not figures["114,700"].whole_cue


def test_a_percentage_beside_a_word_of_growth_carries_the_growth_cue():
    figures = by_surface("Exports rose 12 per cent, from 100 billion yuan to 112 billion yuan. "
                         "Of the total, 62 per cent went to Asia.")
    assert figures["12 per cent"].growth_cue and not figures["62 per cent"].growth_cue


def test_every_figure_states_its_precision_as_half_a_unit_of_its_last_written_digit():
    figures = by_surface(SEED)
    assert figures["US$620"].half_unit == 5
    assert figures["3.94 billion yuan"].half_unit == 0.005e9
    assert figures["76 per cent"].half_unit == 0.5
    assert all(f.half_unit is not None and f.half_unit > 0 for f in figures.values())


def test_chinese_figures_carry_their_precision_too():
    figures = parse_figures("2023年全市地区生产总值达到3.5万亿元，比上年增长5.2%。")
    assert figures and all(f.half_unit is not None for f in figures)
    halves = {f.surface: f.half_unit for f in figures}
    assert halves["增长5.2%"] == pytest.approx(0.05) and halves["3.5万亿元"] == pytest.approx(0.05e12)
