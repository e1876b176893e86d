from helpers import readme


def test_generated_readme_sections_are_up_to_date():
    assert readme.main(["--check"]) == 0, "run `make readme` and commit the result"


def test_readme_states_the_two_commands(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    assert "make book" in text and "make test" in text
