"""Objects loaded by a client keep a reference to it exactly when their class has helpers that call CDF."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import cognite.client.data_classes as dc
from cognite.client.data_classes._base import CogniteObject


def _data_classes() -> list[type[CogniteObject]]:
    out = []
    for info in pkgutil.walk_packages(dc.__path__, dc.__name__ + "."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, CogniteObject) and obj.__module__ == module.__name__:
                out.append(obj)
    return out


def test_every_class_whose_methods_call_cdf_keeps_its_client() -> None:
    calls_cdf = []
    for cls in _data_classes():
        own = "".join(
            inspect.getsource(v) for k, v in vars(cls).items() if inspect.isfunction(v) and k != "_get_client"
        )
        if "_get_client(" in own or "_family(" in own:
            calls_cdf.append(cls)
    assert calls_cdf, "expected some classes with API-calling helpers"
    missing = [c.__qualname__ for c in calls_cdf if not c._NEEDS_CLIENT]
    assert missing == []


async def test_loaded_objects_get_the_client_only_when_they_need_it() -> None:
    from cognite.client.data_classes import Asset, Event
    from cognite.client.data_classes._base import set_client

    sentinel = object()
    asset, event = Asset(id=1), Event(id=1)
    set_client(asset, sentinel)
    set_client(event, sentinel)
    assert asset._get_client() is sentinel
    assert "_cognite_client" not in event.__dict__
    event.custom_attribute = 1  # user code may still set attributes of its own
    assert event.custom_attribute == 1
