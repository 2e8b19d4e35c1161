"""The public surface: sorted re-exports, light import, typed package."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import BaseModel

import community_governance
from community_governance import models

#: The models a user constructs: every pydantic model exported by `models` but the bases.
PUBLIC_MODELS = sorted(
    (
        obj
        for obj in (getattr(models, name) for name in models.__all__)
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and obj not in (models.StrictModel, models.Subject)
    ),
    key=lambda m: m.__name__,
)


class TestExports:
    """`community_governance` re-exports a sorted __all__ and defines nothing itself."""

    def test_all_is_sorted_and_complete(self) -> None:
        """__all__ is sorted (constants, classes, functions — ruff's RUF022 order) and every
        name in it exists."""
        names = community_governance.__all__

        def group(n: str) -> tuple[int, str]:
            return (0 if n.isupper() else 1 if n[:1].isupper() else 2, n)

        assert list(names) == sorted(names, key=group)
        for name in names:
            assert hasattr(community_governance, name), name

    def test_every_closed_vocabulary_of_the_models_is_exported(self) -> None:
        """Every ``Literal`` alias the models define (a closed vocabulary a form offers:
        `CommitteeKind`, `FundKind`…) is in ``community_governance.models.__all__``."""
        import importlib
        import pkgutil
        import typing

        from community_governance import models

        defined = set()
        for info in pkgutil.iter_modules(models.__path__):
            module = importlib.import_module(f"community_governance.models.{info.name}")
            for name, value in vars(module).items():
                if not name.startswith("_") and typing.get_origin(value) is typing.Literal:
                    defined.add(name)
        assert len(defined) > 20
        assert defined <= set(models.__all__), sorted(defined - set(models.__all__))

    def test_py_typed_is_shipped(self) -> None:
        """The package carries its py.typed marker."""
        from importlib import resources

        assert resources.files("community_governance").joinpath("py.typed").is_file()

    def test_import_does_not_load_hypothesis_yaml_or_pytest(self) -> None:
        """Importing the library pulls in nothing heavy or test-only."""
        code = (
            "import sys, community_governance; "
            "print(sorted(m for m in ('hypothesis', 'yaml', 'pytest', 'jsonschema') "
            "if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == "[]"

    def test_bare_import_defers_the_library(self) -> None:
        """`import community_governance` imports no model or rulebook until a name is used;
        using one imports what it needs and keeps it."""
        code = (
            "import sys, community_governance as cg; "
            "before = 'community_governance.models' in sys.modules; "
            "cg.Proposal; "
            "print(before, 'community_governance.models' in sys.modules, "
            "'Proposal' in vars(cg))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.split() == ["False", "True", "True"]

    def test_unknown_name_is_an_attribute_error(self) -> None:
        """A name that is not public raises AttributeError, as a module should."""
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            community_governance.nope  # noqa: B018


class TestTypeStrategies:
    """The hypothesis entry point registers strategies for our models."""

    def test_strategies_can_be_the_first_import(self) -> None:
        """Regression: importing strategies first imports hypothesis, whose entry point hook
        must not import strategies back (it did, and the import failed)."""
        code = "from community_governance.strategies import proposals; print('ok')"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert (out.returncode, out.stdout.strip()) == (0, "ok"), out.stderr

    def test_every_registered_model_has_its_strategy(self) -> None:
        """Each type strategy the hook registers names a model and a strategy that exist."""
        from community_governance import models, strategies
        from community_governance.testing import _hypothesis as _hypothesis_plugin

        for model, function in _hypothesis_plugin.TYPE_STRATEGIES.items():
            assert hasattr(models, model), model
            assert function in strategies.__all__, function

    def test_every_public_model_is_registered(self) -> None:
        """Every pydantic model of `community_governance.models.__all__` has a type strategy,
        except the two abstract bases, StrictModel and Subject."""
        from community_governance.testing import _hypothesis as _hypothesis_plugin

        registered = set(_hypothesis_plugin.TYPE_STRATEGIES)
        assert registered == {m.__name__ for m in PUBLIC_MODELS}

    @pytest.mark.parametrize(
        "model",
        PUBLIC_MODELS,
        ids=lambda m: m.__name__,
    )
    def test_from_type_draws_valid_models(self, model: type[BaseModel]) -> None:
        """st.from_type(model) draws instances of the model that pass its strict validation
        again, from their JSON (the strategies never rely on coercion)."""
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        seen: list[BaseModel] = []

        @settings(
            max_examples=3,
            database=None,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )
        @given(st.from_type(model))
        def draw(value: BaseModel) -> None:
            assert type(value) is model
            text = value.model_dump_json()
            assert model.model_validate_json(text).model_dump_json() == text
            assert model.model_validate(value.model_dump(), strict=True) == value
            seen.append(value)

        draw()
        assert seen
