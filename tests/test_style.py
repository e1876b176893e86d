import warnings
from pathlib import Path

import numpy as np
from matplotlib import font_manager

from helpers import style


def test_bundled_font_is_the_one_used():
    path = style.register_bundled_font()
    assert path.name == "NotoSansCJKsc-Regular.otf"
    assert style.assert_bundled_font() == path


def test_same_named_system_font_is_removed(tmp_path):
    """A system 'Noto Sans CJK SC' (e.g. Debian's fonts-noto-cjk) must not win over the bundled file."""
    decoy = font_manager.FontEntry(
        fname=str(Path(font_manager.findfont("DejaVu Sans"))),
        name=style.FONT_FAMILY,
        style="normal",
        weight=400,
        stretch="normal",
    )
    font_manager.fontManager.ttflist.insert(0, decoy)
    font_manager.fontManager._findfont_cached.cache_clear()  # test-only: forget the lookups made before the decoy
    style.use_house_style()
    assert (
        Path(font_manager.findfont(font_manager.FontProperties(family=style.FONT_FAMILY))) == style.bundled_font_path()
    )
    assert not any(f is decoy for f in font_manager.fontManager.ttflist)


def _render(text, family):
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(2, 0.6), dpi=100)
    fig.text(0.05, 0.3, text, family=family, fontsize=20)
    fig.canvas.draw()
    img = np.asarray(fig.canvas.buffer_rgba())[..., 0].copy()
    plt.close(fig)
    return img


def test_chinese_labels_render_as_glyphs_not_boxes(tmp_path):
    style.use_house_style()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a 'Glyph … missing' warning would raise here
        cjk = _render("深圳专利", style.FONT_FAMILY)
        other = _render("深圳知识", style.FONT_FAMILY)
    # different characters give different pixels (missing glyphs would all be the same box)
    assert (cjk != other).any()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tofu_a, tofu_b = _render("深圳专利", "DejaVu Sans"), _render("深圳知识", "DejaVu Sans")
    assert (tofu_a == tofu_b).all(), "control: DejaVu Sans draws every CJK character as the same box"


def test_colours_are_one_per_entity():
    cols = [v for k, v in style.COLOURS.items()]
    assert len(cols) == len(set(cols))
    assert style.colour("shenzhen") == style.COLOURS["shenzhen"]
    assert style.colour("nowhere") == style.COLOURS["other"]


def test_private_matplotlib_api_still_there():
    """helpers.charts uses a few private matplotlib names (listed there, checked against 3.11.2): an upgrade that
    renames them must fail here, not in a chart."""
    import matplotlib
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    fig.suptitle("s")
    try:
        assert callable(ax.xaxis._update_ticks)
        assert all(hasattr(ax, n) for n in ("_left_title", "_right_title")) and fig._suptitle is not None
    finally:
        plt.close(fig)
    assert matplotlib.__version__ == "3.11.2", (
        "check helpers.charts' private matplotlib names, then update the version there and here"
    )
