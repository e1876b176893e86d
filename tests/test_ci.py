"""The CI script and workflow: apt-get update before installing, `make test`'s failures (pytest's exit 5
for 'no tests collected' included) fail CI, and the workflow publishes the build it tested."""

import os
import re
import subprocess

from conftest import ROOT

WORKFLOW = (ROOT / ".github/workflows/pages.yml").read_text()


def _stub_bin(tmp_path, make_rc):
    b = tmp_path / "bin"
    b.mkdir()
    log = tmp_path / "calls"
    for name, body in {
        "apt-get": f'echo "apt-get $*" >> {log}',
        "chromium": "exit 0",
        "make": f'echo "make $*" >> {log}; exit {make_rc}',
        "id": "echo 0",
    }.items():
        (b / name).write_text(f"#!/bin/sh\n{body}\n")
        (b / name).chmod(0o755)
    return b, log


def _run_ci(tmp_path, make_rc):
    b, log = _stub_bin(tmp_path, make_rc)
    env = {**os.environ, "PATH": f"{b}:/usr/bin:/bin", "CI": "true"}
    clone = tmp_path / "clone"  # an empty checkout with just the script: nothing built yet
    (clone / ".ci").mkdir(parents=True)
    (clone / ".ci/run").write_bytes((ROOT / ".ci/run").read_bytes())
    r = subprocess.run(["bash", str(clone / ".ci/run")], capture_output=True, text=True, env=env, timeout=60)
    return r, log.read_text().splitlines()


def test_ci_updates_apt_first_and_runs_make_test(tmp_path):
    r, calls = _run_ci(tmp_path, make_rc=0)
    assert calls[0].startswith("apt-get update") and "install" in calls[1] and "chromium" in calls[1]
    assert calls[2] == "make test"
    # make test passed but (in this stub) built nothing: CI must not call that a success
    assert r.returncode != 0 and "no _build/html/index.html" in r.stderr


def test_no_tests_collected_is_a_failure(tmp_path):
    r, calls = _run_ci(tmp_path, make_rc=5)
    assert r.returncode == 5 and "make test failed (exit 5)" in r.stderr


def test_make_test_does_not_swallow_pytest_exit_codes():
    recipe = (ROOT / "Makefile").read_text().split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "pytest" in recipe and not re.search(r"\|\||; *true|-\$\(BIN\)|^\t-", recipe, re.M)


def test_workflow_pins_actions_by_commit_and_has_timeouts():
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    jobs = WORKFLOW.split("\njobs:\n", 1)[1]
    n_jobs = len(re.findall(r"^  [\w-]+:\s*$", jobs, re.M))
    assert len(re.findall(r"^    timeout-minutes: \d+", jobs, re.M)) == n_jobs


def test_workflow_deploys_the_build_it_tested():
    """One job runs the tests and uploads _build/html; no step builds again after the tests."""
    steps = WORKFLOW.split("test-and-build:", 1)[1].split("\n  deploy:", 1)[0]
    after = steps.split(".ci/run", 1)[1]
    assert "upload-pages-artifact" in after and "path: _build/html" in after
    assert not re.search(r"make (book|test)|jupyter-book", after)
    assert "needs: test-and-build" in WORKFLOW
