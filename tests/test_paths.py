import pytest

from helpers.paths import repo_root


def test_root_found_from_another_directory(tmp_path, monkeypatch, root):
    monkeypatch.chdir(tmp_path)  # not inside the repo: falls back to where the package lives
    monkeypatch.delenv("SZIP_ROOT", raising=False)
    assert repo_root() == root


def test_root_found_from_a_notebook_folder(monkeypatch, root):
    monkeypatch.chdir(root / "chapters" / "legal")
    assert repo_root() == root


def test_root_prefers_the_working_tree(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "_config.yml").write_text("title: x\n")
    (tmp_path / "chapters").mkdir()
    monkeypatch.chdir(tmp_path / "chapters")
    assert repo_root() == tmp_path


def test_env_override_must_point_at_a_root(tmp_path, monkeypatch):
    monkeypatch.setenv("SZIP_ROOT", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="SZIP_ROOT"):
        repo_root()
