"""Config discovery, precedence and validation (plansjekk.config)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from plansjekk.config import (
    ConfigError,
    effective_options,
    find_config,
    option_fields,
    resolve_settings,
)
from plansjekk.policy import FailOn
from plansjekk.settings import Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def resolve(cwd: Path, cli: dict | None = None, config: str | None = None, env=None):
    return resolve_settings(cli or {}, config, cwd, environ=env or {})


@pytest.fixture(autouse=True)
def _known_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    """Format names are another layer's registry; pin them so these tests stay about config."""
    monkeypatch.setattr(
        "plansjekk.config._known_formats", lambda: ("terminal", "json", "sarif", "markdown")
    )


def test_every_settings_field_is_a_config_key_named_like_its_option() -> None:
    keys = set(option_fields())
    expected = {f.name.replace("_", "-") for f in dataclasses.fields(Settings)} - {"sources"}
    assert keys == expected
    for key in ("fail-on", "exit-zero", "quiet", "verbose", "max-pages", "max-mb", "color"):
        assert key in keys


def test_defaults_without_any_config(tmp_path: Path) -> None:
    settings = resolve(tmp_path)
    assert settings.fail_on is FailOn.REQUIRED_PARTIAL
    assert settings.lang == "nb"
    assert set(settings.sources.values()) == {"default"}
    assert settings.exceptions == "plansjekk-unntak.toml"


def test_discovery_from_a_nested_working_directory(tmp_path: Path) -> None:
    config = write(tmp_path / "plansjekk.toml", 'fail-on = "never"\nlang = "nn"\n')
    nested = tmp_path / "planer" / "2025"
    nested.mkdir(parents=True)
    settings = resolve(nested)
    assert settings.fail_on is FailOn.NEVER
    assert settings.lang == "nn"
    assert settings.sources["fail_on"] == str(config)
    assert settings.sources["format"] == "default"


def test_pyproject_without_table_does_not_stop_the_search(tmp_path: Path) -> None:
    config = write(tmp_path / "plansjekk.toml", 'lang = "en"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    settings = resolve(tmp_path / "sub")
    assert settings.sources["lang"] == str(config)


def test_nearest_pyproject_table_wins_over_a_file_further_up(tmp_path: Path) -> None:
    write(tmp_path / "plansjekk.toml", 'lang = "en"\n')
    near = write(tmp_path / "sub" / "pyproject.toml", '[tool.plansjekk]\nlang = "nn"\n')
    settings = resolve(tmp_path / "sub")
    assert settings.lang == "nn"
    assert settings.sources["lang"] == str(near)


def test_plansjekk_toml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.plansjekk]\nlang = "nn"\n')
    write(tmp_path / "plansjekk.toml", 'lang = "en"\n')
    found = find_config(tmp_path)
    assert found is not None and found.path.name == "plansjekk.toml"
    assert resolve(tmp_path).lang == "en"


def test_explicit_config_overrides_discovery(tmp_path: Path) -> None:
    write(tmp_path / "plansjekk.toml", 'lang = "en"\n')
    other = write(tmp_path / "ci" / "strict.toml", 'fail-on = "any-partial"\n')
    settings = resolve(tmp_path, config="ci/strict.toml")
    assert settings.fail_on is FailOn.ANY_PARTIAL
    assert settings.lang == "nb"  # the discovered file is not read at all
    assert settings.sources["fail_on"] == str(other)


def test_precedence_cli_over_env_over_file_over_defaults(tmp_path: Path) -> None:
    config = write(
        tmp_path / "plansjekk.toml",
        'fail-on = "never"\nlang = "nn"\nformat = "json"\njobs = 3\n',
    )
    env = {"PLANSJEKK_FAIL_ON": "any-partial", "PLANSJEKK_LANG": "en"}
    settings = resolve(tmp_path, cli={"fail_on": FailOn.REQUIRED_MISSING}, env=env)
    assert settings.fail_on is FailOn.REQUIRED_MISSING
    assert settings.sources["fail_on"] == "cli"
    assert settings.lang == "en"
    assert settings.sources["lang"] == "env"
    assert settings.format == "json"
    assert settings.jobs == 3
    assert settings.sources["format"] == str(config)
    assert settings.sources["timeout"] == "default"


def test_env_values_are_parsed_by_type(tmp_path: Path) -> None:
    env = {
        "PLANSJEKK_EXIT_ZERO": "ja",
        "PLANSJEKK_JOBS": "4",
        "PLANSJEKK_RULES": "bvl-15-1, egne/regler.yaml",
        "PLANSJEKK_COLOR": "auto",
        "PLANSJEKK_CACHE_DIR": "/tmp/not-an-option",
    }
    settings = resolve(tmp_path, env=env)
    assert settings.exit_zero is True
    assert settings.jobs == 4
    assert settings.rules == ("bvl-15-1", "egne/regler.yaml")
    assert settings.color is None


def test_relative_paths_in_a_config_file_are_relative_to_its_folder(tmp_path: Path) -> None:
    write(
        tmp_path / "plansjekk.toml",
        'paths = ["planer"]\nrules = ["bvl-15-1", "regler/egne.yaml"]\n'
        'output = "rapport.json"\nexceptions = "unntak.toml"\n',
    )
    (tmp_path / "sub").mkdir()
    settings = resolve(tmp_path / "sub")
    assert Path(settings.paths[0]) == (tmp_path / "planer").resolve()
    assert settings.rules[0] == "bvl-15-1"
    assert Path(settings.rules[1]) == (tmp_path / "regler" / "egne.yaml").resolve()
    assert Path(settings.output) == (tmp_path / "rapport.json").resolve()
    # Inside the working directory, paths stay short and relative.
    assert resolve(tmp_path).paths == ("planer",)


def test_default_exceptions_file_lies_beside_the_config(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.plansjekk]\nlang = "nb"\n')
    (tmp_path / "planer").mkdir()
    settings = resolve(tmp_path / "planer")
    assert Path(settings.exceptions) == (tmp_path / "plansjekk-unntak.toml").resolve()
    assert settings.sources["exceptions"] == "default"


def test_unknown_key_names_file_line_and_suggestion(tmp_path: Path) -> None:
    config = write(tmp_path / "plansjekk.toml", 'lang = "nb"\n\nfail_on = "never"\n')
    with pytest.raises(ConfigError) as caught:
        resolve(tmp_path)
    assert caught.value.render("nb") == (
        f"{config}:3: ukjent nøkkel «fail_on» – mente du «fail-on»?"
    )
    assert "did you mean 'fail-on'" in caught.value.render("en")


def test_unknown_key_in_pyproject_table_has_its_line(tmp_path: Path) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "kommune"\nformat = "x"\n\n[tool.plansjekk]\nformatt = "json"\n',
    )
    with pytest.raises(ConfigError) as caught:
        resolve(tmp_path)
    assert caught.value.render("nb") == f"{config}:6: ukjent nøkkel «formatt» – mente du «format»?"


def test_wrong_values_name_the_allowed_ones_and_all_problems_are_reported(tmp_path: Path) -> None:
    config = write(
        tmp_path / "plansjekk.toml",
        'fail-on = "sometimes"\njobs = "many"\ncache = 3\nformat = "pdf"\nlang = "de"\n',
    )
    with pytest.raises(ConfigError) as caught:
        resolve(tmp_path)
    lines = caught.value.render("nb").splitlines()
    assert lines == [
        f"{config}:1: «fail-on» kan ikke være 'sometimes'. Tillatte verdier: "
        "required-missing, required-partial, any-partial, never",
        f"{config}:2: «jobs» må være et heltall, ikke 'many'",
        f"{config}:3: «cache» må være true eller false, ikke 3",
        f"{config}:4: «format» kan ikke være 'pdf'. Tillatte verdier: "
        "terminal, json, sarif, markdown",
        f"{config}:5: «lang» kan ikke være 'de'. Tillatte verdier: nb, nn, en",
    ]


def test_bad_env_and_cli_values_name_their_origin(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        resolve(tmp_path, cli={"jobs": 0}, env={"PLANSJEKK_FAIL_ON": "x"})
    text = caught.value.render("en")
    assert "PLANSJEKK_FAIL_ON: 'fail-on' cannot be 'x'" in text
    assert "--jobs: 'jobs' must be at least 1, not 0" in text


def test_toml_syntax_error_has_a_line(tmp_path: Path) -> None:
    config = write(tmp_path / "plansjekk.toml", 'lang = "nb"\nfail-on = \n')
    with pytest.raises(ConfigError) as caught:
        resolve(tmp_path)
    assert caught.value.render("nb").startswith(f"{config}:2: ugyldig TOML")


def test_missing_explicit_config_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        resolve(tmp_path, config="nope.toml")


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[project]\n")
    with pytest.raises(ConfigError) as caught:
        resolve(tmp_path, config="pyproject.toml")
    assert "[tool.plansjekk]" in caught.value.render("nb")


def test_effective_options_lists_every_key_with_its_source(tmp_path: Path) -> None:
    config = write(tmp_path / "plansjekk.toml", "max-pages = 50\n")
    rows = {key: (value, source) for key, value, source in effective_options(resolve(tmp_path))}
    assert rows["max-pages"] == (50, str(config))
    assert rows["fail-on"] == (FailOn.REQUIRED_PARTIAL, "default")


def test_every_message_of_this_area_has_all_three_languages() -> None:
    from importlib import resources

    import yaml

    text = resources.files("plansjekk.locale").joinpath("config.yaml").read_text("utf-8")
    for key, texts in yaml.safe_load(text).items():
        assert set(texts) == {"nb", "nn", "en"}, key
